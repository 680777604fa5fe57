import ArgumentParser

/// A size given on the command line as bytes, or with a `KiB`, `MiB` or `GiB` suffix.
struct ByteSize: ExpressibleByArgument {
    let bytes: Int

    init(bytes: Int) {
        self.bytes = bytes
    }

    init?(argument: String) {
        let units: [(String, Int)] = [("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10), ("", 1)]
        for (suffix, scale) in units where argument.hasSuffix(suffix) {
            guard let count = Int(argument.dropLast(suffix.count)), count >= 0 else { return nil }
            let (bytes, overflow) = count.multipliedReportingOverflow(by: scale)
            guard !overflow else { return nil }
            self.bytes = bytes
            return
        }
        return nil
    }

    var defaultValueDescription: String {
        bytes % (1 << 20) == 0 ? "\(bytes >> 20)MiB" : String(bytes)
    }
}
