/// Lago's analytics, computed from the sandbox's own invoices so the figures move when an
/// action changes an invoice (BEHAVIOUR.md C7): unpaginated arrays without `meta`, `month` as a
/// millisecond timestamp, and each amount in the SQL type Lago sends — a JSON float for gross
/// revenue, invoiced usage and collection, a decimal string for MRR and overdue balance.
/// MRR, invoiced usage and invoice collection answer 403 `feature_unavailable` without premium.
enum AnalyticsHandlers {
    static let routes: [Route] = [
        Route("GET", "analytics/overdue_balance", overdueBalance),
        Route("GET", "analytics/gross_revenue", grossRevenue),
        Route("GET", "analytics/mrr", mrr),
        Route("GET", "analytics/invoice_collection", invoiceCollection),
        Route("GET", "analytics/invoiced_usage", invoicedUsage),
    ]

    /// The months a query covers, oldest first: `months` ≤ 1 (or not a number) is the current
    /// month only, N the current month and the N−1 before it, absent every month since the
    /// organization was created.
    static func months(_ q: QueryParameters, store: SandboxStore) -> [Int] {
        let current = CivilTime.monthStart(store.today)
        let first: Int
        if let raw = q.scalar("months") {
            first = CivilTime.monthStart(store.today, offset: -(max(1, Int(raw) ?? 0) - 1))
        } else {
            first = CivilTime.monthStart(Int(store.organizationCreatedAt / CivilTime.secondsPerDay))
        }
        var out: [Int] = []
        var month = first
        while month <= current {
            out.append(month)
            month = CivilTime.monthStart(month, offset: 1)
        }
        return out
    }

    static func monthStamp(_ monthStart: Int) -> String {
        CivilTime.timestampMillis(Int64(monthStart) * CivilTime.secondsPerDay * 1000)
    }

    /// The filters every analytics endpoint reads; an unknown billing entity code is ignored.
    struct Scope {
        var currency: String?
        var entity: Int?
        var customer: Int?

        init(_ q: QueryParameters, store: SandboxStore, honoursCustomer: Bool) {
            currency = q.scalar("currency")?.uppercased()
            entity = q.scalar("billing_entity_code").flatMap { code in store.billingEntities.firstIndex { $0.code == code } }
            customer = honoursCustomer ? q.scalar("external_customer_id").map { store.customerIndex(externalId: $0) ?? -1 } : nil
        }

        func admits(_ invoice: InvoiceRecord, _ store: SandboxStore) -> Bool {
            let customer = store.customers[Int(invoice.customer)]
            if let c = self.customer, Int(invoice.customer) != c { return false }
            if let currency, customer.currency.code != currency { return false }
            if let entity, customer.billingEntity != entity { return false }
            return true
        }
    }

    /// An amount in hundredths of a cent as Lago's float (`3000.0`) or decimal string (`"3000.25"`).
    static func amount(_ hundredthsOfCent: Int64, asString: Bool) -> JSON {
        let text = Decimals.string(hundredthsOfCent, scale: 2)
        return asString ? .string(text) : .number(text)
    }

