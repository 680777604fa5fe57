extension Money {
    /// The amount a JSON number's text stands for, rounded to the nearest ten-thousandth with halves away from zero
    /// as ``init(from:)`` rounds it, read from the digits themselves rather than through `Decimal`'s arithmetic.
    ///
    /// Returns nil for any text it does not settle at once (an amount beyond ``maximum``, an exponent far from
    /// zero, more digits than `Decimal` holds, which it would round before this rounds them): the `Decimal` reading
    /// of ``init(from:)`` then decides, and words any refusal.
    ///
    /// - Parameter text: A JSON number, checked to be one.
    init?(numberText text: UnsafeRawBufferPointer) {
        let negative = text.first == UInt8(ascii: "-")
        let whole = Self.digits(in: text, from: negative ? 1 : 0)
        var fraction = whole.upperBound..<whole.upperBound
        if whole.upperBound < text.count, text[whole.upperBound] == UInt8(ascii: ".") {
            fraction = Self.digits(in: text, from: whole.upperBound + 1)
        }
        var exponent = 0
        if fraction.upperBound < text.count {
            let written = UnsafeRawBufferPointer(rebasing: text[(fraction.upperBound + 1)...])
            guard let value = Int(String(decoding: written, as: UTF8.self)), abs(value) <= 100 else { return nil }
            exponent = value
        }
        let digitCount = whole.count + fraction.count
        guard digitCount <= 38 else { return nil }
        func digit(_ index: Int) -> UInt64 {
            let offset = index < whole.count ? whole.lowerBound + index : fraction.lowerBound + index - whole.count
            return UInt64(text[offset] &- UInt8(ascii: "0"))
        }
        // The digits times 10^shift are the amount in ten-thousandths: a negative shift drops digits, the first
        // dropped one rounding the rest, a positive one appends zeros.
        let shift = exponent + 4 - fraction.count
        let kept = min(digitCount, digitCount + shift)
        var value: UInt64 = 0
        for index in 0..<max(kept, 0) {
            let (tens, overflow) = value.multipliedReportingOverflow(by: 10)
            guard !overflow, tens <= UInt64(Self.maximum.tenThousandths) else { return nil }
            value = tens + digit(index)
        }
        if shift > 0 {
            for _ in 0..<shift {
                let (tens, overflow) = value.multipliedReportingOverflow(by: 10)
                guard !overflow, tens <= UInt64(Self.maximum.tenThousandths) else { return nil }
                value = tens
            }
        } else if kept >= 0, kept < digitCount, digit(kept) >= 5 {
            value += 1
        }
        guard value <= UInt64(Self.maximum.tenThousandths) else { return nil }
        self.init(tenThousandths: negative ? -Int64(value) : Int64(value))
    }

    /// The offsets of the run of decimal digits starting at an offset.
    private static func digits(in text: UnsafeRawBufferPointer, from start: Int) -> Range<Int> {
        var end = start
        while end < text.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(text[end]) {
            end += 1
        }
        return start..<end
    }
}
