import Foundation

/// One value of a chart: its label on the axis, its size, and the exact figure its tooltip shows.
struct ChartPoint: Hashable {
    var label: String
    var value: Double
    var detail: String
}

/// One series of a stacked chart, a value per category.
struct ChartSeries: Hashable {
    var name: String
    var color: String
    var values: [Double]
}

/// What every dashboard chart shares: the frame, the value axis with its grid, the category labels and the
/// colours. Charts are inline SVG (no script), each with a `<title>` for screen readers and one per mark for a
/// tooltip; every text put into them is escaped.
enum SVGChart {
    static let width = 600.0
    static let height = 280.0
    static let left = 64.0
    static let right = 16.0
    static let top = 20.0
    static let bottom = 64.0
    static var plotWidth: Double { width - left - right }
    static var plotHeight: Double { height - top - bottom }

    /// Distinct colours, for series and bars.
    static let palette = ["#2563eb", "#16a34a", "#f59e0b", "#dc2626", "#7c3aed", "#0891b2", "#db2777", "#65a30d"]

    /// The opening `<svg>` tag and its title.
    ///
    /// - Parameters:
    ///   - title: What the chart shows.
    ///   - height: The chart's height.
    /// - Returns: The markup.
    static func open(title: String, height: Double = height) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" width=\"\(Int(width))\" "
            + "height=\"\(Int(height))\" role=\"img\" aria-label=\"\(HTMLText.escape(title))\">"
            + "<title>\(HTMLText.escape(title))</title>"
    }

    /// The smallest of 1, 2, 2.5 or 5 times a power of ten that is at least `value`: the top of a value axis.
    ///
    /// - Parameter value: The largest value shown.
    /// - Returns: The axis maximum, 1 when there is nothing to show.
    static func niceCeiling(_ value: Double) -> Double {
        guard value > 0, value.isFinite else { return 1 }
        let power = pow(10, floor(log10(value)))
        for step in [1.0, 2.0, 2.5, 5.0, 10.0] where step * power >= value {
            return step * power
        }
        return 10 * power
    }

    /// The vertical position of a value on an axis from 0 to `maximum`.
    static func y(_ value: Double, maximum: Double) -> Double {
        top + plotHeight - plotHeight * max(0, min(value, maximum)) / maximum
    }

    /// Four grid lines with their values, and the base line.
    ///
    /// - Parameters:
    ///   - maximum: The axis maximum.
    ///   - format: How a value is written.
    /// - Returns: The markup.
    static func valueAxis(maximum: Double, format: (Double) -> String) -> String {
        var svg = ""
        for step in 0...4 {
            let value = maximum * Double(step) / 4
            let lineY = HTMLText.coordinate(y(value, maximum: maximum))
            svg +=
                "<line x1=\"\(Int(left))\" x2=\"\(Int(width - right))\" y1=\"\(lineY)\" y2=\"\(lineY)\" "
                + "stroke=\"\(step == 0 ? "#64748b" : "#e2e8f0")\"/>"
            svg +=
                "<text x=\"\(Int(left) - 6)\" y=\"\(lineY)\" dy=\"4\" text-anchor=\"end\" class=\"axis\">"
                + "\(HTMLText.escape(format(value)))</text>"
        }
        return svg
    }

    /// The category labels under the plot, every one when they fit, else every few, slanted when many.
    ///
    /// - Parameter labels: The labels, one per slot across the plot.
    /// - Returns: The markup.
    static func categoryLabels(_ labels: [String]) -> String {
        guard !labels.isEmpty else { return "" }
        let slot = plotWidth / Double(labels.count)
        let every = max(1, Int((Double(labels.count) / 12).rounded(.up)))
        let slanted = labels.count > 6
        var svg = ""
        for (index, label) in labels.enumerated() where index % every == 0 {
            let x = HTMLText.coordinate(left + slot * (Double(index) + 0.5))
            let y = HTMLText.coordinate(top + plotHeight + 14)
            let transform =
                slanted ? " transform=\"rotate(-35 \(x) \(y))\" text-anchor=\"end\"" : " text-anchor=\"middle\""
            svg += "<text x=\"\(x)\" y=\"\(y)\"\(transform) class=\"axis\">\(HTMLText.escape(label))</text>"
        }
        return svg
    }

    /// A message in place of a chart with nothing to show.
    ///
    /// - Parameter message: Why there is nothing.
    /// - Returns: The markup.
    static func empty(_ message: String) -> String {
        "<p class=\"empty\">\(HTMLText.escape(message))</p>"
    }
}
