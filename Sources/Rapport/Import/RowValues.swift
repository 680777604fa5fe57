import RapportCRM
import RapportTime

/// Reads the values of one CSV row by a file's rules: the column's text, the missing markers, the value map and
/// the default, then the typed reading; every refusal names the column and the rule.
struct RowValues {
    /// The header's column indexes by name.
    let columns: [String: Int]
    /// The row's fields.
    let fields: [String]

    /// The normalised text of a rule, or nil when the row has no value for it.
    ///
    /// - Parameter rule: The rule.
    /// - Returns: The text after the missing markers, the value map and the default.
    func text(_ rule: ValueRule) -> String? {
        if let constant = rule.constant { return constant }
        guard let index = rule.columnIndex ?? rule.column.flatMap({ columns[$0] }), index < fields.count else {
            return nil
        }
        var text = fields[index]
        if rule.onlyEmptyIsMissing ? text.isEmpty : rule.missing.contains(text) {
            guard let fallback = rule.ifMissing else { return nil }
            text = fallback
        }
        return rule.values.isEmpty ? text : rule.values[text] ?? text
    }

    /// A required text.
    ///
    /// - Parameters:
    ///   - rule: The rule.
    ///   - field: The command field, for messages.
    /// - Throws: ``ImportProblem`` `missing_value` when the row has none.
    func requiredText(_ rule: ValueRule, field: String) throws(ImportProblem) -> String {
        guard let text = text(rule) else {
            throw ImportProblem(
                "missing_value",
                field: rule.column,
                "\(describe(rule)) is empty; \(field) needs a value"
            )
        }
        return text
    }

    /// A record id: the text through the rule's transform.
    ///
    /// - Throws: ``ImportProblem`` `invalid_id` when it is not a valid id.
    func id(_ rule: ValueRule, field: String) throws(ImportProblem) -> RecordId? {
        guard let text = text(rule) else { return nil }
        return try Self.recordId(text, transform: rule.transform, source: describe(rule), field: field)
    }

    /// Turns a text into a record id.
    ///
    /// - Parameters:
    ///   - text: The text.
    ///   - transform: How the text becomes an id.
    ///   - source: The column, for messages.
    ///   - field: The command field, for messages.
    /// - Throws: ``ImportProblem`` `invalid_id` when the result is not a valid id.
    static func recordId(
        _ text: String,
        transform: ValueRule.Transform,
        source: String,
        field: String
    ) throws(ImportProblem) -> RecordId {
        let candidate = transform == .slug ? slug(text) : text
        guard let id = try? RecordId(candidate) else {
            throw ImportProblem(
                "invalid_id",
                field: field,
                "\(source) \"\(text)\" does not make a record id for \(field): 1 to 64 of A-Z a-z 0-9 . _ : -"
            )
        }
        return id
    }

