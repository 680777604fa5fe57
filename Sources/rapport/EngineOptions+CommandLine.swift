import Foundation
import Rapport

extension EngineOptions {
    /// Options for a command-line run: what the engine has to say (a snapshot skipped, one taken) goes to
    /// standard error.
    static func commandLine() -> EngineOptions {
        var options = EngineOptions()
        options.notice = { line in FileHandle.standardError.write(Data("rapport: \(line)\n".utf8)) }
        return options
    }
}
