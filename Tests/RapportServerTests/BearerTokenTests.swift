import Testing

@testable import RapportServer

/// An `Authorization` header's bearer token is found whatever the scheme's case and the blanks around the token,
/// and a header of another scheme, or without a token, gives none.
struct BearerTokenTests {
    @Test(arguments: [
        ("Bearer rpt_abc_01", "rpt_abc_01"),
        ("bearer rpt_abc_01", "rpt_abc_01"),
        ("BEARER rpt_abc_01", "rpt_abc_01"),
        ("Bearer    rpt_abc_01 \t", "rpt_abc_01"),
        ("Bearer a b", "a b"),
        ("Bearer zoë", "zoë"),
    ])
    func theTokenIsFound(header: String, token: String) {
        #expect(BearerToken.parse(header) == token)
    }

    @Test(arguments: [
        "Bearer", "Bearer ", "Bearer \t ", "Basic dXNlcjpwYXNz", "Bearer\trpt_x", "Bearerx y", "rpt_x", "",
    ])
    func noTokenIsFound(header: String) {
        #expect(BearerToken.parse(header) == nil)
    }
}
