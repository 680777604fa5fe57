/// Where a command finds its data directory when none is named.
public enum DataDirectoryLocation {
    /// The environment variable that names the default data directory.
    public static let environmentVariable = "RAPPORT_DATA"
    /// The data directory used when neither an option nor the environment names one.
    public static let fallback = "./rapport-data"

    /// The data directory to use.
    ///
    /// - Parameters:
    ///   - explicit: The directory given on the command line, if any.
    ///   - environment: The process environment.
    /// - Returns: `explicit`, else `$RAPPORT_DATA` when set and not empty, else `./rapport-data`.
    public static func resolve(_ explicit: String?, environment: [String: String]) -> String {
        if let explicit { return explicit }
        if let fromEnvironment = environment[environmentVariable], !fromEnvironment.isEmpty {
            return fromEnvironment
        }
        return fallback
    }
}
