/// Any command of the CRM domain, by the kind of record it is about.
public enum CRMCommand: Sendable, Hashable {
    case account(AccountCommand)
    case contact(ContactCommand)
    case lead(LeadCommand)
    case opportunity(OpportunityCommand)
    case `case`(CaseCommand)
    case activity(ActivityCommand)
    case campaign(CampaignCommand)

    /// The command's data.
    public var payload: any CommandPayload {
        switch self {
        case .account(let command): command.payload
        case .contact(let command): command.payload
        case .lead(let command): command.payload
        case .opportunity(let command): command.payload
        case .case(let command): command.payload
        case .activity(let command): command.payload
        case .campaign(let command): command.payload
        }
    }

    /// The command type's name, e.g. `OpenOpportunity`.
    public var commandType: String { type(of: payload).commandType }

    /// The record the command is about.
    public var target: StreamName { payload.target }

    /// Every command type, by name.
    static let payloadTypes: [String: any CommandPayload.Type] = {
        let all: [any CommandPayload.Type] =
            AccountCommand.payloadTypes + ContactCommand.payloadTypes + LeadCommand.payloadTypes
            + OpportunityCommand.payloadTypes + CaseCommand.payloadTypes + ActivityCommand.payloadTypes
            + CampaignCommand.payloadTypes
        return Dictionary(uniqueKeysWithValues: all.map { ($0.commandType, $0) })
    }()

    /// Every command type's name, sorted.
    public static var commandTypes: [String] { payloadTypes.keys.sorted() }

    /// The command type a misspelt name most likely meant: the nearest by edit distance, ignoring case, when at
    /// most two letters are wrong.
    ///
    /// - Parameter name: The name given.
    /// - Returns: The command type, or nil when none is near.
    static func commandType(nearestTo name: String) -> String? {
        let given = Array(name.lowercased().utf8)
        guard given.count <= 64 else { return nil }
        var nearest: (type: String, distance: Int)?
        for type in commandTypes {
            let distance = editDistance(given, Array(type.lowercased().utf8))
            if distance <= 2, distance < nearest?.distance ?? .max {
                nearest = (type, distance)
            }
        }
        return nearest?.type
    }

    /// Levenshtein distance: the fewest insertions, deletions and substitutions that turn one text into the other.
    private static func editDistance(_ from: [UInt8], _ to: [UInt8]) -> Int {
        var previous = Array(0...to.count)
        var current = previous
        for (row, source) in from.enumerated() {
            current[0] = row + 1
            for (column, target) in to.enumerated() {
                let substitution = previous[column] + (source == target ? 0 : 1)
                current[column + 1] = min(substitution, previous[column + 1] + 1, current[column] + 1)
            }
            swap(&previous, &current)
        }
        return previous[to.count]
    }
}
