import Foundation

extension CRMConfiguration {
    /// Reads a configuration from JSON: an object with any of `salesStages`, `leadStatuses` and `caseTargets`;
    /// a section left out keeps the ``standard`` one. The result is validated.
    ///
    /// - Parameter json: The JSON text.
    /// - Returns: The configuration.
    /// - Throws: ``DomainError`` with code `invalid_configuration`, naming the field and the rule.
    public static func decode(json: [UInt8]) throws -> CRMConfiguration {
        let file: Sections
        do {
            file = try JSONDecoder().decode(Sections.self, from: Data(json))
        } catch let DecodingError.keyNotFound(key, context) {
            let field = path(context.codingPath + [key])
            throw DomainError(.invalidConfiguration, field: field, "\(field) is required")
        } catch let DecodingError.typeMismatch(_, context) where !context.codingPath.isEmpty {
            let field = path(context.codingPath)
            throw DomainError(.invalidConfiguration, field: field, "\(field) has the wrong type")
        } catch let DecodingError.valueNotFound(_, context) where !context.codingPath.isEmpty {
            let field = path(context.codingPath)
            throw DomainError(.invalidConfiguration, field: field, "\(field) has the wrong type")
        } catch let DecodingError.dataCorrupted(context) where !context.codingPath.isEmpty {
            let field = path(context.codingPath)
            throw DomainError(.invalidConfiguration, field: field, "\(field) is not one of the allowed values")
        } catch {
            throw DomainError(.invalidConfiguration, "the configuration is not a valid JSON object")
        }
        return try CRMConfiguration(
            salesStages: file.salesStages ?? standard.salesStages,
            leadStatuses: file.leadStatuses ?? standard.leadStatuses,
            caseTargets: file.caseTargets ?? standard.caseTargets
        ).validated()
    }

    /// The sections a configuration file may hold.
    private struct Sections: Decodable {
        var salesStages: [SalesStage]?
        var leadStatuses: [LeadStatus]?
        var caseTargets: [ServiceTargets]?
    }

    /// A coding path as a JSON path such as `salesStages[2].probability`.
    private static func path(_ keys: [any CodingKey]) -> String {
        keys.reduce("") { text, key in
            if let index = key.intValue {
                return text + "[\(index)]"
            }
            return text.isEmpty ? key.stringValue : text + "." + key.stringValue
        }
    }
}
