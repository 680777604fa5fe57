import Foundation
import RapportCRM
import RapportTime
import Yams

/// What an import file says: which CSV file holds which kind of record, the column of each record's external id,
/// how columns become command fields, and how parents are found (docs/IMPORT.md).
public struct ImportMapping: Sendable {
    /// The mapping's name, part of every command id it derives, e.g. `maven-crm`.
    public var name: String
    /// The actor of every imported command, e.g. `import:maven-crm`.
    public var actor: String
    /// Accounts the mapping itself declares, opened before any file (e.g. the one customer of a service desk).
    var accounts: [DeclaredAccount]
    /// The files, in the order they load: parents before children.
    var files: [FileMapping]

    /// An account declared in the mapping rather than read from a file.
    struct DeclaredAccount: Sendable {
        var id: RecordId
        var name: String
        var ownerId: RecordId
        var industry: String?
        var openedAt: Timestamp?
    }

    /// The source file names, in load order.
    public var fileNames: [String] { files.map(\.file) }

    /// Reads and validates a mapping file (JSON, or YAML).
    ///
    /// - Parameter path: The mapping file's path.
    /// - Returns: The mapping.
    /// - Throws: ``RapportError`` `unreadable_input` when the file cannot be read, or `invalid_input` naming the
    ///   field and the rule it breaks (an unknown key, a missing one, a wrong value).
    public static func load(_ path: String) throws -> ImportMapping {
        guard let contents = FileManager.default.contents(atPath: path) else {
            throw RapportError(.unreadableInput, "cannot read the mapping file \(path)")
        }
        do {
            return try decode(Array(contents))
        } catch {
            throw RapportError(.invalidInput, "mapping file \(path): \(error.message)", cause: error)
        }
    }

    /// Reads and validates a mapping from its text.
    ///
    /// - Parameter bytes: The mapping's JSON or YAML text.
    /// - Returns: The mapping.
    /// - Throws: ``ImportProblem`` naming the field and the rule.
    static func decode(_ bytes: [UInt8]) throws(ImportProblem) -> ImportMapping {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw ImportProblem("invalid_mapping", "the mapping is not UTF-8 text")
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            throw ImportProblem("invalid_mapping", "the mapping is neither JSON nor YAML: \(error)")
        }
        guard let root else { throw ImportProblem("invalid_mapping", "the mapping is empty") }
        return try MappingReader.mapping(MappingNode(node: root, path: ""))
    }
}

/// How one CSV file maps to records.
struct FileMapping: Sendable {
    /// What each row of the file is.
    enum Record: String, Sendable, CaseIterable {
        /// A row is an account.
        case account
        /// A row is an opportunity with its whole lifecycle.
        case opportunity
        /// A row is one update of a case; a case's rows together are its lifecycle.
        case caseUpdate
        /// A row is an entry of a reference table other files' columns are checked against; it loads nothing.
        case reference
        /// A row is one event of Rapport's own CSV export (`rapport export --format csv`), replayed as the command
        /// that causes it.
        case event
    }

    /// The file's name inside the source directory.
    var file: String
    /// What each row is.
    var record: Record
    /// The record's id.
    var externalId: ValueRule
    /// The command fields, by their name (docs/IMPORT.md lists the fields of each record).
    var fields: [String: ValueRule]
    /// How the row's parent is found.
    var parent: ParentRule?
    /// Columns whose values must appear in a reference file.
    var references: [ReferenceRule]
    /// The mapping with each rule's column found in a file's header, so rows are read without looking names up.
    ///
    /// - Parameter columns: The header's column indexes by name.
    /// - Returns: The mapping, its rules knowing their column indexes.
    func reading(header columns: [String: Int]) -> FileMapping {
        var resolved = self
        resolved.externalId = externalId.reading(header: columns)
        resolved.fields = fields.mapValues { $0.reading(header: columns) }
        return resolved
    }

    /// The field whose sum is reconciled between the source and the log (an opportunity's `amount`).
    var amountField: String? { record == .opportunity && fields["amount"] != nil ? "amount" : nil }
}

