public import RapportCRM

/// A read model: a pure fold of the log's events into the figures people read, with a name and a version.
///
/// Folding the same events in the same order always gives the same value, whether the events arrive live, from
/// a rebuild from zero, or after a snapshot. The binary form (``BinaryField``) is what snapshots store; bump
/// ``version`` whenever the fold or that form changes, so that older snapshots are skipped instead of misread.
public protocol ReadModel: Sendable, Hashable, BinaryField {
    /// The model's name, as `rapport rebuild --model` and snapshots know it.
    static var name: String { get }
    /// The version of the fold and of its binary form.
    static var version: Int { get }
    /// The kinds of record whose events the model folds: an event of any other record leaves it as it was, so a
    /// fold of this model alone need not decode that event.
    static var recordKinds: Set<RecordKind> { get }

    /// The model before any event.
    init()

    /// Folds one event.
    ///
    /// Events of records the model has not seen (a history cut by a time window, say) are folded as well as
    /// they can be, never trapped on.
    ///
    /// - Parameter event: The event, in log order.
    mutating func apply(_ event: RecordedEvent)

    /// Makes room for as many records as `other` holds, so that folding as many in grows no table: a rebuild
    /// sizes its tables by the model it replaces, instead of growing each one by doubling and rehashing.
    ///
    /// - Parameter other: A model whose record counts the tables are sized for.
    mutating func reserveCapacity(like other: Self)
}
