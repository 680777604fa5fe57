import Foundation

/// Percentiles of a sample of durations in microseconds.
struct Percentiles {
    let sorted: [Int64]

    init(_ samples: [Int64]) {
        sorted = samples.sorted()
    }

    /// The value below which `fraction` of the samples lie, in milliseconds.
    func milliseconds(at fraction: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        let index = min(sorted.count - 1, Int((Double(sorted.count) * fraction).rounded(.down)))
        return Double(sorted[index]) / 1000
    }

    /// `p50 … p99 … max` in milliseconds.
    var summary: String {
        let parts = [("p50", 0.5), ("p90", 0.9), ("p99", 0.99), ("p99.9", 0.999), ("max", 1.0)].map { name, fraction in
            "\(name) \(String(format: "%.2f", milliseconds(at: fraction))) ms"
        }
        return parts.joined(separator: ", ")
    }
}
