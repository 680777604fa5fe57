import RapportCRM

extension Importer {
    /// Plans and checks every row of one file, in the order its record needs: reference keys gathered, accounts
    /// parents first, opportunities and events in file order, a case's updates in sequence order, case by case.
    static func load(_ file: FileMapping, table: CSVTable, index: Int, session: ImportSession) async throws {
        let columns = table.columnIndexes
        let file = file.reading(header: columns)
        session.plans.append(table.rows.map { RowPlan(row: $0, failure: $0.problem) })
        if file.record != .reference { session.reserve(rows: table.rows.count) }
        if file.record == .account {
            session.accountNames[file.file] = accountNames(file, table: table, columns: columns)
        }
        let translator = RowTranslator(
            mapping: session.mapping,
            file: file,
            columns: columns,
            batchId: session.options.batchId,
            configuration: session.engine.configuration,
            accountNames: session.accountNames,
            referenceKeys: session.referenceKeys
        )
        let readable = table.rows.indices.filter { table.rows[$0].problem == nil }
        let progress = { (done: Int) in session.options.progress(file.file, done, table.rows.count) }
        switch file.record {
        case .reference:
            session.referenceKeys[file.file] = referenceKeys(
                readable,
                translator: translator,
                session: session,
                file: index
            )
        case .account:
            let order = translator.parentFirstOrder(readable.map { table.rows[$0] }).map { readable[$0] }
            try await loadRows(order, of: table, file: file, index: index, session: session, progress: progress) {
                $0
            } plan: {
                translator.accountPlan($0, in: session.shadow)
            }
        case .opportunity:
            try await loadRows(readable, of: table, file: file, index: index, session: session, progress: progress) {
                translator.opportunityDraft($0)
            } plan: {
                translator.opportunityPlan($0, in: session.shadow)
            }
        case .caseUpdate:
            try await loadCases(readable, table: table, translator: translator, session: session, file: index)
        case .event:
            try await loadRows(readable, of: table, file: file, index: index, session: session, progress: progress) {
                translator.eventPlan($0)
            } plan: {
                $0
            }
        }
        progress(table.rows.count)
    }

    /// Plans and checks rows one by one, in the order given, each a record of its own (a second row with an
    /// external id already given fails).
    ///
    /// What can be read of a row without the decision state (its draft) is read a chunk ahead, on another task,
    /// so that on two cores the next rows are read while the earlier ones are decided.
    ///
    /// - Parameters:
    ///   - rows: The rows' indexes in the table, in the order they load.
    ///   - table: The file as read.
    ///   - file: The file's mapping.
    ///   - index: The file's index in the session's plans.
    ///   - session: The import run.
    ///   - progress: Called now and then with the rows done.
    ///   - draft: What a row says, read without the decision state.
    ///   - plan: The plan of a row from its draft, against the state the rows before it leave.
    private static func loadRows<Draft: Sendable>(
        _ rows: [Int],
        of table: CSVTable,
        file: FileMapping,
        index: Int,
        session: ImportSession,
        progress: (Int) -> Void,
        draft: @escaping @Sendable (CSVTable.Row) -> Draft,
        plan: (Draft) -> RowPlan
    ) async throws {
        let chunks = stride(from: 0, to: rows.count, by: draftChunk).map { rows[$0..<min($0 + draftChunk, rows.count)] }
        func drafting(_ chunk: Int) -> Task<[Draft], Never>? {
            guard chunk < chunks.count else { return nil }
            let rows = chunks[chunk]
            return Task { rows.map { draft(table.rows[$0]) } }
        }
        var seen: Set<String> = []
        var done = 0
        var upcoming = drafting(0)
        for number in chunks.indices {
            let drafts = await upcoming?.value ?? []
            upcoming = drafting(number + 1)
            for (row, rowDraft) in zip(chunks[number], drafts) {
                session.plans[index][row] = plan(rowDraft)
                refuseRepeated(&session.plans[index][row], seen: &seen, file: file)
                try await session.check(file: index, plan: row)
                if done % 1024 == 0 { progress(done) }
                done += 1
            }
        }
    }

    /// How many rows are read ahead at a time.
    private static let draftChunk = 2048

    /// Fails a row whose external id an earlier row of the file already gave: one record, one row.
    private static func refuseRepeated(_ plan: inout RowPlan, seen: inout Set<String>, file: FileMapping) {
        guard plan.failure == nil, let key = plan.externalId else { return }
        guard seen.insert(key).inserted else {
            plan.failure = ImportProblem(
                "duplicate_external_id",
                field: file.externalId.column,
                "column \(file.externalId.column ?? "") \"\(key)\" is given by an earlier row too; "
                    + "each record has one row"
            )
            return
        }
    }

