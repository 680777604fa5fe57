import RapportCRM
import RapportProjections
import RapportTime

/// Short ways to write the commands of the pipeline tests.
extension RecordedHistory {
    /// Runs a command of a type with its data fields at a business time, by user `user-1`.
    ///
    /// - Parameters:
    ///   - type: The command type.
    ///   - time: The business time, RFC 3339.
    ///   - data: The fields of `data`, as JSON members without the braces.
    /// - Returns: The events recorded.
    @discardableResult
    mutating func pipeline(_ type: String, at time: String, _ data: String) throws -> [RecordedEvent] {
        try run(#"{"type": "\#(type)", "actor": "user-1", "occurredAt": "\#(time)", "data": {\#(data)}}"#)
    }

    /// Opens an account.
    mutating func openAccount(_ id: String) throws {
        try pipeline(
            "OpenAccount",
            at: "2026-01-01T09:00:00Z",
            #""accountId": "\#(id)", "name": "\#(id)", "ownerId": "u""#
        )
    }

    /// Opens an opportunity.
    mutating func openDeal(
        _ id: String,
        account: String = "acme",
        at time: String,
        amount: Int,
        close: String,
        stage: String,
        owner: String = "alice"
    ) throws {
        try pipeline(
            "OpenOpportunity",
            at: time,
            #""opportunityId": "\#(id)", "accountId": "\#(account)", "name": "\#(id)", "amount": \#(amount), "#
                + #""closeDate": "\#(close)", "stage": "\#(stage)", "ownerId": "\#(owner)""#
        )
    }

    /// Closes an opportunity won.
    mutating func win(_ id: String, at time: String) throws {
        try pipeline("CloseOpportunityWon", at: time, #""opportunityId": "\#(id)""#)
    }

    /// Closes an opportunity lost.
    mutating func lose(_ id: String, at time: String) throws {
        try pipeline("CloseOpportunityLost", at: time, #""opportunityId": "\#(id)", "reason": "Price""#)
    }

    /// Moves an opportunity to another open stage.
    mutating func move(_ id: String, to stage: String, at time: String) throws {
        try pipeline("ChangeOpportunityStage", at: time, #""opportunityId": "\#(id)", "stage": "\#(stage)""#)
    }

    /// Moves an opportunity's expected close date.
    mutating func slip(_ id: String, to date: String, at time: String) throws {
        try pipeline("MoveOpportunityCloseDate", at: time, #""opportunityId": "\#(id)", "closeDate": "\#(date)""#)
    }

    /// The pipeline report after every event so far.
    func pipelineReport() -> PipelineReport {
        fold(into: PipelineModel.self).report(
            in: ReportContext(asOf: Timestamp(rfc3339: "2026-12-31T00:00:00Z")!, position: UInt64(events.count))
        )
    }
}
