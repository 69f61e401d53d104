/// Current, past and projected usage of a customer's subscription, and lifetime usage.
enum UsageHandlers {
    static let routes: [Route] = [
        Route("GET", "customers/:external_customer_id/current_usage", { store, ctx in try current(&store, ctx, projected: false) }),
        Route("GET", "customers/:external_customer_id/projected_usage", { store, ctx in try current(&store, ctx, projected: true) }),
        Route("GET", "customers/:external_customer_id/past_usage", past),
        Route("GET", "subscriptions/:external_id/lifetime_usage", lifetime),
    ]

    /// Only the customer's active subscriptions have current usage: anything else (missing,
    /// pending, terminated, canceled, or no `external_subscription_id`) is 405 `no_active_subscription`.
    static func current(_ store: inout SandboxStore, _ ctx: HandlerContext, projected: Bool) throws -> SandboxResponse {
        let c = try CustomerHandlers.customer(store, ctx)
        let q = ctx.query
        guard let external = q.scalar("external_subscription_id"),
              let sub = store.subscriptionsByCustomer[c].map(Int.init).first(where: {
                  store.subscriptions[$0].externalId == external && store.subscriptions[$0].status == .active
              }) else {
            throw ApiError.notAllowed("no_active_subscription")
        }
        let period = store.currentPeriodSeconds(subscription: sub)
        var usage = store.usage(subscription: sub, fromMillis: period.from * 1000, toMillis: (period.to + 1) * 1000)
        let chargeId = q.scalar("charge_id") ?? q.scalar("filter_by_charge_id")
        let chargeCode = q.scalar("charge_code") ?? q.scalar("filter_by_charge_code")
        let metricCode = q.scalar("billable_metric_code") ?? q.scalar("filter_by_metric_code")
        if chargeId != nil || chargeCode != nil || metricCode != nil {
            usage = usage.filter { u in
                (chargeId == nil || store.ids.make(.charge, u.charge) == chargeId)
                    && (chargeCode == nil || store.charges[u.charge].code == chargeCode)
                    && (metricCode == nil || store.metrics[store.charges[u.charge].metric].code == metricCode)
            }
            guard !usage.isEmpty else { throw ApiError.notFound("charge_not_found") }
        }
        let applyTaxes = q.boolean("apply_taxes") != .value(false)
        let plan = store.plans[store.subscriptions[sub].plan]
        let rate = applyTaxes ? Int64(store.taxes[plan.tax].rateHundredths) : 0
        let amount = usage.reduce(Int64(0)) { $0 + $1.amountCents }
        let taxes = (amount * rate + 5000) / 10_000
        // Projection: what the period will bill if usage keeps its pace so far.
        let elapsed = max(1, store.now - period.from)
        let length = period.to + 1 - period.from
        var charges: [JSON] = []
        var projectedTotal: Int64 = 0
        for u in usage {
            var json = store.chargeUsageJSON(u, currency: plan.currency)
            if projected {
                let projectedUnits = u.unitsHundredths * length / elapsed
                let projectedAmount = SandboxStore.price(store.charges[u.charge].pricing, unitsHundredths: projectedUnits,
                                                         eventsCount: Int(Int64(u.eventsCount) * length / elapsed), currency: plan.currency)
                projectedTotal += projectedAmount
                json = json.appending([
                    "projected_units": .string(Decimals.string(projectedUnits, scale: 2)),
                    "projected_amount_cents": .int(projectedAmount),
                    "projected_presentation_breakdowns": .array([]),
                    "groups": .array([]),
                ])
            }
            charges.append(json)
        }
        var body = JSON.obj([
            "from_datetime": .string(CivilTime.timestamp(period.from)),
            "to_datetime": .string(CivilTime.timestamp(period.to)),
            "issuing_date": .string(CivilTime.date(Int(period.to / CivilTime.secondsPerDay))),
            "currency": .string(plan.currency.code),
            "amount_cents": .int(amount),
        ])
        if projected { body = body.appending(["projected_amount_cents": .int(projectedTotal)]) }
        body = body.appending([
            "total_amount_cents": .int(amount + taxes),
            "taxes_amount_cents": .int(taxes),
            "lago_invoice_id": .null,
            "charges_usage": .array(charges),
        ])
        return .json(.obj([projected ? "customer_projected_usage" : "customer_usage": body]))
    }

    /// Invoiced periods of one subscription, newest first, paginated as `usage_periods`.
    static func past(_ store: inout SandboxStore, _ ctx: HandlerContext) throws -> SandboxResponse {
        let c = try CustomerHandlers.customer(store, ctx)
        let q = ctx.query
        guard let external = q.scalar("external_subscription_id"), !external.isEmpty else {
            throw ApiError.validation([("external_subscription_id", ["value_is_mandatory"])])
        }
        var metric: Int? = nil
        if let code = q.scalar("billable_metric_code") {
            guard let m = store.metrics.firstIndex(where: { $0.code == code }) else { throw ApiError.notFound("billable_metric_not_found") }
            metric = m
        }
        let subs = Set(store.subscriptionsByCustomer[c].filter { store.subscriptions[Int($0)].externalId == external })
        var rows = store.invoicesByCustomer[c].map(Int.init).filter { i in
            let invoice = store.invoices[i]
            return invoice.type == .subscription && subs.contains(invoice.subscription) && invoice.status == .finalized
        }
        rows.sort { store.invoices[$0].periodStartDay > store.invoices[$1].periodStartDay }
        if let count = q.scalar("periods_count").flatMap({ Int($0) }), count > 0 { rows = Array(rows.prefix(count)) }
        let snapshot = store
        return Pagination(q).response(key: "usage_periods", rows: rows) { snapshot.pastUsageJSON(invoice: $0, metric: metric) }
    }

