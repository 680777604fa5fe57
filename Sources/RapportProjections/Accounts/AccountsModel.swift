public import RapportCRM

/// The account 360 view: every account's profile and hierarchy, contacts, opportunities, cases, latest
/// activities, converted leads, campaign touches and merged duplicates, with their totals.
///
/// Records follow merges and transfers: a contact, opportunity, case or activity moved to another account belongs
/// to that account from then on. Each account keeps only its latest ``ActivityTimeline/limit`` (50) activities
/// and tasks, newest first by business time, so memory stays bounded however many activities the log holds; its
/// `lastActivityAt` is always among them. Repeated texts are pooled, and a record keeps only what the view shows.
/// Ages and overdue service targets are measured when a report is made (``report(for:in:)``), not when events
/// are folded.
public struct AccountsModel: ReadModel {
    public static let name = "accounts"
    public static let version = 3
    /// Every kind: the view gathers each record that belongs to an account.
    public static let recordKinds = Set(RecordKind.allCases)

    var texts = AccountTexts()
    var accounts: [RecordId: AccountRecord] = [:]
    var contacts: [RecordId: ContactRecord] = [:]
    var opportunities: [RecordId: OpportunityRecord] = [:]
    var cases: [RecordId: CaseRecord] = [:]
    /// Campaign names, for the campaign touches.
    var campaigns: [RecordId: String] = [:]
    /// The account of every task on a timeline not completed yet, so a completion finds its task; rebuilt from
    /// the timelines when read back.
    var openTasks: [RecordId: RecordId] = [:]

    /// The view before any event.
    public init() {}

    /// Folds one event.
    ///
    /// Events of records the view has not seen (a history cut by a time window, say) are ignored.
    ///
    /// - Parameter event: The event, in log order.
    public mutating func apply(_ event: RecordedEvent) {
        let id = event.stream.id
        let at = event.occurredAt
        switch event.event {
        case .account(let change): applyAccount(change, to: id, at: at)
        case .contact(let change): applyContact(change, to: id, at: at)
        case .lead(.converted(let converted)): applyConversion(converted, of: id, at: at)
        case .lead: break
        case .opportunity(let change): applyOpportunity(change, to: id, at: at)
        case .case(let change): applyCase(change, to: id, at: at)
        case .activity(let change): applyActivity(change, to: id, at: at)
        case .campaign(let change): applyCampaign(change, to: id, at: at)
        }
    }
}
