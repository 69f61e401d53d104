/// `GET /fees?event_transaction_id=` as Lago answers it (BEHAVIOUR.md C9): only an event of a
/// pay-in-advance charge has a fee of its own, one per event, created when the event arrived
/// and listed before it is invoiced; every other event gives an empty list.
enum EventFeeHandlers {
    /// Fee ids of per-event fees start here, clear of invoice fees (invoice × 8 + position).
    static let firstIndex = 1 << 39

    /// The fee list for one transaction id, honouring the other filters a client may add.
    static func fees(_ store: SandboxStore, transactionId: String, _ q: QueryParameters) -> SandboxResponse {
        var rows: [Int] = []
        if let e = store.eventIndex(transactionId: transactionId), store.payInAdvanceCharge(ofEvent: e) != nil {
            let sub = store.subscriptions[Int(store.events[e].subscription)]
            let metricCode = store.metrics[Int(store.events[e].metric)].code
            let keep = (q.scalar("external_customer_id").map { $0 == store.customers[sub.customer].externalId } ?? true)
                && (q.scalar("external_subscription_id").map { $0 == sub.externalId } ?? true)
                && (q.scalar("billable_metric_code").map { $0 == metricCode } ?? true)
                && (q.scalar("fee_type").map { $0 == "charge" } ?? true)
                && (q.scalar("currency").map { $0.uppercased() == store.customers[sub.customer].currency.code } ?? true)
            if keep && store.eventQuirks[Int32(e)] == nil { rows = [e] }
        }
        return Pagination(q).response(key: "fees", rows: rows) { store.eventFeeJSON($0) }
    }

    /// `GET /fees/{lago_id}` for a per-event fee, or nil when the id is not one.
    static func fee(_ store: SandboxStore, index: Int) -> SandboxResponse? {
        guard index >= firstIndex, index - firstIndex < store.events.count, store.payInAdvanceCharge(ofEvent: index - firstIndex) != nil else { return nil }
        return .json(.obj(["fee": store.eventFeeJSON(index - firstIndex)]))
    }
}

extension SandboxStore {
    /// The pay-in-advance charge event `e` is billed by on its subscription's plan, if any.
    func payInAdvanceCharge(ofEvent e: Int) -> Int? {
        let event = events[e]
        let plan = plans[subscriptions[Int(event.subscription)].plan]
        return plan.charges.first { charges[$0].metric == Int(event.metric) && charges[$0].payInAdvance }
    }

    /// The fee a pay-in-advance event produced: one unit at the charge's price, not invoiced yet.
    func eventFeeJSON(_ e: Int) -> JSON {
        let event = events[e]
        let s = Int(event.subscription)
        let sub = subscriptions[s]
        let customer = customers[sub.customer]
        let c = payInAdvanceCharge(ofEvent: e) ?? 0
        let charge = charges[c]
        let metric = metrics[charge.metric]
        let unitMicros: Int64
        switch charge.pricing {
        case .standard(let micros): unitMicros = micros
        case .package(let micros, _, _): unitMicros = micros
        case .graduated(let ranges): unitMicros = ranges.first?.perUnitMicros ?? 0
        case .percentage(_, let fixed): unitMicros = fixed
        }
        let cents = customer.currency.minorUnits == 0 ? unitMicros / 1_000_000 : unitMicros / 10_000
        let scale = customer.currency.minorUnits == 0 ? 0 : 2
        let period = currentPeriodSeconds(subscription: s)
        let item: JSON = .obj([
            "type": .string("charge"), "code": .string(metric.code), "name": .string(metric.name),
            "description": .str(metric.description), "invoice_display_name": .string(charge.invoiceDisplayName ?? metric.name),
            "filters": .null, "filter_invoice_display_name": .null,
            "lago_item_id": .string(ids.make(.billableMetric, charge.metric)), "item_type": .string("BillableMetric"), "grouped_by": .obj([:]),
        ])
        return .obj([
            "lago_id": .string(ids.make(.fee, EventFeeHandlers.firstIndex + e)),
            "lago_charge_id": .string(ids.make(.charge, c)),
            "lago_charge_filter_id": .null,
            "lago_fixed_charge_id": .null,
            "lago_invoice_id": .null,
            "lago_true_up_fee_id": .null,
            "lago_true_up_parent_fee_id": .null,
            "lago_original_fee_id": .null,
            "lago_subscription_id": .string(subscriptionId(s)),
            "external_subscription_id": .string(sub.externalId),
            "lago_customer_id": .string(customerId(sub.customer)),
            "external_customer_id": .string(customer.externalId),
            "item": item,
            "pay_in_advance": .bool(true),
            "invoiceable": .bool(true),
            "amount_cents": .int(cents),
            "amount_currency": .string(customer.currency.code),
            "precise_amount": .string(Decimals.string(cents, scale: scale)),
            "precise_total_amount": .string(Decimals.string(cents, scale: scale)),
            "taxes_amount_cents": .int(0),
            "taxes_precise_amount": .string(Decimals.string(0, scale: scale)),
            "taxes_rate": .number("0.0"),
            "total_aggregated_units": .string("1.0"),
            "total_amount_cents": .int(cents),
            "total_amount_currency": .string(customer.currency.code),
            "units": .string("1.0"),
            "description": .null,
            "precise_unit_amount": .string(Self.microsString(unitMicros)),
            "precise_coupons_amount_cents": .string("0.0"),
            "sub_total_excluding_taxes_amount_cents": .int(cents),
            "sub_total_excluding_taxes_precise_amount_cents": .string(Decimals.string(cents, scale: 0)),
            "events_count": .int(1),
            "payment_status": .string("pending"),
            "created_at": .string(CivilTime.timestamp(event.createdAt)),
            "succeeded_at": .null,
            "failed_at": .null,
            "refunded_at": .null,
            "amount_details": .obj([:]),
            "self_billed": .bool(false),
            "pricing_unit_details": .null,
            "presentation_breakdowns": .array([]),
            "from_date": .string(CivilTime.timestamp(period.from)),
            "to_date": .string(CivilTime.timestamp(period.to)),
            "event_transaction_id": .string(eventTransactionId(e)),
            "applied_taxes": .array([]),
        ])
    }
}
