import RapportCRM
import RapportTime

extension AccountsModel {
    /// An account's totals over the records that belong to it now; sums saturate instead of trapping on damaged
    /// amounts.
    ///
    /// - Parameters:
    ///   - account: The account.
    ///   - asOf: The moment open cases' service targets are measured at.
    /// - Returns: The totals.
    func totals(of account: AccountRecord, asOf: Timestamp) -> AccountReport.Totals {
        var won: Int64 = 0
        var open: Int64 = 0
        var weighted: Int64 = 0
        for id in account.opportunityIds {
            guard let opportunity = opportunities[id] else { continue }
            switch opportunity.status {
            case .won: won = Self.sum(won, opportunity.amount)
            case .open:
                open = Self.sum(open, opportunity.amount)
                weighted = Self.sum(weighted, opportunity.weightedAmount)
            case .lost: break
            }
        }
        var openCases = 0
        var breached = 0
        for id in account.caseIds {
            guard let record = cases[id] else { continue }
            if record.isOpen { openCases += 1 }
            if record.breached(asOf: asOf) { breached += 1 }
        }
        return AccountReport.Totals(
            lifetimeWon: Money(tenThousandths: won),
            openPipeline: Money(tenThousandths: open),
            weightedPipeline: Money(tenThousandths: weighted),
            openCases: openCases,
            breachedSlas: breached,
            lastActivityAt: account.activities.entries.first?.at
        )
    }

    private static func sum(_ total: Int64, _ amount: Money) -> Int64 {
        let sum = total.addingReportingOverflow(amount.tenThousandths)
        guard sum.overflow else { return sum.partialValue }
        return amount.tenThousandths < 0 ? .min : .max
    }
}
