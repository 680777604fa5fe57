import RapportProjections
import RapportTime

/// The dashboard's one HTML page: inline CSS, the headline figures, then the sections. It needs no network and
/// no script to view.
enum DashboardPage {
    /// The page.
    ///
    /// - Parameters:
    ///   - data: The figures.
    ///   - window: The window they were read over, as the header states it.
    /// - Returns: The HTML document.
    static func html(_ data: DashboardData, window: TimeWindow) -> String {
        let pipeline = data.pipeline
        let tiles = [
            (
                "Open pipeline", HTMLText.grouped(DashboardSections.money(pipeline.open.amount)),
                "\(pipeline.open.count) deals"
            ),
            (
                "Weighted pipeline", HTMLText.grouped(DashboardSections.money(pipeline.open.weightedAmount)),
                "by stage probability"
            ),
            ("Won", HTMLText.grouped(DashboardSections.money(pipeline.won.amount)), "\(pipeline.won.count) deals"),
            ("Win rate", HTMLText.percent(pipeline.winRate.byCount), "of deals closed, by count"),
            ("Open cases", String(data.backlog.open.count), "\(data.backlog.open.onHold) on hold"),
            ("Accounts", String(data.accounts.count), "not merged away"),
        ]
        .map { title, figure, note in
            "<div class=\"tile\"><div class=\"tile-title\">\(HTMLText.escape(title))</div>"
                + "<div class=\"figure\">\(HTMLText.escape(figure))</div>"
                + "<div class=\"tile-note\">\(HTMLText.escape(note))</div></div>"
        }
        let onlyAsOf = window.asOf != nil && window.at == nil && window.knownAt == nil
        let scope =
            onlyAsOf ? "" : " &middot; " + (window.isLive ? "the whole history" : HTMLText.escape(window.description))
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Rapport dashboard</title>
            <style>\(style)</style>
            </head>
            <body>
            <header><h1>Rapport dashboard</h1>
            <p>As of \(HTMLText.escape(data.context.asOf.rfc3339))\(scope) &middot; \
            log position \(data.context.position)</p></header>
            <div class="tiles">\(tiles.joined())</div>
            <main>
            \(DashboardSections.all(data))
            </main>
            <footer>Made by <code>rapport report</code> from the read models; the figures are defined in \
            docs/READ-MODELS.md and docs/REPORT.md.</footer>
            </body>
            </html>

            """
    }

    private static let style = """
        body{margin:0;padding:24px 32px;font:14px/1.4 system-ui,-apple-system,"Segoe UI",sans-serif;\
        color:#0f172a;background:#f1f5f9}\
        header h1{margin:0 0 4px;font-size:24px}header p{margin:0 0 16px;color:#475569}\
        .tiles{display:grid;grid-template-columns:repeat(6,1fr);gap:12px;margin-bottom:16px}\
        .tile{background:#fff;border-radius:8px;padding:12px 14px;border-top:4px solid #2563eb}\
        .tile:nth-child(2){border-color:#16a34a}.tile:nth-child(3){border-color:#f59e0b}\
        .tile:nth-child(4){border-color:#7c3aed}.tile:nth-child(5){border-color:#dc2626}\
        .tile:nth-child(6){border-color:#0891b2}\
        .tile-title{color:#475569;font-size:12px;text-transform:uppercase;letter-spacing:.04em}\
        .figure{font-size:22px;font-weight:600}.tile-note{color:#64748b;font-size:12px}\
        main{display:grid;grid-template-columns:repeat(2,minmax(0,1fr));gap:16px}\
        .card{background:#fff;border-radius:8px;padding:16px;box-shadow:0 1px 2px rgba(15,23,42,.08)}\
        .card.wide{grid-column:1/-1}.card h2{margin:0;font-size:16px}.note{margin:2px 0 8px;color:#64748b}\
        svg{max-width:100%;height:auto;display:block}.axis{font-size:10px;fill:#475569}\
        .label{font-size:12px;fill:#0f172a}.on-bar{font-size:11px;fill:#0f172a;font-weight:600}\
        .empty{color:#64748b;font-style:italic}\
        table{border-collapse:collapse;width:100%;margin-top:8px}th,td{padding:4px 8px;text-align:left;\
        border-bottom:1px solid #e2e8f0}td.number{text-align:right;font-variant-numeric:tabular-nums}\
        footer{margin-top:16px;color:#64748b;font-size:12px}
        """
}
