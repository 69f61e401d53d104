/// The includes a plan is serialized with (`V1::PlanSerializer`'s `includes:`); charges,
/// usage thresholds, taxes and the minimum commitment are in every form the sandbox serves.
struct PlanIncludes: OptionSet, Sendable {
    let rawValue: Int
    static let fixedCharges = PlanIncludes(rawValue: 1)
    static let entitlements = PlanIncludes(rawValue: 2)

    /// `GET /plans`: no fixed charges.
    static let list: PlanIncludes = [.entitlements]
    /// `GET /plans/{code}`.
    static let show: PlanIncludes = [.fixedCharges, .entitlements]
    /// The plan inside a subscription: neither fixed charges nor entitlements.
    static let subscription: PlanIncludes = []
}

extension SandboxStore {
    static func microsString(_ micros: Int64) -> String { Decimals.string(micros, scale: 6) }

    /// `V1::BillableMetricSerializer`, keys in its order. `counters` (the list and write
    /// actions' include, hard-coded 0 in Lago) adds the three counts; show passes no include.
    func billableMetricJSON(_ m: Int, counters: Bool) -> JSON {
        let metric = metrics[m]
        var filters: [JSON] = []
        if let filter = metric.filter {
            filters.append(.obj(["key": .string(filter.key), "values": .array(filter.values.sorted().map { .string($0) })]))
        }
        var json = JSON.obj([
            "lago_id": .string(ids.make(.billableMetric, m)),
            "name": .string(metric.name),
            "code": .string(metric.code),
            "description": .str(metric.description),
            "aggregation_type": .string(metric.aggregation.rawValue),
            "weighted_interval": .null,
            "recurring": .bool(metric.recurring),
            "rounding_function": .null,
            "rounding_precision": .null,
            "created_at": .string(CivilTime.timestamp(metric.createdAt)),
            "field_name": .str(metric.fieldName),
            "expression": .string(""),
        ])
        if counters {
            json = json.appending(["active_subscriptions_count": .int(0), "draft_invoices_count": .int(0), "plans_count": .int(0)])
        }
        return json.appending(["filters": .array(filters)])
    }

    func chargePropertiesJSON(_ pricing: ChargePricing) -> JSON {
        switch pricing {
        case .standard(let unit):
            return .obj(["amount": .string(Self.microsString(unit))])
        case .graduated(let ranges):
            return .obj(["graduated_ranges": .array(ranges.map { r in
                .obj([
                    "from_value": .int(r.from),
                    "to_value": r.to.map { .int($0) } ?? .null,
                    "per_unit_amount": .string(Self.microsString(r.perUnitMicros)),
                    "flat_amount": .string(Self.microsString(r.flatMicros)),
                ])
            })])
        case .package(let amount, let size, let free):
            return .obj(["amount": .string(Self.microsString(amount)), "package_size": .int(size), "free_units": .int(free)])
        case .percentage(let rate, let fixed):
            return .obj([
                "rate": .string(Decimals.string(Int64(rate), scale: 2)),
                "fixed_amount": .string(Self.microsString(fixed)),
                "free_units_per_events": .null,
                "free_units_per_total_aggregation": .null,
                "per_transaction_max_amount": .null,
                "per_transaction_min_amount": .null,
            ])
        }
    }

    /// `V1::ChargeSerializer` with the plan's `taxes` include (charges carry no taxes of their own).
    func chargeJSON(_ c: Int) -> JSON {
        let charge = charges[c]
        return .obj([
            "lago_id": .string(ids.make(.charge, c)),
            "lago_billable_metric_id": .string(ids.make(.billableMetric, charge.metric)),
            "code": .string(charge.code),
            "invoice_display_name": .str(charge.invoiceDisplayName),
            "billable_metric_code": .string(metrics[charge.metric].code),
            "created_at": .string(CivilTime.timestamp(charge.createdAt)),
            "charge_model": .string(charge.pricing.model.rawValue),
            "invoiceable": .bool(true),
            "regroup_paid_fees": .null,
            "pay_in_advance": .bool(charge.payInAdvance),
            "prorated": .bool(false),
            "min_amount_cents": .int(0),
            "accepts_target_wallet": .bool(false),
            "properties": chargePropertiesJSON(charge.pricing),
            "applied_pricing_unit": .null,
            "lago_parent_id": .null,
            "filters": chargeFiltersJSON(c),
            "taxes": .array([]),
        ])
    }

    /// `applicable_usage_thresholds` of a plan (its own thresholds; the sandbox has no overrides).
    func applicableUsageThresholds(plan p: Int) -> [JSON] {
        plans[p].usageThresholdCents.map { amount in
            [JSON.obj(["threshold_display_name": .string("Spend alert"), "amount_cents": .int(amount), "recurring": .bool(false)])]
        } ?? []
    }

