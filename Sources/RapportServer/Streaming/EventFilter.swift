import HTTPTypes
import RapportCRM
import RapportLog

/// Which events a reader wants: by event type and by stream category (record kind), both optional.
public struct EventFilter: Sendable, Hashable {
    /// Event types wanted, e.g. `OpportunityWon`; empty for all.
    public var types: Set<String>
    /// Stream categories wanted, e.g. `opportunity`; empty for all.
    public var categories: Set<String>

    /// Creates a filter.
    ///
    /// - Parameters:
    ///   - types: Event types wanted; empty for all.
    ///   - categories: Stream categories wanted; empty for all.
    /// - Throws: ``Problem`` 400 `invalid_query` naming a category that is not a record kind.
    public init(types: Set<String> = [], categories: Set<String> = []) throws {
        let known = Set(RecordKind.allCases.map { String($0.streamPrefix.dropLast()) })
        if let unknown = categories.sorted().first(where: { !known.contains($0) }) {
            throw Problem(
                .badRequest,
                code: "invalid_query",
                "category \(unknown) is not a record kind; use one of: \(known.sorted().joined(separator: ", "))",
                field: "category"
            )
        }
        self.types = types
        self.categories = categories
    }

    /// Whether every record passes: no type and no category named.
    var admitsEverything: Bool {
        types.isEmpty && categories.isEmpty
    }

    /// Whether a record passes, judged from its stream and type without decoding the event.
    ///
    /// - Parameter view: The record.
    /// - Returns: `true` when it is wanted.
    func admits(_ view: RecordView) -> Bool {
        if !types.isEmpty, !types.contains(view.type) {
            return false
        }
        if !categories.isEmpty {
            let stream = view.streamId
            guard let dash = stream.firstIndex(of: "-"), categories.contains(String(stream[..<dash])) else {
                return false
            }
        }
        return true
    }
}
