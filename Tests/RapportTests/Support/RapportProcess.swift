import Foundation

/// The `rapport` executable built beside the tests, run as a child process.
struct RapportProcess {
    /// What a finished run printed and how it exited.
    struct Outcome {
        var status: Int32
        var standardOutput: String
        var standardError: String

        /// The standard output's non-empty lines.
        var outputLines: [String] {
            standardOutput.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        }
    }

    /// The path of the built `rapport` executable: beside the test bundle in the build folder.
    static var executable: String {
        let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        return bundle.appendingPathComponent("rapport").path
    }

    /// Runs `rapport` with arguments and standard input, and waits for it to exit.
    ///
    /// - Parameters:
    ///   - arguments: The arguments after `rapport`.
    ///   - input: The whole standard input.
    ///   - shellPrefix: A shell command run before `exec rapport …` (for example `ulimit -f 8`), if any.
    ///   - folder: When given, run as a user without root's right to read and write everything, from a copy of
    ///     the executable placed in this folder, which that user must be able to enter.
    /// - Returns: The exit status and both outputs.
    static func run(
        _ arguments: [String],
        input: String = "",
        shellPrefix: String? = nil,
        unprivilegedFrom folder: String? = nil
    ) throws -> Outcome {
        let process = Process()
        if let folder, geteuid() == 0 {
            // Root reads and writes everything, so a permission test runs the command as `nobody`, from a copy
            // in a folder that user can reach (the build folder may sit inside one only root can enter).
            let copy = folder + "/rapport"
            if !FileManager.default.fileExists(atPath: copy) {
                try FileManager.default.copyItem(atPath: executable, toPath: copy)
            }
            process.executableURL = URL(fileURLWithPath: "/usr/sbin/runuser")
            process.arguments = ["-u", "nobody", "--", copy] + arguments
        } else if let shellPrefix {
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", shellPrefix + "; exec \"$0\" \"$@\"", executable] + arguments
        } else {
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = arguments
        }
        let standardInput = Pipe()
        let standardOutput = Pipe()
        let standardError = Pipe()
        process.standardInput = standardInput
        process.standardOutput = standardOutput
        process.standardError = standardError
        try process.run()
        let outputs = DrainedOutputs(standardOutput: standardOutput, standardError: standardError)
        try standardInput.fileHandleForWriting.write(contentsOf: Data(input.utf8))
        try standardInput.fileHandleForWriting.close()
        process.waitUntilExit()
        let (output, error) = outputs.wait()
        return Outcome(status: process.terminationStatus, standardOutput: output, standardError: error)
    }
}

/// Reads a child's standard output and error to their ends on threads of their own, so a child that writes
/// more than a pipe holds never blocks.
final class DrainedOutputs: @unchecked Sendable {
    // `@unchecked Sendable`: the two strings are written by the reading threads before they signal the group
    // and read only after `wait()` has waited on it.
    private let group = DispatchGroup()
    private var output = ""
    private var error = ""

    init(standardOutput: Pipe, standardError: Pipe) {
        group.enter()
        group.enter()
        Thread.detachNewThread { [self] in
            output = String(decoding: standardOutput.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            group.leave()
        }
        Thread.detachNewThread { [self] in
            error = String(decoding: standardError.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            group.leave()
        }
    }

    /// Waits for both ends and returns what was read.
    func wait() -> (output: String, error: String) {
        group.wait()
        return (output, error)
    }
}
