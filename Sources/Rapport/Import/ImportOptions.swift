/// How an import runs: where the CSV files are, where the reports go, whether anything is written.
public struct ImportOptions: Sendable {
    /// The directory holding the mapping's files.
    public var sourceDirectory: String
    /// The directory the success and error files are written to.
    public var outputDirectory: String
    /// Whether to only check every row, against the state the earlier rows would leave, and append nothing.
    public var dryRun: Bool
    /// The id of this run, recorded in every event's provenance.
    public var batchId: String
    /// Called now and then with the file, the rows done and the file's rows.
    public var progress: @Sendable (_ file: String, _ done: Int, _ total: Int) -> Void

    /// Creates options.
    ///
    /// - Parameters:
    ///   - sourceDirectory: The directory holding the mapping's files.
    ///   - outputDirectory: Where the success and error files go.
    ///   - dryRun: Whether to append nothing.
    ///   - batchId: The run's id.
    ///   - progress: Called with the file, the rows done and the file's rows.
    public init(
        sourceDirectory: String,
        outputDirectory: String,
        dryRun: Bool = false,
        batchId: String,
        progress: @escaping @Sendable (_ file: String, _ done: Int, _ total: Int) -> Void = { _, _, _ in }
    ) {
        self.sourceDirectory = sourceDirectory
        self.outputDirectory = outputDirectory
        self.dryRun = dryRun
        self.batchId = batchId
        self.progress = progress
    }
}
