import PropertyBased
import RapportCRM
import RapportTime

/// Random lead and campaign events for the codec property tests, every optional field sometimes present and
/// sometimes not.
enum LeadAndCampaignEventGenerators {
    typealias RNG = any SeededRandomNumberGenerator

    /// Any lead event.
    static let leadEvent = Generator<CRMEvent, Shrink.None<CRMEvent>> { rng in
        switch Int.random(in: 0..<4, using: &rng) {
        case 0:
            .lead(
                .captured(
                    LeadCaptured(
                        company: text(&rng),
                        firstName: maybe(&rng, text),
                        lastName: text(&rng),
                        email: maybe(&rng, text),
                        phone: maybe(&rng, text),
                        title: maybe(&rng, text),
                        source: maybe(&rng, text),
                        campaignId: maybe(&rng, id),
                        status: text(&rng)
                    )
                )
            )
        case 1:
            .lead(.statusChanged(LeadStatusChanged(fromStatus: text(&rng), toStatus: text(&rng))))
        case 2:
            .lead(.disqualified(LeadDisqualified(reason: text(&rng))))
        default:
            .lead(
                .converted(
                    LeadConverted(
                        accountId: id(&rng),
                        contactId: id(&rng),
                        opportunityId: maybe(&rng, id),
                        status: text(&rng),
                        accountCreated: Bool.random(using: &rng),
                        contactCreated: Bool.random(using: &rng)
                    )
                )
            )
        }
    }

    /// Any campaign event.
    static let campaignEvent = Generator<CRMEvent, Shrink.None<CRMEvent>> { rng in
        switch Int.random(in: 0..<5, using: &rng) {
        case 0:
            .campaign(
                .launched(
                    CampaignLaunched(
                        name: text(&rng),
                        type: maybe(&rng, text),
                        budgetedCost: maybe(&rng, money),
                        startDate: maybe(&rng, date),
                        endDate: maybe(&rng, date)
                    )
                )
            )
        case 1:
            .campaign(.memberAdded(CampaignMemberAdded(member(&rng))))
        case 2:
            .campaign(.responseRecorded(CampaignResponseRecorded(member(&rng))))
        case 3:
            .campaign(.costRecorded(CampaignCostRecorded(actualCost: money(&rng))))
        default:
            .campaign(
                .completed(
                    CampaignCompleted(
                        memberCount: Int.random(in: 0...Int(Int32.max), using: &rng),
                        responseCount: Int.random(in: 0...Int(Int32.max), using: &rng)
                    )
                )
            )
        }
    }

    private static let characters: [Character] = ["a", "Z", "7", " ", "-", "\"", "\\", "/", "é", "ß", "日", "😀"]
    private static let idCharacters = Array("abcXYZ0189._:-")

    /// Text of 0 to 20 characters, some of them needing escapes in JSON or several bytes in UTF-8.
    static func text(_ rng: inout RNG) -> String {
        String((0..<Int.random(in: 0...20, using: &rng)).map { _ in characters.randomElement(using: &rng)! })
    }

    /// A valid record id of 1 to 64 characters.
    static func id(_ rng: inout RNG) -> RecordId {
        let length = Int.random(in: 1...RecordId.maximumLength, using: &rng)
        return try! RecordId(String((0..<length).map { _ in idCharacters.randomElement(using: &rng)! }))
    }

    /// An amount of up to ten billion units either way, which a JSON number carries exactly to the ten-thousandth.
    static func money(_ rng: inout RNG) -> Money {
        Money(tenThousandths: Int64.random(in: -100_000_000_000_000...100_000_000_000_000, using: &rng))
    }

    /// A day between 1900 and 2100.
    static func date(_ rng: inout RNG) -> CalendarDate {
        CalendarDate(daysSinceEpoch: Int32.random(in: -25_567...47_482, using: &rng))
    }

    /// A lead or contact.
    static func member(_ rng: inout RNG) -> CampaignMember {
        CampaignMember(kind: Bool.random(using: &rng) ? .lead : .contact, id: id(&rng))
    }

    /// A value half of the time, else nil.
    static func maybe<Value>(_ rng: inout RNG, _ make: (inout RNG) -> Value) -> Value? {
        Bool.random(using: &rng) ? make(&rng) : nil
    }
}
