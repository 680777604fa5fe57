import HTTPTypes
import Hummingbird
import NIOCore
public import Rapport
public import RapportCRM

extension Problem {
    /// The problem answering a refused command: 409 for a version conflict, 400 for text that is not a command,
    /// 413 for one too large, 422 for any other rule.
    ///
    /// - Parameter refusal: Why the domain refused the command.
    public init(refusal: DomainError) {
        let status: HTTPResponse.Status =
            switch refusal.code {
            case .versionConflict: .conflict
            case .malformedCommand: .badRequest
            case .commandTooLarge: .contentTooLarge
            default: .unprocessableContent
            }
        self.init(status, code: refusal.code.description, refusal.message, field: refusal.field)
        currentVersion = refusal.currentVersion
    }

    /// The problem answering a failure of the engine: 400 for bad input, 404 for a missing record, 503 when the
    /// engine or its log can no longer take requests, 500 for anything else.
    ///
    /// - Parameter failure: The engine's failure.
    public init(failure: RapportError) {
        let status: HTTPResponse.Status =
            switch failure.code {
            case .invalidInput, .unreadableInput: .badRequest
            case .streamNotFound: .notFound
            case .engineFailed, .logFailure: .serviceUnavailable
            default: .internalServerError
            }
        self.init(status, code: failure.code.description, failure.message)
    }

    /// The problem answering any error a handler or middleware threw.
    ///
    /// - Parameter error: The error.
    /// - Returns: Its problem; an error of unknown kind is a 500 `internal_error`.
    static func answering(_ error: any Error) -> Problem {
        switch error {
        case let problem as Problem:
            return problem
        case let refusal as DomainError:
            return Problem(refusal: refusal)
        case let failure as RapportError:
            return Problem(failure: failure)
        case is NIOTooManyBytesError:
            return Problem(.contentTooLarge, code: "body_too_large", "the request body is larger than allowed")
        case let http as HTTPError:
            return Problem(http.status, code: Self.code(of: http.status), http.body ?? http.status.reasonPhrase)
        default:
            return Problem(.internalServerError, code: "internal_error", "the server failed: \(error)")
        }
    }

    /// A code for an HTTP status Hummingbird answered itself (e.g. `not_found` for an unknown path).
    private static func code(of status: HTTPResponse.Status) -> String {
        status.reasonPhrase.lowercased().map { $0.isLetter ? $0 : "_" }.reduce(into: "") { $0.append($1) }
    }
}
