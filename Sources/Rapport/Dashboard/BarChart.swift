/// Vertical bars, one per category, on a value axis from zero.
enum BarChart {
    /// The chart.
    ///
    /// - Parameters:
    ///   - points: The bars, left to right.
    ///   - title: What the chart shows.
    ///   - color: The bars' colour; `nil` gives each bar its own from the palette.
    ///   - format: How values are written on the axis.
    /// - Returns: The SVG markup.
    static func svg(
        _ points: [ChartPoint],
        title: String,
        color: String? = SVGChart.palette[0],
        format: (Double) -> String = HTMLText.compact
    ) -> String {
        let maximum = SVGChart.niceCeiling(points.map(\.value).max() ?? 0)
        let slot = SVGChart.plotWidth / Double(max(points.count, 1))
        var svg = SVGChart.open(title: title) + SVGChart.valueAxis(maximum: maximum, format: format)
        for (index, point) in points.enumerated() {
            let top = SVGChart.y(point.value, maximum: maximum)
            let fill = color ?? SVGChart.palette[index % SVGChart.palette.count]
            svg +=
                "<rect x=\"\(HTMLText.coordinate(SVGChart.left + slot * (Double(index) + 0.15)))\" "
                + "y=\"\(HTMLText.coordinate(top))\" width=\"\(HTMLText.coordinate(slot * 0.7))\" "
                + "height=\"\(HTMLText.coordinate(SVGChart.top + SVGChart.plotHeight - top))\" fill=\"\(fill)\">"
                + "<title>\(HTMLText.escape(point.label + ": " + point.detail))</title></rect>"
        }
        return svg + SVGChart.categoryLabels(points.map(\.label)) + "</svg>"
    }
}