    /// Overdue invoices bucketed by the month of their due date, per currency and billing entity.
    static func overdueBalance(_ store: inout SandboxStore, _ ctx: HandlerContext) throws -> SandboxResponse {
        let scope = Scope(ctx.query, store: store, honoursCustomer: true)
        let first = ctx.query.scalar("months") == nil ? nil : months(ctx.query, store: store).first
        struct Key: Hashable { var month: Int; var currency: String; var entity: Int }
        var buckets: [Key: (amount: Int64, ids: [String])] = [:]
        for i in store.invoices.indices where store.invoices[i].paymentOverdue {
            let invoice = store.invoices[i]
            let cust = store.customers[Int(invoice.customer)]
            guard !cust.deleted, scope.admits(invoice, store), let due = invoice.dueDay else { continue }
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
                "amount_cents": amount(value.amount * 100, asString: true),
                "currency": .string(key.currency),
                "lago_invoice_ids": .array(value.ids.map { .string($0) }),
                "billing_entity_id": .string(store.ids.make(.billingEntity, key.entity)),
            ])
        }
        return .json(.obj(["overdue_balances": .array(rows)]))
    }

    /// Finalized invoices' totals less their refunds, per issuing month, currency and billing
    /// entity; only months with revenue appear.
    static func grossRevenue(_ store: inout SandboxStore, _ ctx: HandlerContext) throws -> SandboxResponse {
        let scope = Scope(ctx.query, store: store, honoursCustomer: true)
        let window = Set(months(ctx.query, store: store))
        struct Key: Hashable { var month: Int; var currency: String; var entity: Int }
        var buckets: [Key: (amount: Int64, count: Int64)] = [:]
        for i in store.invoices.indices {
            let invoice = store.invoices[i]
            guard invoice.status == .finalized, invoice.disputeLostAtMillis == nil, scope.admits(invoice, store) else { continue }
            let month = CivilTime.monthStart(Int(invoice.issuingDay))
            guard window.contains(month) else { continue }
            let customer = store.customers[Int(invoice.customer)]
            let key = Key(month: month, currency: customer.currency.code, entity: customer.billingEntity)
            buckets[key, default: (0, 0)].amount += invoice.totalAmountCents - store.refundedCents(invoice: i)
            buckets[key, default: (0, 0)].count += 1
        }
        let rows = buckets.sorted { a, b in
            a.key.month != b.key.month ? a.key.month < b.key.month : (a.key.currency != b.key.currency ? a.key.currency < b.key.currency : a.key.entity < b.key.entity)
        }.map { key, value in
            JSON.obj(["month": .string(monthStamp(key.month)), "amount_cents": amount(value.amount * 100, asString: false),
                      "currency": .string(key.currency), "invoices_count": .string("\(value.count).0"),
                      "billing_entity_id": .string(store.ids.make(.billingEntity, key.entity))])
        }
        return .json(.obj(["gross_revenues": .array(rows)]))
    }

    /// Monthly recurring revenue from the subscription fees of finalized invoices (after their
    /// share of coupons, with taxes): a monthly fee counts in its issuing month, longer
    /// intervals are spread over the months they cover, weekly fees as their monthly average
    /// × 4.33. Every month appears; an empty one as `null` amount and currency, unless a
    /// currency was asked for.
    static func mrr(_ store: inout SandboxStore, _ ctx: HandlerContext) throws -> SandboxResponse {
        try store.requirePremium()
        let scope = Scope(ctx.query, store: store, honoursCustomer: false)
        let window = months(ctx.query, store: store)
        let totals = store.monthlyRecurringRevenue(admitting: { scope.admits($0, store) })
        var rows: [JSON] = []
        for month in window {
            let here = totals.filter { $0.key.month == month }.sorted { $0.key.currency < $1.key.currency }
            if here.isEmpty {
                if scope.currency == nil { rows.append(.obj(["month": .string(monthStamp(month)), "amount_cents": .null, "currency": .null])) }
                continue
            }
            for (key, value) in here {
                rows.append(.obj(["month": .string(monthStamp(month)), "amount_cents": amount((value + 50) / 100 * 100, asString: true), "currency": .string(key.currency)]))
            }
        }
        return .json(.obj(["mrrs": .array(rows)]))
    }

    /// Finalized invoices per issuing month, payment status and currency; an empty month is
    /// one row of nulls and zeros.
    static func invoiceCollection(_ store: inout SandboxStore, _ ctx: HandlerContext) throws -> SandboxResponse {
        try store.requirePremium()
        let scope = Scope(ctx.query, store: store, honoursCustomer: false)
        let window = months(ctx.query, store: store)
        let admitted = Set(window)
        struct Key: Hashable { var month: Int; var status: String; var currency: String }
        var buckets: [Key: (amount: Int64, count: Int)] = [:]
        for invoice in store.invoices where invoice.status == .finalized && scope.admits(invoice, store) {
            let month = CivilTime.monthStart(Int(invoice.issuingDay))
            guard admitted.contains(month) else { continue }
            let key = Key(month: month, status: invoice.paymentStatus.rawValue, currency: store.customers[Int(invoice.customer)].currency.code)
            buckets[key, default: (0, 0)].amount += invoice.totalAmountCents
            buckets[key, default: (0, 0)].count += 1
        }
        var rows: [JSON] = []
        for month in window {
            let here = buckets.filter { $0.key.month == month }.sorted { a, b in
                a.key.status != b.key.status ? a.key.status < b.key.status : a.key.currency < b.key.currency
            }
            if here.isEmpty {
                rows.append(.obj(["month": .string(monthStamp(month)), "payment_status": .null, "invoices_count": .int(0),
                                  "amount_cents": .number("0.0"), "currency": .null]))
            }
            for (key, value) in here {
                rows.append(.obj(["month": .string(monthStamp(month)), "payment_status": .string(key.status), "invoices_count": .int(value.count),
                                  "amount_cents": amount(value.amount * 100, asString: false), "currency": .string(key.currency)]))
            }
        }
        return .json(.obj(["invoice_collections": .array(rows)]))
    }

    /// Charge fees (after their share of coupons) by the month they were created, metric code
    /// and currency, whatever their invoice's status (Lago's query has no status filter);
    /// newest month first, then the largest amount.
    static func invoicedUsage(_ store: inout SandboxStore, _ ctx: HandlerContext) throws -> SandboxResponse {
        try store.requirePremium()
        let scope = Scope(ctx.query, store: store, honoursCustomer: false)
        let admitted = Set(months(ctx.query, store: store))
        struct Key: Hashable { var month: Int; var code: String; var currency: String }
        var buckets: [Key: Int64] = [:]
        for i in store.invoices.indices {
            let invoice = store.invoices[i]
            let month = CivilTime.monthStart(Int(invoice.createdAt / CivilTime.secondsPerDay))
            guard admitted.contains(month), scope.admits(invoice, store) else { continue }
            for line in store.feeLines(invoice: i) where line.type == .charge {
                guard let charge = line.charge else { continue }
                let key = Key(month: month, code: store.metrics[store.charges[charge].metric].code, currency: store.customers[Int(invoice.customer)].currency.code)
                buckets[key, default: 0] += line.amountCents * 100 - store.couponShare(invoice: i, amountCents: line.amountCents)
            }
        }
        let rows = buckets.sorted { a, b in
            a.key.month != b.key.month ? a.key.month > b.key.month : (a.value != b.value ? a.value > b.value : a.key.code < b.key.code)
        }.map { key, value in
            JSON.obj(["month": .string(monthStamp(key.month)), "code": .string(key.code), "currency": .string(key.currency),
                      "amount_cents": amount(value, asString: false)])
        }
        return .json(.obj(["invoiced_usages": .array(rows)]))
    }
}