/// Where a value comes from and how it is normalised.
///
/// A class, and immutable: every row reads several rules, and a reference is one count to copy where a structure of
/// texts, sets and maps is one for each.
final class ValueRule: Sendable {
    /// Ways of turning a text into a record id.
    enum Transform: String, Sendable {
        /// The text as it is.
        case none
        /// Lowercase letters and digits, every other run of characters one `-`: `Acme Corporation` is
        /// `acme-corporation`.
        case slug
    }

    /// The column read, when not a constant.
    let column: String?
    /// The value used for every row, when not a column.
    let constant: String?
    /// Texts that mean "no value" (by default only the empty text).
    let missing: Set<String>
    /// Whether only the empty text means "no value", the usual case, in which a value is checked without hashing it.
    let onlyEmptyIsMissing: Bool
    /// Replacements applied to the text before it is read: misspellings, other names.
    let values: [String: String]
    /// The value used when the column has none.
    let ifMissing: String?
    /// The date or time pattern, e.g. `yyyy-MM-dd` or `dd-MM-yyyy HH:mm`.
    let format: DatePattern?
    /// The factor a number is multiplied by (revenue in millions: 1000000).
    let scale: Int64
    /// How the text becomes a record id.
    let transform: Transform
    /// The column's index in the header of the file being read, found once per file rather than once per row.
    let columnIndex: Int?

    /// A rule.
    ///
    /// - Parameters:
    ///   - column: The column read, when not a constant.
    ///   - constant: The value for every row, when not a column.
    ///   - missing: Texts that mean "no value".
    ///   - values: Replacements applied to the text.
    ///   - ifMissing: The value used when the column has none.
    ///   - format: The date or time pattern.
    ///   - scale: The factor a number is multiplied by.
    ///   - transform: How the text becomes a record id.
    ///   - columnIndex: The column's index in the header of the file being read.
    init(
        column: String? = nil,
        constant: String? = nil,
        missing: Set<String> = [""],
        values: [String: String] = [:],
        ifMissing: String? = nil,
        format: DatePattern? = nil,
        scale: Int64 = 1,
        transform: Transform = .none,
        columnIndex: Int? = nil
    ) {
        self.column = column
        self.constant = constant
        self.missing = missing
        self.onlyEmptyIsMissing = missing == [""]
        self.values = values
        self.ifMissing = ifMissing
        self.format = format
        self.scale = scale
        self.transform = transform
        self.columnIndex = columnIndex
    }

    /// The rule reading its column at the index a file's header gives it.
    ///
    /// - Parameter columns: The header's column indexes by name.
    /// - Returns: The rule, knowing its column's index (nil when the header lacks the column).
    func reading(header columns: [String: Int]) -> ValueRule {
        ValueRule(
            column: column,
            constant: constant,
            missing: missing,
            values: values,
            ifMissing: ifMissing,
            format: format,
            scale: scale,
            transform: transform,
            columnIndex: column.flatMap { columns[$0] }
        )
    }
}

/// How a row's parent record is found.
struct ParentRule: Sendable {
    /// How the column's value names the parent.
    enum Lookup: String, Sendable {
        /// By the parent's name, among the rows of the parent file.
        case name
        /// By the parent's external id.
        case externalId
    }

    /// The column naming the parent, or nil for a declared account.
    var column: String?
    /// The declared account every row belongs to, when not a column.
    var account: RecordId?
    /// The file holding the parents (by name).
    var file: String?
    /// How the column names the parent.
    var by: Lookup = .externalId
    /// The transform from the column's text to the parent's id (by external id).
    var transform: ValueRule.Transform = .none
    /// Whether a row without a parent fails (`parent_missing`); otherwise it has none.
    var required: Bool
}

/// A field whose values must be keys of a reference file.
struct ReferenceRule: Sendable {
    /// The field checked, with its rule applied (so its value map normalises first).
    var field: String
    /// The reference file, loaded earlier.
    var file: String
}
