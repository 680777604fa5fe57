import RapportCRM

/// What an import did, file by file, reconciled: rows read = created + updated + unchanged + failed + skipped,
/// and the amounts of the source against those in the log after the import.
public struct ImportSummary: Sendable, Hashable, Encodable {
    /// One file's reconciliation.
    public struct FileSummary: Sendable, Hashable, Encodable {
        /// The file's name.
        public var file: String
        /// What its rows are.
        public var record: String
        /// Data rows read.
        public var read = 0
        /// Rows whose record is new.
        public var created = 0
        /// Rows that changed a known record.
        public var updated = 0
        /// Rows the log already agreed with.
        public var unchanged = 0
        /// Rows refused (in the error file).
        public var failed = 0
        /// Rows deliberately not loaded (in the success file, with the reason).
        public var skipped = 0
        /// Events appended (or that would be, in a dry run).
        public var events = 0
        /// The amounts, for a file with an amount field.
        public var amounts: AmountReconciliation?
        /// The success file written.
        public var successFile: String
        /// The error file written.
        public var errorFile: String

        /// Whether the rows add up: read = created + updated + unchanged + failed + skipped.
        public var balanced: Bool { read == created + updated + unchanged + failed + skipped }

        /// Adds another summary's counts of rows and events to this one's.
        mutating func add(_ other: FileSummary) {
            read += other.read
            created += other.created
            updated += other.updated
            unchanged += other.unchanged
            failed += other.failed
            skipped += other.skipped
            events += other.events
        }

        mutating func count(_ outcome: ImportOutcome) {
            switch outcome {
            case .created: created += 1
            case .updated: updated += 1
            case .unchanged: unchanged += 1
            case .failed: failed += 1
            case .skipped: skipped += 1
            }
        }

        enum CodingKeys: String, CodingKey {
            case file, record, read, created, updated, unchanged, failed, skipped, events, amounts, successFile
            case errorFile, balanced
        }

        /// Writes the summary with its `balanced` flag.
        ///
        /// - Parameter encoder: The encoder.
        /// - Throws: `EncodingError` (never for these values).
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(file, forKey: .file)
            try container.encode(record, forKey: .record)
            try container.encode(read, forKey: .read)
            try container.encode(created, forKey: .created)
            try container.encode(updated, forKey: .updated)
            try container.encode(unchanged, forKey: .unchanged)
            try container.encode(failed, forKey: .failed)
            try container.encode(skipped, forKey: .skipped)
            try container.encode(events, forKey: .events)
            try container.encodeIfPresent(amounts, forKey: .amounts)
            try container.encode(successFile, forKey: .successFile)
            try container.encode(errorFile, forKey: .errorFile)
            try container.encode(balanced, forKey: .balanced)
        }
    }

    /// A file's amounts: the source's, and the log's after the import, read from the engine's state.
    public struct AmountReconciliation: Sendable, Hashable, Encodable {
        /// The column summed.
        public var column: String
        /// The sum over every row of the file that has a readable amount.
        public var source: Double
        /// The sum over the rows that are in the log (not failed or skipped).
        public var sourceLoaded: Double
        /// The sum of the amounts of those rows' records, as the log has them after the import.
        public var log: Double
        /// Whether the loaded rows' sum is what the log holds.
        public var balanced: Bool
    }

    /// The run's id.
    public var batchId: String
    /// Whether nothing was written to the log.
    public var dryRun: Bool
    /// Each file, in load order.
    public var files: [FileSummary]
    /// The accounts the mapping declares: how many were opened by this run.
    public var declaredAccountsOpened: Int
    /// Data rows read in all files.
    public var rows: Int
    /// Events appended in all (or that would be, in a dry run).
    public var events: Int
    /// The seconds the import took.
    public var seconds: Double
    /// Rows read per second.
    public var rowsPerSecond: Double
    /// The log's end position after the import.
    public var logEnd: UInt64
    /// Where the success and error files are.
    public var outputDirectory: String

    /// Whether every file's rows and amounts add up.
    public var balanced: Bool
}
