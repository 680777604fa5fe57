/// Vertical bars, one per category, each stacked from several series, with a legend above. The values are counts.
enum StackedBarChart {
    /// The chart.
    ///
    /// - Parameters:
    ///   - categories: The categories, left to right.
    ///   - series: The series, bottom to top, each with a value per category.
    ///   - title: What the chart shows.
    /// - Returns: The SVG markup.
    static func svg(categories: [String], series: [ChartSeries], title: String) -> String {
        let totals = categories.indices.map { index in series.reduce(0) { $0 + $1.values[index] } }
        // Counts: at least four, so the grid's steps are whole numbers.
        let maximum = max(SVGChart.niceCeiling(totals.max() ?? 0), 4)
        let slot = SVGChart.plotWidth / Double(max(categories.count, 1))
        var svg = SVGChart.open(title: title) + SVGChart.valueAxis(maximum: maximum, format: HTMLText.compact)
        for (index, category) in categories.enumerated() {
            var base = 0.0
            for layer in series where layer.values[index] > 0 {
                let top = SVGChart.y(base + layer.values[index], maximum: maximum)
                let bottom = SVGChart.y(base, maximum: maximum)
                svg +=
                    "<rect x=\"\(HTMLText.coordinate(SVGChart.left + slot * (Double(index) + 0.15)))\" "
                    + "y=\"\(HTMLText.coordinate(top))\" width=\"\(HTMLText.coordinate(slot * 0.7))\" "
                    + "height=\"\(HTMLText.coordinate(bottom - top))\" fill=\"\(layer.color)\"><title>"
                    + HTMLText.escape("\(category), \(layer.name): \(HTMLText.grouped(layer.values[index]))")
                    + "</title></rect>"
                base += layer.values[index]
            }
        }
        for (index, layer) in series.enumerated() {
            let x = SVGChart.width - SVGChart.right - Double(series.count - index) * 110
            let y = 12.0
            svg +=
                "<rect x=\"\(HTMLText.coordinate(x))\" y=\"\(HTMLText.coordinate(y - 9))\" width=\"10\" "
                + "height=\"10\" fill=\"\(layer.color)\"/><text x=\"\(HTMLText.coordinate(x + 14))\" "
                + "y=\"\(HTMLText.coordinate(y))\" class=\"axis\">\(HTMLText.escape(layer.name))</text>"
        }
        return svg + SVGChart.categoryLabels(categories) + "</svg>"
    }
}
