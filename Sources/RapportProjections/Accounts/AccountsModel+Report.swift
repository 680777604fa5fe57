public import RapportCRM
import RapportTime

extension AccountsModel {
    /// The ids of every account the view holds (merged ones included), in id order.
    public var accountIds: [RecordId] { accounts.keys.sorted() }

    /// The 360 view of one account.
    ///
    /// - Parameters:
    ///   - id: The account's id.
    ///   - context: The moment open cases' service targets are measured at, and the position reached.
    /// - Returns: The report, or nil when the view has no such account.
    public func report(for id: RecordId, in context: ReportContext) -> AccountReport? {
        guard let account = accounts[id] else { return nil }
        let opportunities = account.opportunityIds.sorted().compactMap { id in
            self.opportunities[id].map { opportunityLine(id, $0) }
        }
        let cases = account.caseIds.sorted().compactMap { id in
            self.cases[id].map { caseLine(id, $0, asOf: context.asOf) }
        }
        let activities = account.activities.entries.map(activityLine)
        let conversions = account.leadConversions.map(conversionLine)
        return AccountReport(
            asOf: context.asOf,
            position: context.position,
            account: profile(id, account),
            parent: account.parentId.map(link),
            children: account.childIds.sorted().map(link).filter { $0.status != .merged },
            contacts: account.contactIds.sorted().compactMap { id in contacts[id].map { contactLine(id, $0) } },
            openOpportunities: opportunities.filter { $0.status == .open }.sorted {
                ($0.closeDate, $0.id) < ($1.closeDate, $1.id)
            },
            closedOpportunities: opportunities.filter { $0.status != .open }.sorted {
                ($1.closeDate, $0.id) < ($0.closeDate, $1.id)
            },
            openCases: cases.filter { $0.isOpen }.map(\.line).sorted { ($0.openedAt, $0.id) < ($1.openedAt, $1.id) },
            closedCases: cases.filter { !$0.isOpen }.map(\.line).sorted {
                ($1.openedAt, $0.id) < ($0.openedAt, $1.id)
            },
            activities: activities,
            lead: conversions.first,
            convertedLeads: conversions,
            campaigns: campaignTouches(of: account.contactIds),
            mergedAccounts: account.mergedAccounts.map { merged in
                AccountReport.MergedAccount(id: merged.id, name: accounts[merged.id]?.name, mergedAt: merged.at)
            },
            totals: totals(of: account, asOf: context.asOf)
        )
    }

    private func profile(_ id: RecordId, _ account: AccountRecord) -> AccountReport.Profile {
        AccountReport.Profile(
            id: id,
            name: account.name,
            type: texts.text(account.type),
            industry: texts.text(account.industry),
            ownerId: texts.text(account.owner),
            website: account.website,
            annualRevenue: account.annualRevenue,
            employees: account.employees,
            country: texts.text(account.country),
            territory: texts.text(account.territory),
            status: account.status,
            mergedInto: account.mergedInto,
            openedAt: account.openedAt
        )
    }

    private func link(_ id: RecordId) -> AccountReport.AccountLink {
        AccountReport.AccountLink(id: id, name: accounts[id]?.name, status: accounts[id]?.status)
    }

    private func contactLine(_ id: RecordId, _ contact: ContactRecord) -> AccountReport.Contact {
        AccountReport.Contact(
            id: id,
            firstName: contact.firstName,
            lastName: contact.lastName,
            email: contact.email,
            phone: contact.phone,
            title: texts.text(contact.title),
            addedAt: contact.addedAt,
            erased: contact.erased
        )
    }

    private func opportunityLine(_ id: RecordId, _ opportunity: OpportunityRecord) -> AccountReport.Opportunity {
        AccountReport.Opportunity(
            id: id,
            name: opportunity.name,
            stage: texts.text(opportunity.stage),
            probability: opportunity.probability,
            forecastCategory: opportunity.forecastCategory,
            amount: opportunity.amount,
            currency: texts.text(opportunity.currency),
            closeDate: opportunity.closeDate,
            ownerId: texts.text(opportunity.owner),
            status: opportunity.status,
            lossReason: texts.text(opportunity.lossReason),
            openedAt: opportunity.openedAt
        )
    }

    private func caseLine(
        _ id: RecordId,
        _ record: CaseRecord,
        asOf: Timestamp
    ) -> (line: AccountReport.Case, isOpen: Bool) {
        let line = AccountReport.Case(
            id: id,
            subject: texts.text(record.subject),
            priority: record.priority,
            status: record.status,
            ownerId: texts.text(record.owner),
            contactId: record.contactId,
            openedAt: record.openedAt,
            firstResponseDueAt: record.firstResponseDue,
            firstRespondedAt: record.firstResponseAt,
            resolutionDueAt: record.resolutionDue,
            resolvedAt: record.resolvedAt,
            closedAt: record.closedAt,
            heldMinutes: record.heldMinutes,
            firstResponseBreached: record.firstResponseBreached(asOf: asOf),
            resolutionBreached: record.resolutionBreached(asOf: asOf)
        )
        return (line, record.isOpen)
    }

    private func activityLine(_ entry: ActivityRecord) -> AccountReport.Activity {
        AccountReport.Activity(
            id: entry.id,
            kind: entry.kind,
            subject: texts.text(entry.subject),
            occurredAt: entry.at,
            ownerId: texts.text(entry.owner),
            durationMinutes: entry.durationMinutes,
            dueDate: entry.dueDate,
            completedAt: entry.completedAt
        )
    }

    private func conversionLine(_ conversion: LeadConversionRecord) -> AccountReport.LeadConversion {
        AccountReport.LeadConversion(
            leadId: conversion.leadId,
            contactId: conversion.contactId,
            opportunityId: conversion.opportunityId,
            accountCreated: conversion.accountCreated,
            convertedAt: conversion.at
        )
    }

    private func campaignTouches(of contactIds: [RecordId]) -> [AccountReport.CampaignTouch] {
        var touches: [AccountReport.CampaignTouch] = []
        for contactId in contactIds {
            for touch in contacts[contactId]?.campaigns ?? [] {
                touches.append(
                    AccountReport.CampaignTouch(
                        campaignId: touch.campaignId,
                        campaignName: campaigns[touch.campaignId],
                        contactId: contactId,
                        addedAt: touch.addedAt,
                        respondedAt: touch.respondedAt
                    )
                )
            }
        }
        return touches.sorted { ($0.campaignId, $0.contactId) < ($1.campaignId, $1.contactId) }
    }
}
