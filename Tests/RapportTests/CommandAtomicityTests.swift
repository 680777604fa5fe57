import Foundation
import Rapport
import RapportCRM
import RapportLog
import RapportTestSupport
import Testing

/// Commands that write to several streams at once (lead conversions, account merges) are all or nothing: a
/// `rapport exec` killed with SIGKILL at random moments leaves each command's events complete or absent.
struct CommandAtomicityTests {
    static let rounds = 12
    static let accounts = 24

    /// Accounts with contacts, opportunities, cases and leads; then each lead converted (a contact, an
    /// opportunity and the lead's conversion) and each odd account merged into the even one before it (the
    /// merge moves every contact, opportunity and case). Every command has a command id.
    static func script() -> [String] {
        var commands: [String] = []
        func add(_ json: String) {
            commands.append(
                json.replacingOccurrences(of: "{\"type\"", with: "{\"commandId\":\"cmd-\(commands.count)\",\"type\"")
            )
        }
        for account in 0..<accounts {
            add(
                #"{"type":"OpenAccount","actor":"u1","data":{"accountId":"A\#(account)","name":"Account \#(account)","ownerId":"u1"}}"#
            )
            for contact in 0..<3 {
                add(
                    #"{"type":"AddContact","actor":"u1","data":{"contactId":"A\#(account)-C\#(contact)","accountId":"A\#(account)","lastName":"Person \#(contact)","email":"p\#(contact)@a\#(account).example"}}"#
                )
            }
            for opportunity in 0..<2 {
                add(
                    #"{"type":"OpenOpportunity","actor":"u1","data":{"opportunityId":"A\#(account)-O\#(opportunity)","accountId":"A\#(account)","name":"Deal","amount":1000,"closeDate":"2025-06-30","ownerId":"u1"}}"#
                )
            }
            add(
                #"{"type":"OpenCase","actor":"u1","data":{"caseId":"A\#(account)-K","accountId":"A\#(account)","subject":"Broken","priority":"High"}}"#
            )
            add(
                #"{"type":"CaptureLead","actor":"u1","data":{"leadId":"L\#(account)","company":"Account \#(account)","lastName":"Lead","email":"lead@a\#(account).example"}}"#
            )
        }
        for account in 0..<accounts {
            add(
                #"{"type":"ConvertLead","actor":"u1","data":{"leadId":"L\#(account)","accountId":"A\#(account)","contactId":"A\#(account)-CL","opportunity":{"opportunityId":"A\#(account)-OL","name":"From lead","closeDate":"2025-09-30"}}}"#
            )
            if account % 2 == 1 {
                add(
                    #"{"type":"MergeAccounts","actor":"u1","data":{"accountId":"A\#(account - 1)","mergedAccountId":"A\#(account)"}}"#
                )
            }
        }
        return commands
    }

    /// How many events each command id has in a log.
    static func eventsPerCommand(in directory: String) async throws -> [String: Int] {
        let engine = try await Engine.open(directory: directory)
        var counts: [String: Int] = [:]
        for event in try EventReading.events(in: engine.log, from: 0, limit: .max, keys: engine.keys) {
            counts[event.metadata.commandId ?? "none", default: 0] += 1
        }
        await engine.close()
        return counts
    }

    @Test func aKilledExecLeavesEveryConversionAndMergeWholeOrAbsent() async throws {
        signal(SIGPIPE, SIG_IGN)
        let script = Self.script()
        let input = script.joined(separator: "\n") + "\n"
        try await withTemporaryDirectory { directory in
            let reference = directory + "/reference"
            let complete = try RapportProcess.run(["exec", "--data", reference, "--durability", "none"], input: input)
            #expect(complete.status == 0, "\(complete.standardError)")
            let expected = try await Self.eventsPerCommand(in: reference)
            #expect(expected.count == script.count)
            #expect(expected.values.contains { $0 >= 8 }, "the merges write many streams")

            var generator = SystemRandomNumberGenerator()
            var killedMidway = 0
            for round in 0..<Self.rounds {
                let target = "\(directory)/round-\(round)"
                let exec = try LiveAppender(["exec", "--data", target])
                #expect(exec.send(input))
                let wait = Int.random(in: (script.count / 3)...(script.count - 5), using: &generator)
                let acknowledged = exec.waitForAcknowledgements(wait)
                _ = exec.kill()
                let found = try await Self.eventsPerCommand(in: target)
                for (commandId, count) in found {
                    #expect(
                        count == expected[commandId],
                        "round \(round): \(commandId) has \(count) of \(expected[commandId] ?? 0) events"
                    )
                }
                let present = Set(found.keys)
                let prefix = script.indices.prefix { present.contains("cmd-\($0)") }
                #expect(
                    present.count == prefix.count,
                    "round \(round): the commands kept are not a prefix of the input"
                )
                #expect(present.count >= acknowledged.count, "round \(round): an acknowledged command was lost")
                #expect(try LogVerifier(directory: target).verify().isIntact)
                if present.count < script.count { killedMidway += 1 }
            }
            #expect(killedMidway > Self.rounds / 2, "most kills must land before the last command")
        }
    }
}
