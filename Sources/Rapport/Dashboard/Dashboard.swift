import Foundation
public import RapportProjections

/// The static HTML dashboard `rapport report` writes: one self-contained `index.html` (inline CSS and SVG
/// charts, no script, nothing fetched) showing the pipeline by stage, the forecast, won revenue and win rate per
/// month, the case backlog by age and priority, SLA breaches per week and the top accounts (docs/REPORT.md).
public enum Dashboard {
    /// Writes the dashboard of a data directory over a window into a folder, created when missing.
    ///
    /// The page is written whole or not at all. It reads only (the log and the newest fitting snapshot), so it may
    /// run beside a writer; the same log and window give the same bytes.
    ///
    /// - Parameters:
    ///   - directory: The data directory.
    ///   - window: The part of the history, e.g. as of a business time.
    ///   - folder: The folder to write `index.html` into.
    ///   - notice: Receives a line for each snapshot skipped.
    /// - Returns: The path of the page written.
    /// - Throws: ``RapportError`` with code `invalid_input` when the folder cannot be made or written,
    ///   `log_failure` or `unreadable_event` when the log cannot be read.
    @discardableResult
    public static func write(
        directory: String,
        window: TimeWindow,
        to folder: String,
        notice: @Sendable (String) -> Void = { _ in }
    ) throws -> String {
        let data = try DashboardData.load(directory: directory, window: window, notice: notice)
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw RapportError(.invalidInput, "--out: cannot create the folder \(folder): \(error)", cause: error)
        }
        let path = URL(fileURLWithPath: folder).appendingPathComponent("index.html").path
        try OutputFile.write(to: path) { sink in try sink(Data(DashboardPage.html(data, window: window).utf8)) }
        return path
    }
}
