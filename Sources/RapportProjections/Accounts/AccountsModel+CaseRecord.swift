import RapportCRM
import RapportTime

extension AccountsModel {
    /// What the view keeps of one case: where it stands and its service milestones, each met milestone judged
    /// against the targets its events recorded when it was met.
    struct CaseRecord: Sendable, Hashable {
        var accountId: RecordId
        var contactId: RecordId?
        var subject: UInt32
        var priority: CasePriority
        var status: CaseStatus
        var owner: UInt32
        var openedAt: Timestamp
        /// The first-response target in force, in minutes from opening.
        var firstResponseMinutes: Int
        /// The resolution target in force, in minutes from opening, time on hold excluded.
        var resolutionMinutes: Int
        var firstResponseAt: Timestamp?
        /// Whether the first response came after its target.
        var firstResponseLate = false
        /// When the case was last resolved, unless it was reopened since.
        var resolvedAt: Timestamp?
        /// Whether that resolution came after its target.
        var resolutionLate = false
        /// The minutes of every finished hold, as the resumptions recorded them.
        var heldMinutes = 0
        /// When the current hold began, while the case is on hold.
        var onHoldSince: Timestamp?
        var closedAt: Timestamp?
    }
}

extension AccountsModel.CaseRecord {
    /// The case as it opened.
    ///
    /// - Parameters:
    ///   - opened: The event.
    ///   - at: When it opened.
    ///   - texts: The pool its repeated texts go to.
    init(_ opened: CaseOpened, at: Timestamp, texts: inout AccountTexts) {
        self.init(
            accountId: opened.accountId,
            contactId: opened.contactId,
            subject: texts.number(of: opened.subject),
            priority: opened.priority,
            status: opened.status,
            owner: texts.number(of: opened.ownerId?.text),
            openedAt: at,
            firstResponseMinutes: opened.firstResponseMinutes,
            resolutionMinutes: opened.resolutionMinutes
        )
    }

    /// Folds one of the case's own events (its opening and transfers are folded by the model, which keeps the
    /// accounts' lists).
    ///
    /// - Parameters:
    ///   - event: The event.
    ///   - at: When it happened.
    ///   - texts: The pool its repeated texts go to.
    mutating func apply(_ event: CaseEvent, at: Timestamp, texts: inout AccountTexts) {
        switch event {
        case .opened, .transferred: break
        case .assigned(let assigned): owner = texts.number(of: assigned.toOwnerId.text)
        case .responseRecorded(let response):
            if response.firstResponse, firstResponseAt == nil {
                firstResponseAt = at
                firstResponseLate = at > firstResponseDue
            }
            if status == .new { status = .working }
        case .priorityChanged(let change):
            priority = change.toPriority
            firstResponseMinutes = change.firstResponseMinutes
            resolutionMinutes = change.resolutionMinutes
        case .escalated: status = .escalated
        case .putOnHold(let hold):
            status = .onHold
            onHoldSince = hold.onHoldSince
        case .resumed(let resumed):
            let held = heldMinutes.addingReportingOverflow(max(0, resumed.holdMinutes))
            heldMinutes = held.overflow ? .max : held.partialValue
            onHoldSince = nil
            status = resumed.status
        case .resolved:
            status = .resolved
            resolvedAt = at
            resolutionLate = at > resolutionDue
        case .closed:
            status = .closed
            closedAt = at
        case .reopened(let reopened):
            status = reopened.status
            resolvedAt = nil
            resolutionLate = false
            closedAt = nil
        }
    }
}

extension AccountsModel.CaseRecord: AccountViewField {
    func write(to writer: inout ByteWriter) {
        writer.write(accountId)
        writer.write(contactId)
        writer.write(priority)
        writer.write(status)
        writer.write(openedAt)
        writer.write(firstResponseMinutes)
        writer.write(resolutionMinutes)
        writer.write(firstResponseAt)
        writer.write(firstResponseLate)
        writer.write(resolvedAt)
        writer.write(resolutionLate)
        writer.write(heldMinutes)
        writer.write(onHoldSince)
        writer.write(closedAt)
        AccountTexts.writeNumber(subject, to: &writer)
        AccountTexts.writeNumber(owner, to: &writer)
    }

    static func read(from reader: inout ByteReader, texts: AccountTexts) throws(BinaryFormatError) -> Self {
        let accountId: RecordId = try reader.read()
        let contactId: RecordId? = try reader.read()
        let priority: CasePriority = try reader.read()
        let status: CaseStatus = try reader.read()
        let openedAt: Timestamp = try reader.read()
        let firstResponseMinutes: Int = try reader.read()
        let resolutionMinutes: Int = try reader.read()
        var record = Self(
            accountId: accountId,
            contactId: contactId,
            subject: 0,
            priority: priority,
            status: status,
            owner: 0,
            openedAt: openedAt,
            firstResponseMinutes: firstResponseMinutes,
            resolutionMinutes: resolutionMinutes,
            firstResponseAt: try reader.read(),
            firstResponseLate: try reader.read(),
            resolvedAt: try reader.read(),
            resolutionLate: try reader.read(),
            heldMinutes: try reader.read(),
            onHoldSince: try reader.read(),
            closedAt: try reader.read()
        )
        record.subject = try texts.readNumber(from: &reader)
        record.owner = try texts.readNumber(from: &reader)
        return record
    }
}
