import Rapport
import RapportCRM
import RapportLog
import RapportTime

/// Histories for the audit trail tests, recorded through a real engine in a data directory.
enum HistoryFixtures {
    /// One command's JSON line.
    ///
    /// - Parameters:
    ///   - type: The command type.
    ///   - actor: Who sends it.
    ///   - commandId: Its id, if any.
    ///   - day: The business time, `2025-03-<day>T09:00:00Z`.
    ///   - data: The command's data, as JSON object members.
    /// - Returns: The line.
    static func command(_ type: String, by actor: String, id commandId: String? = nil, day: Int, _ data: String)
        -> String
    {
        let id = commandId.map { #""commandId":"\#($0)","# } ?? ""
        let time = "2025-03-" + (day < 10 ? "0" : "") + "\(day)T09:00:00Z"
        return #"{"type":"\#(type)","actor":"\#(actor)",\#(id)"occurredAt":"\#(time)","data":{\#(data)}}"#
    }

    /// Runs commands through an engine on a data directory, then closes it.
    ///
    /// - Parameters:
    ///   - commands: The commands' JSON lines.
    ///   - directory: The data directory.
    static func record(_ commands: [String], in directory: String) async throws {
        let engine = try await Engine.open(directory: directory)
        for command in commands {
            _ = try await engine.execute(try CommandEnvelope.decode(json: Array(command.utf8)))
        }
        await engine.close()
    }

    /// An account and an opportunity taken through stage, amount and close date changes to a win.
    static let opportunity = [
        command("OpenAccount", by: "u1", id: "c1", day: 1, #""accountId":"A1","name":"Acme","ownerId":"u1""#),
        command(
            "OpenOpportunity",
            by: "u2",
            id: "c2",
            day: 2,
            #""opportunityId":"O1","accountId":"A1","name":"Renewal","amount":1000,"closeDate":"2025-06-30","#
                + #""ownerId":"u2""#
        ),
        command("ChangeOpportunityStage", by: "u2", day: 5, #""opportunityId":"O1","stage":"Needs Analysis""#),
        command("ChangeOpportunityAmount", by: "u3", id: "c4", day: 6, #""opportunityId":"O1","amount":1500.25"#),
        command("MoveOpportunityCloseDate", by: "u2", day: 7, #""opportunityId":"O1","closeDate":"2025-07-15""#),
        command("CloseOpportunityWon", by: "u2", id: "c6", day: 10, #""opportunityId":"O1""#),
    ]

    /// Three accounts, S, D and X: D is merged into S, contacts move between S and X, and records change before
    /// and after the merge. Positions 14 to 18 are the merge.
    static let merge = [
        command("OpenAccount", by: "u1", day: 1, #""accountId":"S","name":"Survivor","ownerId":"u1""#),
        command("OpenAccount", by: "u2", day: 1, #""accountId":"D","name":"Duplicate","ownerId":"u2""#),
        command("OpenAccount", by: "u1", day: 1, #""accountId":"X","name":"Other","ownerId":"u1""#),
        command("AddContact", by: "u1", day: 2, #""contactId":"cS","accountId":"S","lastName":"Stay""#),
        command("AddContact", by: "u2", day: 2, #""contactId":"cD","accountId":"D","lastName":"Dup""#),
        command(
            "OpenOpportunity",
            by: "u2",
            day: 3,
            #""opportunityId":"oD","accountId":"D","name":"Deal","amount":500,"closeDate":"2025-09-30","ownerId":"u2""#
        ),
        command("OpenCase", by: "u1", day: 3, #""caseId":"kX","accountId":"X","subject":"Broken","priority":"High""#),
        command("AddContact", by: "u1", day: 4, #""contactId":"cX","accountId":"X","lastName":"Visitor""#),
        command("MoveContact", by: "u1", day: 5, #""contactId":"cX","toAccountId":"S""#),
        command("UpdateContact", by: "u2", day: 6, #""contactId":"cD","title":"CTO""#),
        command("AddContact", by: "u1", day: 6, #""contactId":"cL","accountId":"S","lastName":"Leaver""#),
        command("MoveContact", by: "u1", day: 7, #""contactId":"cL","toAccountId":"X""#),
        command("UpdateContact", by: "u1", day: 8, #""contactId":"cL","title":"VP""#),
        command(
            "LogActivity",
            by: "u2",
            day: 8,
            #""activityId":"aD","channel":"Call","subject":"Intro","contactId":"cD""#
        ),
        command("MergeAccounts", by: "u9", id: "merge-1", day: 9, #""accountId":"S","mergedAccountId":"D""#),
        command("ChangeOpportunityStage", by: "u1", day: 10, #""opportunityId":"oD","stage":"Qualification""#),
        command("UpdateContact", by: "u1", day: 11, #""contactId":"cX","title":"Guest""#),
    ]

    /// The business time of a fixture's day.
    ///
    /// - Parameter day: The day of March 2025.
    /// - Returns: Nine in the morning, UTC.
    static func time(day: Int) -> Timestamp {
        Timestamp(microsecondsSinceEpoch: (1_740_787_200 + Int64(day - 1) * 86_400 + 9 * 3_600) * 1_000_000)
    }
}
