import RapportCRM
import RapportTime

extension AccountReport {
    /// The report as tables: the profile and the totals as field/value rows, then one table per list.
    public var tables: [ReportTable] {
        [
            ReportTable(title: "Account", columns: ["field", "value"], rows: profileRows),
            ReportTable(
                title: "Hierarchy",
                columns: ["relation", "id", "name", "status"],
                rows: (parent.map { [("parent", $0)] } ?? []).map(Self.linkRow)
                    + children.map { Self.linkRow(("child", $0)) }
            ),
            ReportTable(
                title: "Contacts",
                columns: ["id", "name", "email", "phone", "title"],
                rows: contacts.map { [$0.id.text, $0.name, $0.email ?? "", $0.phone ?? "", $0.title ?? ""] }
            ),
            ReportTable(
                title: "Opportunities",
                columns: ["status", "id", "name", "stage", "amount", "close date", "owner"],
                rows: (openOpportunities + closedOpportunities).map { opportunity in
                    [
                        opportunity.status.rawValue, opportunity.id.text, opportunity.name, opportunity.stage ?? "",
                        opportunity.amount.description, opportunity.closeDate.description, opportunity.ownerId ?? "",
                    ]
                }
            ),
            ReportTable(
                title: "Cases",
                columns: ["id", "subject", "priority", "status", "opened at", "breached"],
                rows: (openCases + closedCases).map { line in
                    [
                        line.id.text, line.subject ?? "", line.priority.rawValue, line.status.rawValue,
                        line.openedAt.rfc3339, line.breached ? "yes" : "no",
                    ]
                }
            ),
            ReportTable(
                title: "Activities",
                columns: ["occurred at", "kind", "id", "subject", "owner", "due", "completed at"],
                rows: activities.map { entry in
                    [
                        entry.occurredAt.rfc3339, entry.kind.rawValue, entry.id.text, entry.subject ?? "",
                        entry.ownerId ?? "", entry.dueDate?.description ?? "", entry.completedAt?.rfc3339 ?? "",
                    ]
                }
            ),
            ReportTable(
                title: "Converted leads",
                columns: ["lead", "contact", "opportunity", "converted at", "account created"],
                rows: convertedLeads.map { conversion in
                    [
                        conversion.leadId.text, conversion.contactId.text, conversion.opportunityId?.text ?? "",
                        conversion.convertedAt.rfc3339, conversion.accountCreated ? "yes" : "no",
                    ]
                }
            ),
            ReportTable(
                title: "Campaigns",
                columns: ["campaign", "name", "contact", "added at", "responded at"],
                rows: campaigns.map { touch in
                    [
                        touch.campaignId.text, touch.campaignName ?? "", touch.contactId.text, touch.addedAt.rfc3339,
                        touch.respondedAt?.rfc3339 ?? "",
                    ]
                }
            ),
            ReportTable(
                title: "Merged accounts",
                columns: ["id", "name", "merged at"],
                rows: mergedAccounts.map { [$0.id.text, $0.name ?? "", $0.mergedAt.rfc3339] }
            ),
            ReportTable(title: "Totals", columns: ["field", "value"], rows: totalRows),
        ]
    }

    private var profileRows: [[String]] {
        [
            ["id", account.id.text],
            ["name", account.name],
            ["type", account.type ?? ""],
            ["industry", account.industry ?? ""],
            ["owner", account.ownerId ?? ""],
            ["website", account.website ?? ""],
            ["annual revenue", account.annualRevenue?.description ?? ""],
            ["employees", account.employees.map(String.init) ?? ""],
            ["country", account.country ?? ""],
            ["territory", account.territory ?? ""],
            ["status", account.status.rawValue],
            ["merged into", account.mergedInto?.text ?? ""],
            ["opened at", account.openedAt.rfc3339],
        ]
    }

    private var totalRows: [[String]] {
        [
            ["lifetime won", totals.lifetimeWon.description],
            ["open pipeline", totals.openPipeline.description],
            ["weighted pipeline", totals.weightedPipeline.description],
            ["open cases", String(totals.openCases)],
            ["breached SLAs", String(totals.breachedSlas)],
            ["last activity at", totals.lastActivityAt?.rfc3339 ?? ""],
        ]
    }

    private static func linkRow(_ link: (relation: String, account: AccountLink)) -> [String] {
        [link.relation, link.account.id.text, link.account.name ?? "", link.account.status?.rawValue ?? ""]
    }
}
