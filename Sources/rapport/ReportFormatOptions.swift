public import ArgumentParser
public import Rapport

/// The `--format` option every command that prints a report takes.
struct ReportFormatOptions: ParsableArguments {
    @Option(help: "How to print the report.")
    var format: ReportFormat = .table
}

// Rapport's library stays free of ArgumentParser; the executable is the one place parsing formats.
extension ReportFormat: ExpressibleByArgument {}
