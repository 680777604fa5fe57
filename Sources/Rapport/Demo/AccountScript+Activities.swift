import RapportCRM
import RapportTime

extension AccountScript {
    /// Calls, emails, meetings and notes about the account's opportunities, cases and contacts, and tasks, most
    /// of them completed.
    mutating func writeActivities() {
        for number in 1...random.number(18...28) {
            let activityId = RecordId(unchecked: "\(accountId.text)-X\(number)")
            let draw = Double.random(in: 0..<1, using: &random)
            var related = Related()
            let time: Timestamp
            if draw < 0.5, !opportunities.isEmpty {
                let opportunity = random.pick(opportunities)
                let span = max(
                    1,
                    Double(opportunity.closed.microsecondsSinceEpoch - opportunity.opened.microsecondsSinceEpoch)
                        / 3_600_000_000
                )
                time = opportunity.opened.adding(hours: hours(0.5...max(0.5, span)))
                related.opportunityId = opportunity.id
            } else if draw < 0.75, !cases.isEmpty {
                let supportCase = random.pick(cases)
                time = supportCase.opened.adding(hours: hours(0.5...48))
                related.caseId = supportCase.id
            } else if let contact = contacts.isEmpty ? nil : random.pick(contacts) {
                time = contact.added.adding(hours: hours(1...4_000))
                related.contactId = contact.id
            } else {
                time = opened.adding(hours: hours(1...4_000))
                related.accountId = accountId
            }
            if random.chance(0.7) {
                let channel: ActivityChannel =
                    related.caseId != nil ? random.pick([.note, .email]) : random.pick([.call, .email, .meeting])
                let log = LogActivity(
                    activityId: activityId,
                    channel: channel,
                    subject: random.pick(DemoNames.activitySubjects),
                    durationMinutes: channel == .call || channel == .meeting ? random.number(5...90) : nil,
                    accountId: related.accountId,
                    contactId: related.contactId,
                    opportunityId: related.opportunityId,
                    caseId: related.caseId,
                    ownerId: RecordId(unchecked: owner)
                )
                add(log.command, at: time, by: owner)
            } else {
                let task = CreateTask(
                    activityId: activityId,
                    subject: "Follow up: \(random.pick(DemoNames.activitySubjects))",
                    dueDate: CalendarDate(time).adding(days: random.number(3...14)),
                    ownerId: RecordId(unchecked: owner),
                    priority: random.pick(TaskPriority.allCases),
                    accountId: related.accountId,
                    contactId: related.contactId,
                    opportunityId: related.opportunityId,
                    caseId: related.caseId
                )
                add(task.command, at: time, by: owner)
                if random.chance(0.8) {
                    add(CompleteTask(activityId: activityId).command, at: time.adding(hours: hours(2...240)), by: owner)
                }
            }
        }
    }

    /// The records an activity is about.
    private struct Related {
        var accountId: RecordId?
        var contactId: RecordId?
        var opportunityId: RecordId?
        var caseId: RecordId?
    }
}
