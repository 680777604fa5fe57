import Foundation

extension ImportSummary {
    /// The summary as JSON: `{"batchId", "dryRun", "files": [{"file", "record", "read", "created", "updated",
    /// "unchanged", "failed", "skipped", "events", "amounts", "successFile", "errorFile", "balanced"}], ...}`.
    ///
    /// - Returns: The JSON text, keys sorted.
    public var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // The summary holds only numbers, texts and booleans, which always encode.
        let data = (try? encoder.encode(self)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    /// The summary as a table for people: one line per file with the reconciliation, the amounts, then the run.
    public var text: String {
        var lines = [
            "file                    record       read  created  updated  unchanged  failed  skipped   events  balanced"
        ]
        for file in files {
            let counts = [
                file.read, file.created, file.updated, file.unchanged, file.failed, file.skipped, file.events,
            ]
            let widths = [9, 9, 9, 11, 8, 9, 9]
            let numbers = zip(counts, widths).map { String($0).leftPadded(to: $1) }.joined()
            lines.append(
                file.file.rightPadded(to: 22) + "  " + file.record.rightPadded(to: 10) + numbers + "  "
                    + (file.balanced ? "yes" : "NO")
            )
            if let amounts = file.amounts {
                lines.append(
                    "  \(amounts.column): source \(Self.amount(amounts.source)), of loaded rows "
                        + "\(Self.amount(amounts.sourceLoaded)), in the log \(Self.amount(amounts.log))"
                        + (amounts.balanced ? "" : "  NOT BALANCED")
                )
            }
        }
        let rate = Int(rowsPerSecond.rounded())
        lines.append(
            "\(dryRun ? "dry run, nothing written: " : "")\(rows) rows, \(events) events in "
                + String(format: "%.3f", seconds) + " s (\(rate) rows/s); batch \(batchId); log end \(logEnd)"
        )
        if declaredAccountsOpened > 0 {
            lines.append("accounts declared by the mapping opened: \(declaredAccountsOpened)")
        }
        lines.append("success and error files in \(outputDirectory)")
        return lines.joined(separator: "\n")
    }

    private static func amount(_ value: Double) -> String { String(format: "%.2f", value) }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }

    fileprivate func rightPadded(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