    private static func accountNames(_ file: FileMapping, table: CSVTable, columns: [String: Int]) -> [String: RecordId]
    {
        var names: [String: RecordId] = [:]
        guard let nameRule = file.fields["name"] else { return names }
        for row in table.rows where row.problem == nil {
            let values = RowValues(columns: columns, fields: row.fields)
            guard let name = values.text(nameRule), let key = values.text(file.externalId),
                let id = try? RowValues.recordId(key, transform: file.externalId.transform, source: "", field: "")
            else { continue }
            names[name] = id
        }
        return names
    }

    private static func referenceKeys(
        _ readable: [Int],
        translator: RowTranslator,
        session: ImportSession,
        file: Int
    ) -> Set<String> {
        var keys: Set<String> = []
        for row in readable {
            var plan = session.plans[file][row]
            let values = translator.values(plan.row)
            if let key = values.text(translator.file.externalId) {
                plan.externalId = key
                if keys.insert(key).inserted {
                    plan.skip = ImportProblem("reference", "a reference entry: checked against, not loaded")
                } else {
                    plan.failure = ImportProblem(
                        "duplicate_external_id",
                        field: translator.file.externalId.column,
                        "\(values.describe(translator.file.externalId)) \"\(key)\" is given by an earlier row too"
                    )
                }
            } else {
                plan.failure = ImportProblem(
                    "missing_value",
                    field: translator.file.externalId.column,
                    "\(values.describe(translator.file.externalId)) is empty: a reference entry needs its key"
                )
            }
            session.plans[file][row] = plan
        }
        return keys
    }

    /// Loads case updates case by case. An update whose commands are new but that comes before an update already
    /// imported is a rewrite of history, refused (`history_changed`); after a failed update, the case's later
    /// updates with new commands fail too (`earlier_update_failed`), since each builds on the one before.
    private static func loadCases(
        _ readable: [Int],
        table: CSVTable,
        translator: RowTranslator,
        session: ImportSession,
        file: Int
    ) async throws {
        var groups: [String: [Int]] = [:]
        var order: [String] = []
        for row in readable {
            let values = translator.values(table.rows[row])
            guard let key = values.text(translator.file.externalId) else {
                session.plans[file][row] = translator.casePlan(table.rows[row], after: nil, in: session.shadow).0
                continue
            }
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(row)
        }
        var done = 0
        for key in order {
            let rows = groups[key] ?? []
            let ordered = translator.caseOrder(rows.map { table.rows[$0] })
            let indexByNumber = Dictionary(uniqueKeysWithValues: rows.map { (table.rows[$0].number, $0) })
            var track: RowTranslator.CaseTrack?
            var planned: [(index: Int, plan: RowPlan)] = []
            for (row, skip) in ordered {
                guard let index = indexByNumber[row.number] else { continue }
                if let skip {
                    var plan = RowPlan(row: row, externalId: key)
                    plan.skip = skip
                    planned.append((index, plan))
                    continue
                }
                let (plan, next) = translator.casePlan(row, after: track, in: session.shadow)
                track = next
                planned.append((index, plan))
            }
            let lastImported = planned.lastIndex { entry in
                !entry.plan.commands.isEmpty && entry.plan.commands.allSatisfy(session.isKnown)
            }
            var failedBefore = false
            for (position, entry) in planned.enumerated() {
                var plan = entry.plan
                if plan.failure == nil, plan.skip == nil, !plan.commands.allSatisfy(session.isKnown) {
                    if failedBefore {
                        plan.failure = ImportProblem(
                            "earlier_update_failed",
                            "an earlier update of case \(key) failed, and this one builds on it"
                        )
                    } else if let lastImported, position < lastImported {
                        plan.failure = ImportProblem(
                            "history_changed",
                            "this update of case \(key) differs from the one imported before, and later updates are "
                                + "already in the log; the log keeps history, so import a new update instead"
                        )
                    }
                }
                session.plans[file][entry.index] = plan
                try await session.check(file: file, plan: entry.index)
                if session.plans[file][entry.index].failure != nil { failedBefore = true }
                done += 1
                if done % 1024 == 0 { session.options.progress(translator.file.file, done, table.rows.count) }
            }
        }
    }
}
