import RapportCRM
import RapportProjections
import RapportTime

extension RecordedHistory {
    /// Runs a command given by its type, business time and the fields of its `data` object.
    ///
    /// - Parameters:
    ///   - type: The command type, e.g. `OpenAccount`.
    ///   - time: The business time, RFC 3339.
    ///   - data: The fields of `data`, without the braces.
    /// - Throws: ``DomainError`` when the command is refused.
    mutating func accountCommand(_ type: String, at time: String, _ data: String) throws {
        try run(#"{"type":"\#(type)","actor":"user-1","occurredAt":"\#(time)","data":{\#(data)}}"#)
    }

    /// Folds the whole history into the account view and reports one account.
    ///
    /// - Parameters:
    ///   - id: The account's id.
    ///   - asOf: The moment the report speaks of, RFC 3339.
    /// - Returns: The report, nil when the view has no such account.
    func accountReport(_ id: String, asOf: String = "2026-01-01T00:00:00Z") -> AccountReport? {
        fold(into: AccountsModel.self).report(for: AccountFixtures.id(id), in: AccountFixtures.context(asOf))
    }
}

/// Values for the account view's tests.
enum AccountFixtures {
    /// An id known to be valid.
    static func id(_ text: String) -> RecordId { RecordId(unchecked: text) }

    /// A time given in RFC 3339; the Unix epoch when the text is not one.
    static func time(_ text: String) -> Timestamp {
        Timestamp(rfc3339: text) ?? Timestamp(microsecondsSinceEpoch: 0)
    }

    /// A day given as `YYYY-MM-DD`; the Unix epoch's day when the text is not one.
    static func day(_ text: String) -> CalendarDate {
        CalendarDate(iso: text) ?? CalendarDate(daysSinceEpoch: 0)
    }

    /// An amount in whole units.
    static func money(_ units: Int64) -> Money { Money(units: units) }

    /// A report context at a time, with the position left at 0.
    static func context(_ asOf: String, position: UInt64 = 0) -> ReportContext {
        ReportContext(asOf: time(asOf), position: position)
    }

    /// The fields a stored account record begins with, as the view writes them: the name, no website, revenue,
    /// employees, survivor or parent, opened at the Unix epoch; its text numbers and the rest follow.
    static func storedAccountFields(named name: String) -> ByteWriter {
        var writer = ByteWriter()
        writer.write(name)
        writer.write(String?.none)
        writer.write(Money?.none)
        writer.write(Int?.none)
        writer.write(RecordId?.none)
        writer.write(RecordId?.none)
        writer.write(Timestamp(microsecondsSinceEpoch: 0))
        return writer
    }

    /// The JSON data of an account with a name and an owner.
    static func account(_ id: String, _ name: String, extra: String = "") -> String {
        #""accountId":"\#(id)","name":"\#(name)","ownerId":"user-1""# + (extra.isEmpty ? "" : "," + extra)
    }
}
