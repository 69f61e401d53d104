/// The sums behind the analytics endpoints, kept apart from their JSON so a test can compare
/// the served figures with its own reading of the invoices.
extension SandboxStore {
    /// When the organization was created: its first billing entity.
    var organizationCreatedAt: Int64 { billingEntities.map(\.createdAt).min() ?? generatedAt }

    /// Premium-only endpoints answer 403 `feature_unavailable` on a non-premium sandbox.
    func requirePremium() throws {
        guard premium else { throw ApiError.forbidden("feature_unavailable") }
    }

    /// Money refunded by the credit notes of invoice `i`.
    func refundedCents(invoice i: Int) -> Int64 {
        (creditNotesByInvoice[Int32(i)] ?? []).reduce(0) { $0 + creditNotes[Int($1)].refundAmountCents }
    }

    /// The part of invoice `i`'s coupons that falls on a fee of `amountCents`, in hundredths
    /// of a cent (coupons spread over fees in proportion, as Lago's precise coupon amounts are).
    func couponShare(invoice i: Int, amountCents: Int64) -> Int64 {
        let invoice = invoices[i]
        guard invoice.feesAmountCents > 0 else { return 0 }
        return invoice.couponsAmountCents * amountCents * 100 / invoice.feesAmountCents
    }

    struct RevenueKey: Hashable { var month: Int; var currency: String }

    /// MRR per month and currency in hundredths of a cent, from the subscription fees of the
    /// finalized subscription invoices `admitting` accepts (BEHAVIOUR.md C7, `mrr.rb`).
    func monthlyRecurringRevenue(admitting: (InvoiceRecord) -> Bool) -> [RevenueKey: Int64] {
        var totals: [RevenueKey: Int64] = [:]
        struct Weekly: Hashable { var key: RevenueKey; var subscription: Int32 }
        var weekly: [Weekly: (sum: Int64, count: Int64)] = [:]
        for i in invoices.indices {
            let invoice = invoices[i]
            guard invoice.status == .finalized, invoice.type == .subscription, invoice.subscription >= 0, admitting(invoice) else { continue }
            let plan = plans[subscriptions[Int(invoice.subscription)].plan]
            let net = plan.amountCents * 100 - couponShare(invoice: i, amountCents: plan.amountCents)
            let value = net + net * Int64(invoice.taxRateHundredths) / 10_000
            let issuing = CivilTime.monthStart(Int(invoice.issuingDay))
            let currency = customers[Int(invoice.customer)].currency.code
            let spread: Int
            switch plan.interval {
            case .weekly:
                weekly[Weekly(key: RevenueKey(month: issuing, currency: currency), subscription: invoice.subscription), default: (0, 0)].sum += value
                weekly[Weekly(key: RevenueKey(month: issuing, currency: currency), subscription: invoice.subscription), default: (0, 0)].count += 1
                continue
            case .monthly: spread = 1
            case .quarterly: spread = 3
            case .semiannual: spread = 6
            case .yearly: spread = 12
            }
            for n in 0..<spread {
                let month = spread == 1 ? issuing : CivilTime.monthStart(issuing, offset: plan.payInAdvance ? n : -(n + 1))
                totals[RevenueKey(month: month, currency: currency), default: 0] += value / Int64(spread)
            }
        }
        for (entry, figures) in weekly {
            totals[entry.key, default: 0] += figures.sum * 433 / (figures.count * 100)
        }
        return totals
    }
}