    /// Lowercase letters and digits, every other run of characters one `-`, none at either end.
    static func slug(_ text: String) -> String {
        var text = text
        return text.withUTF8 { source in
            String(unsafeUninitializedCapacity: source.count) { result in
                var count = 0
                var pendingDash = false
                for byte in source {
                    let lower = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
                    let isAlphanumeric =
                        (lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z"))
                        || (lower >= UInt8(ascii: "0") && lower <= UInt8(ascii: "9"))
                    guard isAlphanumeric else {
                        pendingDash = true
                        continue
                    }
                    if pendingDash, count > 0 {
                        result[count] = UInt8(ascii: "-")
                        count += 1
                    }
                    pendingDash = false
                    result[count] = lower
                    count += 1
                }
                return count
            }
        }
    }

    /// A sum of money: a decimal number with at most four decimals, times the rule's scale.
    ///
    /// - Throws: ``ImportProblem`` `invalid_number` when the text is not such a number or is out of range.
    func money(_ rule: ValueRule, field: String) throws(ImportProblem) -> Money? {
        guard let text = text(rule) else { return nil }
        guard let tenThousandths = Self.decimal(text, scale: rule.scale), tenThousandths >= 0,
            tenThousandths <= Money.maximum.tenThousandths
        else {
            throw ImportProblem(
                "invalid_number",
                field: rule.column,
                "\(describe(rule)) \"\(text)\" is not an amount for \(field): "
                    + "digits with at most four decimals, 0 or more"
            )
        }
        return Money(tenThousandths: tenThousandths)
    }

    /// A whole number, times the rule's scale.
    ///
    /// - Throws: ``ImportProblem`` `invalid_number` when the text is not one.
    func integer(_ rule: ValueRule, field: String) throws(ImportProblem) -> Int? {
        guard let text = text(rule) else { return nil }
        guard let value = Int(text), case (let scaled, false) = value.multipliedReportingOverflow(by: Int(rule.scale))
        else {
            throw ImportProblem(
                "invalid_number",
                field: rule.column,
                "\(describe(rule)) \"\(text)\" is not a whole number for \(field)"
            )
        }
        return scaled
    }

    /// A time by the rule's pattern.
    ///
    /// - Throws: ``ImportProblem`` `invalid_date` when the text does not follow the pattern.
    func time(_ rule: ValueRule, field: String) throws(ImportProblem) -> Timestamp? {
        guard let text = text(rule) else { return nil }
        guard let pattern = rule.format, let time = pattern.timestamp(text) else {
            throw ImportProblem(
                "invalid_date",
                field: rule.column,
                "\(describe(rule)) \"\(text)\" is not a date in the form "
                    + "\(rule.format?.text ?? "yyyy-MM-dd") for \(field)"
            )
        }
        return time
    }

    /// A calendar date by the rule's pattern.
    ///
    /// - Throws: ``ImportProblem`` `invalid_date` when the text does not follow the pattern.
    func date(_ rule: ValueRule, field: String) throws(ImportProblem) -> CalendarDate? {
        try time(rule, field: field).map(CalendarDate.init)
    }

    /// Where a rule's value comes from, for messages.
    func describe(_ rule: ValueRule) -> String {
        rule.column.map { "column \($0)" } ?? "the constant"
    }

    /// Reads `[+|-]digits[.digits]` exactly, in ten-thousandths, times `scale`: at most four decimals, no
    /// overflow.
    static func decimal(_ text: String, scale: Int64) -> Int64? {
        var text = text
        return text.withUTF8 { bytes -> Int64? in
            var index = 0
            let negative = index < bytes.count && bytes[index] == UInt8(ascii: "-")
            if negative || (index < bytes.count && bytes[index] == UInt8(ascii: "+")) { index += 1 }
            guard let (units, afterUnits) = digits(in: bytes, from: index), afterUnits > index else { return nil }
            index = afterUnits
            var fraction: Int64 = 0
            if index < bytes.count {
                guard bytes[index] == UInt8(ascii: "."), let (value, end) = digits(in: bytes, from: index + 1),
                    end == bytes.count, (1...4).contains(end - index - 1)
                else { return nil }
                fraction = value
                for _ in (end - index - 1)..<4 { fraction *= 10 }
            }
            let (base, overflow) = units.multipliedReportingOverflow(by: 10_000)
            guard !overflow else { return nil }
            let magnitude = base + fraction
            guard magnitude >= base else { return nil }
            let (scaled, scaleOverflow) = (negative ? -magnitude : magnitude).multipliedReportingOverflow(by: scale)
            return scaleOverflow ? nil : scaled
        }
    }

    /// The value of the decimal digits from `start` up to the first other byte, and where they end; nil on
    /// overflow.
    private static func digits(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> (Int64, end: Int)? {
        var value: Int64 = 0
        var index = start
        while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") {
            let (shifted, overflow) = value.multipliedReportingOverflow(by: 10)
            let (next, carry) = shifted.addingReportingOverflow(Int64(bytes[index] - UInt8(ascii: "0")))
            guard !overflow, !carry else { return nil }
            value = next
            index += 1
        }
        return (value, index)
    }
}
