import RapportCRM
import RapportTime

/// Writes one account's history for ``DemoHistory``: the account, then its contacts, leads, opportunities,
/// cases and activities, each record's commands in time order; ``commands()`` sorts them all by time.
struct AccountScript {
    let history: DemoHistory
    let index: Int
    var random: SeededRandom
    let accountId: RecordId
    let companyName: String
    let domain: String
    let owner: String
    /// When the account opens.
    let opened: Timestamp
    /// The last moment of the history.
    let horizon: Timestamp
    private(set) var entries: [(time: Timestamp, envelope: CommandEnvelope)] = []
    /// The account's contacts, with when each was added.
    var contacts: [(id: RecordId, added: Timestamp)] = []
    /// The account's opportunities, to relate activities to.
    var opportunities: [(id: RecordId, opened: Timestamp, closed: Timestamp)] = []
    /// The account's cases, to relate activities to.
    var cases: [(id: RecordId, opened: Timestamp)] = []

    init(history: DemoHistory, index: Int) {
        self.history = history
        self.index = index
        var random = SeededRandom(seed: history.seed, stream: UInt64(index))
        accountId = DemoHistory.accountId(index)
        let stem = random.pick(DemoNames.companyStems)
        companyName = "\(stem) \(random.pick(DemoNames.companySuffixes)) \(index)"
        domain = String(stem.lowercased().filter { $0 != " " }) + "\(index).example"
        owner = "user-\(random.number(1...40))"
        let day = random.number(0...540)
        opened = DemoHistory.start.startOfDay.adding(days: Double(day)).adding(hours: Double(random.number(8...17)))
        horizon = DemoHistory.end.startOfDay.adding(hours: -1)
        self.random = random
    }

    /// Every command of the account, sorted by business time (ties keep the order they were written in).
    func commands() -> [CommandEnvelope] {
        // Sorts the small keys, not the commands, which are large values to move around.
        let order = entries.indices.sorted { (entries[$0].time, $0) < (entries[$1].time, $1) }
        return order.map { entries[$0].envelope }
    }

    /// Adds a command at a time, clamped to the history's end.
    mutating func add(_ command: CRMCommand, at time: Timestamp, by actor: String) {
        let when = min(time, horizon)
        entries.append((when, CommandEnvelope(command, actor: actor, occurredAt: when)))
    }

    /// A random stretch of time, in hours.
    mutating func hours(_ range: ClosedRange<Double>) -> Double {
        Double.random(in: range, using: &random)
    }

    /// Writes the whole history of the account.
    mutating func write() {
        writeAccount()
        writeContacts()
        writeLeads()
        writeOpportunities()
        writeCases()
        writeActivities()
        writeEnding()
    }

    private mutating func writeAccount() {
        var parent: RecordId?
        if random.chance(0.1), let parentIndex = history.steadyAccount(before: index) {
            parent = DemoHistory.accountId(parentIndex)
        }
        let open = OpenAccount(
            accountId: accountId,
            name: companyName,
            type: random.pick(DemoNames.accountTypes),
            industry: random.pick(DemoNames.industries),
            ownerId: RecordId(unchecked: owner),
            parentAccountId: parent,
            website: "https://www.\(domain)",
            annualRevenue: Money(units: Int64(random.number(1...500)) * 100_000),
            employees: random.number(5...20_000),
            billingCountry: random.pick(DemoNames.countries),
            territory: random.pick(DemoNames.territories)
        )
        add(open.command, at: opened, by: owner)
        if random.chance(0.3) {
            let update = UpdateAccount(
                accountId: accountId,
                annualRevenue: Money(units: Int64(random.number(1...800)) * 100_000),
                employees: random.number(5...25_000)
            )
            add(update.command, at: opened.adding(days: Double(random.number(30...300))), by: owner)
        }
        if random.chance(0.15) {
            let reassign = ReassignAccountOwner(
                accountId: accountId,
                ownerId: RecordId(unchecked: "user-\(random.number(41...50))")
            )
            add(reassign.command, at: opened.adding(days: Double(random.number(60...400))), by: "sales-manager")
        }
    }

    private mutating func writeContacts() {
        for number in 1...random.number(2...5) {
            let contactId = RecordId(unchecked: "\(accountId.text)-C\(number)")
            let first = random.pick(DemoNames.firstNames)
            let last = random.pick(DemoNames.lastNames)
            let added = opened.adding(hours: hours(1...200))
            let add = AddContact(
                contactId: contactId,
                accountId: accountId,
                firstName: first,
                lastName: last,
                email: "\(first.lowercased()).\(number)@\(domain)",
                phone: "+1-555-\(1_000 + random.number(0...8_999))",
                title: random.pick(DemoNames.titles)
            )
            self.add(add.command, at: added, by: owner)
            contacts.append((contactId, added))
            if random.chance(0.2) {
                let update = UpdateContact(contactId: contactId, title: random.pick(DemoNames.titles))
                self.add(update.command, at: added.adding(days: Double(random.number(20...300))), by: owner)
            }
        }
    }

    private mutating func writeEnding() {
        let last = entries.map(\.time).max() ?? opened
        if history.isDuplicate(index), let survivor = history.steadyAccount(before: index) {
            let merge = MergeAccounts(accountId: DemoHistory.accountId(survivor), mergedAccountId: accountId)
            add(merge.command, at: last.adding(hours: 1), by: "sales-manager")
        } else if history.isDeactivated(index) {
            add(
                DeactivateAccount(accountId: accountId, reason: "Went out of business").command,
                at: last.adding(hours: 1),
                by: owner
            )
        }
    }
}
