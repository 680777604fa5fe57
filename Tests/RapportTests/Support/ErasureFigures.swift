import Foundation
import Rapport
import RapportCRM
import RapportProjections
import Testing

/// Every figure of the read models, with the personal fields of some contacts left out: what an erasure must not
/// change.
struct ErasureFigures: Equatable {
    var pipeline: PipelineModel
    var backlog: BacklogModel
    var funnel: FunnelModel
    /// Each account's 360 view as JSON, with the forgotten contacts' personal fields removed.
    var accounts: [String: String]

    /// The figures of an engine's live read models.
    ///
    /// - Parameters:
    ///   - engine: The engine.
    ///   - forgotten: The ids of the contacts whose personal fields are left out.
    ///   - context: The report context to use, so that two readings compare at the same moment.
    static func of(engine: Engine, leavingOut forgotten: Set<String>, context: ReportContext) throws -> ErasureFigures {
        let models = try EngineHistory.liveModels(of: engine)
        var accounts: [String: String] = [:]
        for id in engine.decisionState.accounts.keys {
            guard let report = models.accounts.report(for: id, in: context) else { continue }
            let json = try JSONSerialization.jsonObject(with: try JSONEncoder().encode(report))
            accounts[id.text] = try canonical(without: forgotten, json)
        }
        return ErasureFigures(
            pipeline: models.pipeline,
            backlog: models.backlog,
            funnel: models.funnel,
            accounts: accounts
        )
    }

    /// The live report context of an engine now.
    static func context(of engine: Engine) throws -> ReportContext {
        try engine.withReadModels(in: .live) { _, context in context }
    }

    private static let personalFields: Set<String> = ["name", "firstName", "lastName", "email", "phone", "erased"]

    private static func canonical(without forgotten: Set<String>, _ json: Any) throws -> String {
        func strip(_ value: Any) -> Any {
            if let object = value as? [String: Any] {
                let isForgotten =
                    (object["id"] as? String).map(forgotten.contains) ?? false
                    && object["addedAt"] != nil
                var copy: [String: Any] = [:]
                for (key, field) in object where !(isForgotten && personalFields.contains(key)) {
                    copy[key] = strip(field)
                }
                return copy
            }
            if let array = value as? [Any] { return array.map(strip) }
            return value
        }
        let data = try JSONSerialization.data(withJSONObject: strip(json), options: [.sortedKeys])
        return String(decoding: data, as: UTF8.self)
    }
}
