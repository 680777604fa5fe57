public import Foundation
import RapportCRM
public import RapportLog
public import RapportTime

/// An export of events: which ones (the whole log, a stream, or an account with its related records, bounded by
/// business time) and in which form. Events come out in log order, read and written a chunk at a time, so an
/// export of any size holds only one chunk in memory.
public struct EventExport: Sendable, Hashable {
    /// Which events.
    public var scope: ExportScope
    /// The earliest business time (`occurredAt`) included, if bounded.
    public var occurredFrom: Timestamp?
    /// The latest business time (`occurredAt`) included, if bounded.
    public var occurredThrough: Timestamp?
    /// The form.
    public var format: ExportFormat

    /// Creates an export.
    ///
    /// - Parameters:
    ///   - scope: Which events.
    ///   - occurredFrom: The earliest business time included, if bounded.
    ///   - occurredThrough: The latest business time included, if bounded.
    ///   - format: The form.
    public init(
        scope: ExportScope = .all,
        occurredFrom: Timestamp? = nil,
        occurredThrough: Timestamp? = nil,
        format: ExportFormat
    ) {
        self.scope = scope
        self.occurredFrom = occurredFrom
        self.occurredThrough = occurredThrough
        self.format = format
    }

    /// The bytes gathered before they are handed on.
    private static let chunkSize = 1 << 20

    /// Writes the export.
    ///
    /// - Parameters:
    ///   - log: The log, open for reading or writing.
    ///   - keys: The keys that open personal values.
    ///   - sink: Receives the output a chunk at a time, in order.
    /// - Returns: The number of events written.
    /// - Throws: ``RapportError`` with code `invalid_input` when the time bounds are reversed, `stream_not_found`
    ///   when the stream or account does not exist, `unreadable_event` or `log_failure` when the log cannot be
    ///   read; or what `sink` throws.
    @discardableResult
    public func write(from log: EventLog, keys: PersonalDataKeys, to sink: (Data) throws -> Void) throws -> Int {
        if let occurredFrom, let occurredThrough, occurredThrough < occurredFrom {
            throw RapportError(
                .invalidInput,
                "--to (\(occurredThrough)) is before --from (\(occurredFrom)): no event could be exported"
            )
        }
        let encoder = ExportEncoder(format: format)
        var output = encoder.header
        var count = 0
        func emit(_ event: RecordedEvent) throws {
            encoder.append(event, to: &output)
            count += 1
            if output.count >= Self.chunkSize {
                try sink(Data(output))
                output.removeAll(keepingCapacity: true)
            }
        }
        switch scope {
        case .all:
            try EventReading.forEachEvent(in: log, keys: keys, where: { includes($0.occurredAt) }, emit)
        case .stream(let stream):
            try ExportSelection.forEachEvent(of: stream, in: log, keys: keys) { event in
                if includes(event.occurredAt) { try emit(event) }
            }
        case .account(let id):
            let positions = try ExportSelection.positions(ofAccount: id, in: log, keys: keys)
            guard let first = positions.first, let last = positions.last else { break }
            let wanted = Set(positions)
            try EventReading.forEachEvent(
                in: log,
                from: first,
                upTo: last + 1,
                keys: keys,
                where: { wanted.contains($0.position) && includes($0.occurredAt) },
                emit
            )
        }
        if !output.isEmpty { try sink(Data(output)) }
        return count
    }

    /// Whether a business time lies inside the bounds.
    private func includes(_ occurredAt: Timestamp) -> Bool {
        if let occurredFrom, occurredAt < occurredFrom { return false }
        if let occurredThrough, occurredThrough < occurredAt { return false }
        return true
    }
}
