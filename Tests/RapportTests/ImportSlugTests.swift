import PropertyBased
import Testing

@testable import Rapport

/// Ids made from names (`"transform": "slug"`): lowercase letters and digits, every other run one dash.
struct ImportSlugTests {
    @Test(arguments: [
        ("Opened by  8", "opened-by-8"),
        ("  A--b  ", "a-b"),
        ("Ünïcode 9", "n-code-9"),
        ("Rosalina Dieter", "rosalina-dieter"),
        ("---", ""),
        ("", ""),
    ])
    func makesAnIdFromAName(name: String, slug: String) {
        #expect(RowValues.slug(name) == slug)
    }

    @Test func aSlugIsLowercaseAlphanumericRunsJoinedByOneDashAndStaysItself() async {
        let pieces = ["a", "Z", "0", "9", " ", "-", "_", ".", "é", "日", "😀", "Ab1"]
        let names = Gen<Int>.int(in: 0...(pieces.count - 1)).array(of: 0...20).map { $0.map { pieces[$0] }.joined() }
        await propertyCheck(count: 500, input: names) { name in
            let slug = RowValues.slug(name)
            let runs = slug.split(separator: "-", omittingEmptySubsequences: false)
            #expect(slug.isEmpty || runs.allSatisfy { !$0.isEmpty })
            #expect(slug.utf8.allSatisfy { ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 45 })
            #expect(RowValues.slug(slug) == slug)
            let kept = name.lowercased().unicodeScalars.filter { ("a"..."z").contains($0) || ("0"..."9").contains($0) }
            #expect(slug.filter { $0 != "-" } == String(String.UnicodeScalarView(kept)))
        }
    }
}