    static func lifetime(_ store: inout SandboxStore, _ ctx: HandlerContext) throws -> SandboxResponse {
        let external = ctx.request.parameter("external_id")
        guard let sub = store.findSubscription(externalId: external, status: ctx.query.scalar("status"))
                ?? store.subscriptionsByExternalId[external]?.first.map(Int.init) else {
            throw ApiError.notFound("subscription_not_found")
        }
        let subscription = store.subscriptions[sub]
        let c = subscription.customer
        let invoiced = store.invoicesByCustomer[c].map(Int.init).filter {
            store.invoices[$0].subscription == Int32(sub) && store.invoices[$0].status == .finalized
        }.reduce(Int64(0)) { total, i in
            total + store.feeLines(invoice: i).filter { $0.type == .charge }.reduce(Int64(0)) { $0 + $1.amountCents }
        }
        var current: Int64 = 0
        if subscription.status == .active {
            let period = store.currentPeriodSeconds(subscription: sub)
            current = store.usage(subscription: sub, fromMillis: period.from * 1000, toMillis: (period.to + 1) * 1000).reduce(0) { $0 + $1.amountCents }
        }
        let plan = store.plans[subscription.plan]
        let total = invoiced + current
        let thresholds: [JSON] = plan.usageThresholdCents.map { amount in
            [JSON.obj([
                "amount_cents": .int(amount),
                "completion_ratio": .number(String(format2: min(1, Double(total) / Double(max(1, amount))))),
                "reached_at": total >= amount ? .string(CivilTime.timestamp(store.now)) : .null,
            ])]
        } ?? []
        return .json(.obj(["lifetime_usage": .obj([
            "lago_id": .string(store.ids.make(.lifetimeUsage, sub)),
            "lago_subscription_id": .string(store.subscriptionId(sub)),
            "external_subscription_id": .string(subscription.externalId),
            "external_historical_usage_amount_cents": .int(0),
            "invoiced_usage_amount_cents": .int(invoiced),
            "current_usage_amount_cents": .int(current),
            "from_datetime": .str(subscription.startedAt.map(CivilTime.timestamp)),
            "to_datetime": .string(CivilTime.timestamp(store.now)),
            "usage_thresholds": .array(thresholds),
        ])]))
    }
}

extension String {
    /// A ratio with up to four decimals, as a JSON number literal.
    init(format2 value: Double) {
        let scaled = Int64((value * 10_000).rounded())
        self = Decimals.string(scaled, scale: 4)
    }
}

extension SandboxStore {
    func chargeUsageJSON(_ u: ChargeUsage, currency: SandboxCurrency) -> JSON {
        let charge = charges[u.charge]
        let metric = metrics[charge.metric]
        return .obj([
            "units": .string(Decimals.string(u.unitsHundredths, scale: 2)),
            "total_aggregated_units": .string(Decimals.string(u.unitsHundredths, scale: 2)),
            "events_count": .int(u.eventsCount),
            "amount_cents": .int(u.amountCents),
            "amount_currency": .string(currency.code),
            "pricing_unit_details": .null,
            "charge": .obj([
                "lago_id": .string(ids.make(.charge, u.charge)),
                "code": .string(charge.code),
                "charge_model": .string(charge.pricing.model.rawValue),
                "invoice_display_name": .str(charge.invoiceDisplayName),
            ]),
            "billable_metric": .obj([
                "lago_id": .string(ids.make(.billableMetric, charge.metric)),
                "name": .string(metric.name),
                "code": .string(metric.code),
                "aggregation_type": .string(metric.aggregation.rawValue),
            ]),
            "filters": .array([]),
            "grouped_usage": .array([]),
            "presentation_breakdowns": .array([]),
        ])
    }

    func pastUsageJSON(invoice i: Int, metric: Int?) -> JSON {
        let invoice = invoices[i]
        let currency = customers[Int(invoice.customer)].currency
        let lines = feeLines(invoice: i).filter { line in
            line.type == .charge && (metric == nil || charges[line.charge ?? 0].metric == metric)
        }
        let usage = lines.map { ChargeUsage(charge: $0.charge ?? 0, unitsHundredths: $0.unitsHundredths, eventsCount: $0.eventsCount ?? 0, amountCents: $0.amountCents) }
            .sorted { metrics[charges[$0.charge].metric].name.lowercased() < metrics[charges[$1.charge].metric].name.lowercased() }
        let amount = usage.reduce(Int64(0)) { $0 + $1.amountCents }
        let taxes = (amount * Int64(invoice.taxRateHundredths) + 5000) / 10_000
        return .obj([
            "from_datetime": .string(CivilTime.timestamp(Int64(invoice.periodStartDay) * CivilTime.secondsPerDay)),
            "to_datetime": .string(CivilTime.timestamp(Int64(invoice.periodEndDay) * CivilTime.secondsPerDay - 1)),
            "issuing_date": .string(CivilTime.date(Int(invoice.issuingDay))),
            "currency": .string(currency.code),
            "amount_cents": .int(amount),
            "total_amount_cents": .int(amount + taxes),
            "taxes_amount_cents": .int(taxes),
            "lago_invoice_id": .string(invoiceId(i)),
            "charges_usage": .array(usage.map { chargeUsageJSON($0, currency: currency) }),
        ])
    }
}
