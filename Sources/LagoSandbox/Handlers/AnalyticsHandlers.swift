/// Analytics used by lagotui: overdue balance, gross revenue, MRR and invoice collection.
/// Unpaginated arrays without `meta`, one row per month (and currency…), oldest month first.
enum AnalyticsHandlers {
    static let routes: [Route] = [
        Route("GET", "analytics/overdue_balance", overdueBalance),
        Route("GET", "analytics/gross_revenue", grossRevenue),
        Route("GET", "analytics/mrr", mrr),
        Route("GET", "analytics/invoice_collection", invoiceCollection),
    ]

    /// First month included: `months` ≤ 1 is the current month only, N the last N months.
    static func firstMonth(_ q: QueryParameters, store: SandboxStore, default defaultMonths: Int?) -> Int? {
        guard let months = q.scalar("months").flatMap({ Int($0) }) ?? defaultMonths else { return nil }
        return CivilTime.monthStart(store.today, offset: -(max(1, months) - 1))
    }

    static func monthStamp(_ monthStart: Int) -> String {
        CivilTime.timestampMillis(Int64(monthStart) * CivilTime.secondsPerDay * 1000)
    }

    /// Overdue invoices bucketed by the month of their due date, per currency and billing entity.
    /// `amount_cents` is a decimal string (a SQL SUM), as the real server sends it.
    static func overdueBalance(_ store: inout SandboxStore, _ ctx: HandlerContext) throws -> SandboxResponse {
        let q = ctx.query
        let currency = q.scalar("currency")?.uppercased()
        let customer = q.scalar("external_customer_id").map { store.customerIndex(externalId: $0) ?? -1 }
        let entity = q.scalar("billing_entity_code").flatMap { code in store.billingEntities.firstIndex { $0.code == code } }
        let first = firstMonth(q, store: store, default: nil)
        struct Key: Hashable { var month: Int; var currency: String; var entity: Int }
        var buckets: [Key: (amount: Int64, ids: [String])] = [:]
        for i in store.invoices.indices where store.invoices[i].paymentOverdue {
            let invoice = store.invoices[i]
            let c = Int(invoice.customer)
            if let customer, c != customer { continue }
            let cust = store.customers[c]
            if cust.deleted { continue }
            if let currency, cust.currency.code != currency { continue }
            if let entity, cust.billingEntity != entity { continue }
            guard let due = invoice.dueDay else { continue }
            let month = CivilTime.monthStart(Int(due))
            if let first, month < first { continue }
            let key = Key(month: month, currency: cust.currency.code, entity: cust.billingEntity)
            buckets[key, default: (0, [])].amount += store.dueAmountCents(i)
            buckets[key, default: (0, [])].ids.append(store.invoiceId(i))
        }
        let rows = buckets.sorted { a, b in
            a.key.month != b.key.month ? a.key.month < b.key.month : (a.key.currency != b.key.currency ? a.key.currency < b.key.currency : a.key.entity < b.key.entity)
        }.map { key, value in
            JSON.obj([
                "month": .string(monthStamp(key.month)),
                "amount_cents": .string("\(value.amount).0"),
                "currency": .string(key.currency),
                "lago_invoice_ids": .array(value.ids.map { .string($0) }),
                "billing_entity_id": .string(store.ids.make(.billingEntity, key.entity)),
            ])
        }
        return .json(.obj(["overdue_balances": .array(rows)]))
    }

