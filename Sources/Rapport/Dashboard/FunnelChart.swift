/// A funnel: one centred horizontal bar per stage, its width in proportion to the stage's value, the stage's
/// name to its left and its figure on it.
enum FunnelChart {
    private static let rowHeight = 34.0
    private static let labelWidth = 150.0

    /// The chart.
    ///
    /// - Parameters:
    ///   - points: The stages, top to bottom.
    ///   - title: What the chart shows.
    /// - Returns: The SVG markup.
    static func svg(_ points: [ChartPoint], title: String) -> String {
        let height = rowHeight * Double(points.count) + 16
        let maximum = max(points.map(\.value).max() ?? 0, 1)
        let span = SVGChart.width - labelWidth - SVGChart.right
        var svg = SVGChart.open(title: title, height: height)
        for (index, point) in points.enumerated() {
            let width = max(span * point.value / maximum, 2)
            let x = labelWidth + (span - width) / 2
            let y = 8 + rowHeight * Double(index)
            let middle = HTMLText.coordinate(y + (rowHeight - 6) / 2)
            svg +=
                "<text x=\"\(Int(labelWidth) - 8)\" y=\"\(middle)\" dy=\"4\" text-anchor=\"end\" class=\"label\">"
                + "\(HTMLText.escape(point.label))</text>"
            svg +=
                "<rect x=\"\(HTMLText.coordinate(x))\" y=\"\(HTMLText.coordinate(y))\" "
                + "width=\"\(HTMLText.coordinate(width))\" height=\"\(HTMLText.coordinate(rowHeight - 6))\" rx=\"3\" "
                + "fill=\"\(SVGChart.palette[index % SVGChart.palette.count])\">"
                + "<title>\(HTMLText.escape(point.label + ": " + point.detail))</title></rect>"
            svg +=
                "<text x=\"\(HTMLText.coordinate(labelWidth + span / 2))\" y=\"\(middle)\" dy=\"4\" "
                + "text-anchor=\"middle\" class=\"on-bar\">\(HTMLText.escape(point.detail))</text>"
        }
        return svg + "</svg>"
    }
}
