/// A line through one value per category, with a dot on each, on a value axis from zero.
enum LineChart {
    /// The chart.
    ///
    /// - Parameters:
    ///   - points: The values, left to right.
    ///   - title: What the chart shows.
    ///   - maximum: The top of the value axis; `nil` fits it to the values.
    ///   - format: How values are written on the axis.
    /// - Returns: The SVG markup.
    static func svg(
        _ points: [ChartPoint],
        title: String,
        maximum: Double? = nil,
        format: (Double) -> String = HTMLText.compact
    ) -> String {
        let top = maximum ?? SVGChart.niceCeiling(points.map(\.value).max() ?? 0)
        let slot = SVGChart.plotWidth / Double(max(points.count, 1))
        let coordinates = points.enumerated().map { index, point in
            (
                x: HTMLText.coordinate(SVGChart.left + slot * (Double(index) + 0.5)),
                y: HTMLText.coordinate(SVGChart.y(point.value, maximum: top))
            )
        }
        var svg = SVGChart.open(title: title) + SVGChart.valueAxis(maximum: top, format: format)
        svg +=
            "<polyline fill=\"none\" stroke=\"\(SVGChart.palette[1])\" stroke-width=\"2.5\" points=\""
            + coordinates.map { "\($0.x),\($0.y)" }.joined(separator: " ") + "\"/>"
        for (point, coordinate) in zip(points, coordinates) {
            svg +=
                "<circle cx=\"\(coordinate.x)\" cy=\"\(coordinate.y)\" r=\"4\" fill=\"\(SVGChart.palette[4])\">"
                + "<title>\(HTMLText.escape(point.label + ": " + point.detail))</title></circle>"
        }
        return svg + SVGChart.categoryLabels(points.map(\.label)) + "</svg>"
    }
}