    /// Finalized invoices' totals (less credit notes) per issuing month, currency and billing
    /// entity (`V1::Analytics::GrossRevenueSerializer` names the entity of each row).
    static func grossRevenue(_ store: inout SandboxStore, _ ctx: HandlerContext) throws -> SandboxResponse {
        let q = ctx.query
        let currency = q.scalar("currency")?.uppercased()
        let customer = q.scalar("external_customer_id").map { store.customerIndex(externalId: $0) ?? -1 }
        // An unknown code is silently ignored: the filter is dropped (BEHAVIOUR.md C7).
        let entity = q.scalar("billing_entity_code").flatMap { code in store.billingEntities.firstIndex { $0.code == code } }
        let first = firstMonth(q, store: store, default: 12)
        struct Key: Hashable { var month: Int; var currency: String; var entity: Int }
        var buckets: [Key: (amount: Int64, count: Int)] = [:]
        for i in store.invoices.indices where store.invoices[i].status == .finalized {
            let invoice = store.invoices[i]
            if let customer, Int(invoice.customer) != customer { continue }
            let cust = store.customers[Int(invoice.customer)]
            let code = cust.currency.code
            if let currency, code != currency { continue }
            if let entity, cust.billingEntity != entity { continue }
            let month = CivilTime.monthStart(Int(invoice.issuingDay))
            if let first, month < first { continue }
            let credited = (store.creditNotesByInvoice[Int32(i)] ?? []).reduce(Int64(0)) {
                $0 + store.creditNotes[Int($1)].creditAmountCents + store.creditNotes[Int($1)].refundAmountCents
            }
            let key = Key(month: month, currency: code, entity: cust.billingEntity)
            buckets[key, default: (0, 0)].amount += invoice.totalAmountCents - credited
            buckets[key, default: (0, 0)].count += 1
        }
        let rows = buckets.sorted { a, b in
            a.key.month != b.key.month ? a.key.month < b.key.month : (a.key.currency != b.key.currency ? a.key.currency < b.key.currency : a.key.entity < b.key.entity)
        }.map { key, value in
            JSON.obj(["month": .string(monthStamp(key.month)), "amount_cents": .int(value.amount), "currency": .string(key.currency),
                      "invoices_count": .int(value.count), "billing_entity_id": .string(store.ids.make(.billingEntity, key.entity))])
        }
        return .json(.obj(["gross_revenues": .array(rows)]))
    }

    /// Monthly recurring revenue: plan amounts normalised to a month, for subscriptions active
    /// at some point in each month.
    static func mrr(_ store: inout SandboxStore, _ ctx: HandlerContext) throws -> SandboxResponse {
        let q = ctx.query
        let currency = q.scalar("currency")?.uppercased()
        let first = firstMonth(q, store: store, default: 12) ?? CivilTime.monthStart(store.today)
        var months: [Int] = []
        var month = first
        while month <= store.today {
            months.append(month)
            month = CivilTime.monthStart(month, offset: 1)
        }
        var rows: [JSON] = []
        for m in months {
            let start = Int64(m) * CivilTime.secondsPerDay
            let end = Int64(CivilTime.monthStart(m, offset: 1)) * CivilTime.secondsPerDay
            var totals: [String: Int64] = [:]
            for sub in store.subscriptions {
                guard let started = sub.startedAt, started < end, (sub.terminatedAt ?? .max) >= start else { continue }
                let plan = store.plans[sub.plan]
                if let currency, plan.currency.code != currency { continue }
                let monthly: Int64 = switch plan.interval {
                case .weekly: plan.amountCents * 52 / 12
                case .monthly: plan.amountCents
                case .quarterly: plan.amountCents / 3
                case .semiannual: plan.amountCents / 6
                case .yearly: plan.amountCents / 12
                }
                totals[plan.currency.code, default: 0] += monthly
            }
            for (code, amount) in totals.sorted(by: { $0.key < $1.key }) {
                rows.append(.obj(["month": .string(monthStamp(m)), "amount_cents": .int(amount), "currency": .string(code)]))
            }
        }
        return .json(.obj(["mrrs": .array(rows)]))
    }

    /// Finalized invoices per issuing month, currency and payment status.
    static func invoiceCollection(_ store: inout SandboxStore, _ ctx: HandlerContext) throws -> SandboxResponse {
        let q = ctx.query
        let currency = q.scalar("currency")?.uppercased()
        let first = firstMonth(q, store: store, default: 12)
        struct Key: Hashable { var month: Int; var currency: String; var status: String }
        var buckets: [Key: (amount: Int64, count: Int)] = [:]
        for invoice in store.invoices where invoice.status == .finalized {
            let code = store.customers[Int(invoice.customer)].currency.code
            if let currency, code != currency { continue }
            let month = CivilTime.monthStart(Int(invoice.issuingDay))
            if let first, month < first { continue }
            let key = Key(month: month, currency: code, status: invoice.paymentStatus.rawValue)
            buckets[key, default: (0, 0)].amount += invoice.totalAmountCents
            buckets[key, default: (0, 0)].count += 1
        }
        let rows = buckets.sorted { a, b in
            a.key.month != b.key.month ? a.key.month < b.key.month : (a.key.currency != b.key.currency ? a.key.currency < b.key.currency : a.key.status < b.key.status)
        }.map { key, value in
            JSON.obj(["month": .string(monthStamp(key.month)), "payment_status": .string(key.status), "invoices_count": .int(value.count),
                      "amount_cents": .int(value.amount), "currency": .string(key.currency)])
        }
        return .json(.obj(["invoice_collections": .array(rows)]))
    }
}
