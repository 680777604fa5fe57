/// Where an imported event came from: the import run, the source file and the row in it.
///
/// Only events written by an import carry it, so an auditor can trace every imported change back to the line of
/// the spreadsheet or export it was read from.
public struct ImportProvenance: Sendable, Hashable {
    /// The id of the import run that wrote the event, e.g. `import-20260301T090000Z-4f2a`.
    public var batchId: String
    /// The source file, as the mapping names it, e.g. `sales_pipeline.csv`.
    public var file: String
    /// The row's number in the file, 1 for the header row, so the first data row is 2 (its line number unless a
    /// quoted field spans lines).
    public var row: UInt64

    /// Creates a provenance.
    ///
    /// - Parameters:
    ///   - batchId: The import run's id.
    ///   - file: The source file.
    ///   - row: The row's number in the file.
    public init(batchId: String, file: String, row: UInt64) {
        self.batchId = batchId
        self.file = file
        self.row = row
    }
}
