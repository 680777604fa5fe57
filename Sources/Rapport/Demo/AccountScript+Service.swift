import RapportCRM
import RapportTime

extension AccountScript {
    /// Two to five support cases, each through assignment, responses (on time or late against the service
    /// targets), sometimes a priority change, an escalation or a hold, then resolution and closing; a few reopen.
    mutating func writeCases() {
        for number in 1...random.number(2...5) {
            let caseId = RecordId(unchecked: "\(accountId.text)-K\(number)")
            let openedAt = opened.adding(hours: hours(250...14_400))
            let priority = pickPriority()
            let targets = CRMConfiguration.standard.targets(for: priority)!
            let open = OpenCase(
                caseId: caseId,
                accountId: accountId,
                contactId: contacts.isEmpty ? nil : random.pick(contacts).id,
                subject: random.pick(DemoNames.caseSubjects),
                priority: priority,
                origin: random.pick(CaseChannel.allCases),
                type: random.pick(CaseType.allCases)
            )
            add(open.command, at: openedAt, by: "agent-\(random.number(1...20))")
            cases.append((caseId, openedAt))
            let agent = "agent-\(random.number(1...20))"
            var time = openedAt.adding(hours: hours(0.1...2))
            add(AssignCase(caseId: caseId, ownerId: RecordId(unchecked: agent)).command, at: time, by: "support-lead")
            // Late about a quarter of the time: up to 1.5 times the target.
            let firstResponse = openedAt.adding(hours: Double(targets.firstResponseMinutes) / 60 * hours(0.2...1.5))
            time = max(time.adding(hours: 0.05), firstResponse)
            add(
                RecordCaseResponse(caseId: caseId, channel: .email, message: "Looking into it").command,
                at: time,
                by: agent
            )
            if random.chance(0.2) {
                time = time.adding(hours: hours(0.5...12))
                let other = random.pick(CasePriority.allCases.filter { $0 != priority })
                add(ChangeCasePriority(caseId: caseId, priority: other).command, at: time, by: agent)
            }
            if random.chance(0.1) {
                time = time.adding(hours: hours(0.5...24))
                add(EscalateCase(caseId: caseId, reason: "Customer escalation").command, at: time, by: "support-lead")
            }
            if random.chance(0.15) {
                time = time.adding(hours: hours(0.5...24))
                add(PutCaseOnHold(caseId: caseId, reason: "Waiting for the customer").command, at: time, by: agent)
                time = time.adding(hours: hours(2...72))
                add(ResumeCase(caseId: caseId).command, at: time, by: agent)
            }
            for _ in 0..<random.number(0...2) {
                time = time.adding(hours: hours(1...24))
                add(RecordCaseResponse(caseId: caseId, channel: .phone).command, at: time, by: agent)
            }
            let resolution = openedAt.adding(hours: Double(targets.resolutionMinutes) / 60 * hours(0.3...1.6))
            time = max(time.adding(hours: 0.5), resolution)
            add(
                ResolveCase(caseId: caseId, resolution: "Fixed and confirmed with the customer").command,
                at: time,
                by: agent
            )
            time = time.adding(hours: hours(4...72))
            add(CloseCase(caseId: caseId).command, at: time, by: agent)
            if random.chance(0.08) {
                time = time.adding(days: Double(random.number(1...10)))
                add(ReopenCase(caseId: caseId, reason: "The problem came back").command, at: time, by: agent)
                time = time.adding(hours: hours(1...8))
                add(RecordCaseResponse(caseId: caseId, channel: .email).command, at: time, by: agent)
                time = time.adding(hours: hours(4...48))
                add(ResolveCase(caseId: caseId, resolution: "Fixed for good").command, at: time, by: agent)
                time = time.adding(hours: hours(4...48))
                add(CloseCase(caseId: caseId).command, at: time, by: agent)
            }
        }
    }

    /// Critical 5%, High 20%, Medium 50%, Low 25%.
    private mutating func pickPriority() -> CasePriority {
        let draw = Double.random(in: 0..<1, using: &random)
        return draw < 0.05 ? .critical : draw < 0.25 ? .high : draw < 0.75 ? .medium : .low
    }
}
