import Foundation
import RapportCRM
import RapportLog

/// Loads CSV files into the log through the command path, as a mapping describes (docs/IMPORT.md): every row
/// becomes the commands that bring the log to what the row says, validated like any command, appended in bulk
/// with the row's business times and its provenance; re-running appends nothing; a failed row is explained in the
/// error file.
public enum Importer {
    /// Runs an import.
    ///
    /// - Parameters:
    ///   - mapping: The mapping.
    ///   - engine: The engine of the data directory.
    ///   - options: The source and output directories, the run's id, whether it is a dry run.
    /// - Returns: The reconciliation.
    /// - Throws: ``RapportError`` `unreadable_input` when a file cannot be read (or has no header), `invalid_input`
    ///   when a mapped column is not in a file's header, or a log failure.
    public static func run(_ mapping: ImportMapping, into engine: Engine, options: ImportOptions) async throws
        -> ImportSummary
    {
        let clock = ContinuousClock()
        let started = clock.now
        let tables = try mapping.files.map { try table(for: $0, options: options) }
        let session = ImportSession(engine: engine, mapping: mapping, options: options)
        let opened = try await openDeclaredAccounts(session)
        var summaries: [ImportSummary.FileSummary] = []
        for (index, file) in mapping.files.enumerated() {
            try await load(file, table: tables[index], index: index, session: session)
        }
        try await session.finish()
        let state = options.dryRun ? session.shadow : engine.decisionState
        try FileManager.default.createDirectory(atPath: options.outputDirectory, withIntermediateDirectories: true)
        for (index, file) in mapping.files.enumerated() {
            summaries.append(
                try await ImportReports.write(
                    file,
                    table: tables[index],
                    plans: session.plans[index],
                    state: state,
                    outputDirectory: options.outputDirectory
                )
            )
        }
        let seconds = max(started.duration(to: clock.now) / .seconds(1), 1e-9)
        let rows = summaries.reduce(0) { $0 + $1.read }
        return ImportSummary(
            batchId: options.batchId,
            dryRun: options.dryRun,
            files: summaries,
            declaredAccountsOpened: opened,
            rows: rows,
            events: summaries.reduce(0) { $0 + $1.events },
            seconds: seconds,
            rowsPerSecond: Double(rows) / seconds,
            logEnd: options.dryRun ? engine.log.endPosition : engine.withCore { $0.nextPosition },
            outputDirectory: options.outputDirectory,
            balanced: summaries.allSatisfy { $0.balanced && $0.amounts?.balanced != false }
        )
    }

    private static func table(for file: FileMapping, options: ImportOptions) throws -> CSVTable {
        let path = (options.sourceDirectory as NSString).appendingPathComponent(file.file)
        guard let contents = FileManager.default.contents(atPath: path) else {
            throw RapportError(.unreadableInput, "cannot read \(path), which the mapping names")
        }
        let table: CSVTable
        do {
            table = try CSVReader.read(Array(contents), file: file.file)
        } catch {
            throw RapportError(.unreadableInput, error.message, cause: error)
        }
        var columns = [file.externalId.column]
        columns += file.fields.values.map(\.column)
        columns.append(file.parent?.column)
        if file.record == .event { columns += RowTranslator.eventColumns }
        for column in columns.compactMap({ $0 }) where table.column(named: column) == nil {
            throw RapportError(
                .invalidInput,
                "the mapping reads column \(column) of \(file.file), whose header has "
                    + table.header.joined(separator: ", ")
            )
        }
        return table
    }

    private static func openDeclaredAccounts(_ session: ImportSession) async throws -> Int {
        var opened = 0
        var envelopes: [CommandEnvelope] = []
        for account in session.mapping.accounts where session.shadow.accounts[account.id] == nil {
            let command = OpenAccount(
                accountId: account.id,
                name: account.name,
                industry: account.industry,
                ownerId: account.ownerId
            )
            envelopes.append(
                CommandEnvelope(
                    command.command,
                    actor: session.mapping.actor,
                    commandId: "import:\(session.mapping.name):account:\(account.id)",
                    occurredAt: account.openedAt
                )
            )
            opened += 1
        }
        guard !envelopes.isEmpty else { return 0 }
        let row = CSVTable.Row(number: 0, fields: [], raw: "")
        session.plans.append([RowPlan(row: row, commands: envelopes)])
        try await session.check(file: 0, plan: 0)
        if let failure = session.plans[0][0].failure {
            throw RapportError(.invalidInput, "the mapping's accounts are refused: \(failure.message)")
        }
        try await session.finish()
        session.plans.removeAll()
        return opened
    }
}
