import RapportCRM
import RapportTime

extension AccountsModel {
    /// One entry of an account's timeline: an activity, or a task with its due day and completion.
    struct ActivityRecord: Sendable, Hashable {
        var id: RecordId
        /// When it happened, or when the task was created (business time).
        var at: Timestamp
        var completedAt: Timestamp?
        var durationMinutes: Int?
        var dueDate: CalendarDate?
        var subject: UInt32
        var owner: UInt32
        var kind: AccountReport.ActivityKind
    }
}

extension AccountsModel.ActivityRecord {
    /// A logged activity.
    ///
    /// - Parameters:
    ///   - id: The activity's id.
    ///   - logged: The event.
    ///   - at: When it happened.
    ///   - texts: The pool its repeated texts go to.
    init(_ id: RecordId, _ logged: ActivityLogged, at: Timestamp, texts: inout AccountTexts) {
        self.init(
            id: id,
            at: at,
            durationMinutes: logged.durationMinutes,
            subject: texts.number(of: logged.subject),
            owner: texts.number(of: logged.ownerId?.text),
            kind: .init(logged.channel)
        )
    }

    /// A task, not completed yet.
    ///
    /// - Parameters:
    ///   - id: The task's id.
    ///   - created: The event.
    ///   - at: When it was created.
    ///   - texts: The pool its repeated texts go to.
    init(_ id: RecordId, _ created: TaskCreated, at: Timestamp, texts: inout AccountTexts) {
        self.init(
            id: id,
            at: at,
            dueDate: created.dueDate,
            subject: texts.number(of: created.subject),
            owner: texts.number(of: created.ownerId.text),
            kind: .task
        )
    }

    /// Whether it is a task not completed yet.
    var isOpenTask: Bool { kind == .task && completedAt == nil }

    /// Whether it comes before another on the timeline: newer first, then by id.
    ///
    /// - Parameter other: The other entry.
    /// - Returns: `true` when it comes first.
    func precedes(_ other: Self) -> Bool {
        at != other.at ? at > other.at : id < other.id
    }
}

extension AccountsModel.ActivityRecord: AccountViewField {
    func write(to writer: inout ByteWriter) {
        writer.write(id)
        writer.write(at)
        writer.write(completedAt)
        writer.write(durationMinutes)
        writer.write(dueDate)
        AccountTexts.writeNumber(subject, to: &writer)
        AccountTexts.writeNumber(owner, to: &writer)
        kind.writeOrdinal(to: &writer)
    }

    static func read(from reader: inout ByteReader, texts: AccountTexts) throws(BinaryFormatError) -> Self {
        Self(
            id: try reader.read(),
            at: try reader.read(),
            completedAt: try reader.read(),
            durationMinutes: try reader.read(),
            dueDate: try reader.read(),
            subject: try texts.readNumber(from: &reader),
            owner: try texts.readNumber(from: &reader),
            kind: try .readOrdinal(from: &reader)
        )
    }
}