    /// `V1::PlanSerializer`, keys in its order, with the includes the caller's action passes.
    /// Counts are hard-coded 0 as in Lago; `metadata` is absent because no seeded plan has any.
    func planJSON(_ p: Int, includes: PlanIncludes) -> JSON {
        let plan = plans[p]
        var json = JSON.obj([
            "lago_id": .string(ids.make(.plan, p)),
            "name": .string(plan.name),
            "invoice_display_name": .string(plan.name),
            "created_at": .string(CivilTime.timestamp(plan.createdAt)),
            "code": .string(plan.code),
            "interval": .string(plan.interval.rawValue),
            "description": .string(plan.description),
            "amount_cents": .int(plan.amountCents),
            "amount_currency": .string(plan.currency.code),
            "trial_period": .number("\(plan.trialPeriodDays).0"),
            "pay_in_advance": .bool(plan.payInAdvance),
            "bill_charges_monthly": plan.interval == .yearly ? .bool(true) : .null,
            "bill_fixed_charges_monthly": .null,
            "customers_count": .int(0),
            "active_subscriptions_count": .int(0),
            "draft_invoices_count": .int(0),
            "parent_id": .null,
            "pending_deletion": .bool(false),
            "charges": .array(plan.charges.map { chargeJSON($0) }),
        ])
        if includes.contains(.fixedCharges) { json = json.appending(["fixed_charges": .array([])]) }
        if includes.contains(.entitlements) { json = json.appending(["entitlements": .array([])]) }
        json = json.appending([
            "usage_thresholds": .array(plan.usageThresholdCents.map { amount in
                [JSON.obj([
                    "lago_id": .string(ids.make(.threshold, p)),
                    "threshold_display_name": .string("Spend alert"),
                    "amount_cents": .int(amount),
                    "recurring": .bool(false),
                    "created_at": .string(CivilTime.timestamp(plan.createdAt)),
                    "updated_at": .string(CivilTime.timestamp(plan.createdAt)),
                ])]
            } ?? []),
            "applicable_usage_thresholds": .array(applicableUsageThresholds(plan: p)),
            "taxes": .array([taxJSON(plan.tax)]),
        ])
        guard let commitment = plan.minimumCommitmentCents else { return json }
        return json.appending(["minimum_commitment": .obj([
            "lago_id": .string(ids.make(.commitment, p)),
            "plan_code": .string(plan.code),
            "invoice_display_name": .string("Minimum commitment"),
            "amount_cents": .int(commitment),
            "interval": .string(plan.interval.rawValue),
            "created_at": .string(CivilTime.timestamp(plan.createdAt)),
            "updated_at": .string(CivilTime.timestamp(plan.createdAt)),
            "taxes": .array([]),
        ])])
    }

    /// `V1::CouponSerializer`, keys in its order.
    func couponJSON(_ c: Int) -> JSON {
        let coupon = coupons[c]
        return .obj([
            "lago_id": .string(ids.make(.coupon, c)),
            "name": .string(coupon.name),
            "code": .string(coupon.code),
            "description": .str(coupon.description),
            "coupon_type": .string(coupon.percentageRate == nil ? "fixed_amount" : "percentage"),
            "amount_cents": .intOrNull(coupon.amountCents),
            "amount_currency": .str(coupon.currency?.code),
            "percentage_rate": .str(coupon.percentageRate),
            "frequency": .string(coupon.frequency),
            "frequency_duration": .intOrNull(coupon.frequencyDuration.map(Int64.init)),
            "reusable": .bool(coupon.reusable),
            "limited_plans": .bool(false),
            "limited_billable_metrics": .bool(false),
            "plan_codes": .array([]),
            "billable_metric_codes": .array([]),
            "created_at": .string(CivilTime.timestamp(coupon.createdAt)),
            "expiration": .string(coupon.expirationAt == nil ? "no_expiration" : "time_limit"),
            "expiration_at": .str(coupon.expirationAt.map(CivilTime.timestamp)),
            "terminated_at": .str(coupon.terminatedAt.map(CivilTime.timestamp)),
        ])
    }

    /// `V1::AddOnSerializer` with its `taxes` include, keys in its order.
    func addOnJSON(_ a: Int) -> JSON {
        let addOn = addOns[a]
        return .obj([
            "lago_id": .string(ids.make(.addOn, a)),
            "name": .string(addOn.name),
            "invoice_display_name": .str(addOn.invoiceDisplayName),
            "code": .string(addOn.code),
            "amount_cents": .int(addOn.amountCents),
            "amount_currency": .string(addOn.currency.code),
            "created_at": .string(CivilTime.timestamp(addOn.createdAt)),
            "description": .str(addOn.description),
            "taxes": .array([taxJSON(addOn.tax)]),
        ])
    }

    /// `V1::TaxSerializer`, keys in its order (the form nested in customers, plans, add-ons and
    /// billing entities). `withBillingEntities` is `V1::TaxWithBillingEntitiesSerializer`, what
    /// the taxes endpoints render: `applied_to_billing_entities_codes` appended. Lago hard-codes
    /// the counts to 0.
    func taxJSON(_ t: Int, withBillingEntities: Bool = false) -> JSON {
        let tax = taxes[t]
        let json = JSON.obj([
            "lago_id": .string(ids.make(.tax, t)),
            "name": .string(tax.name),
            "code": .string(tax.code),
            "rate": .number(Decimals.string(Int64(tax.rateHundredths), scale: 2)),
            "description": .str(tax.description),
            "applied_to_organization": .bool(tax.appliedToOrganization),
            "add_ons_count": .int(0),
            "customers_count": .int(0),
            "plans_count": .int(0),
            "charges_count": .int(0),
            "commitments_count": .int(0),
            "created_at": .string(CivilTime.timestamp(tax.createdAt)),
        ])
        guard withBillingEntities else { return json }
        let codes = billingEntities.indices.filter { taxesApplied(toBillingEntity: $0).contains(t) }.map { billingEntities[$0].code }.sorted()
        return json.appending(["applied_to_billing_entities_codes": .array(codes.map { .string($0) })])
    }

    /// The taxes a billing entity applies: `applied_to_organization` means applied to the
    /// default entity, and the sandbox applies none to the others.
    func taxesApplied(toBillingEntity b: Int) -> [Int] {
        billingEntities[b].isDefault ? taxes.indices.filter { taxes[$0].appliedToOrganization } : []
    }
}
