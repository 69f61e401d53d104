extension SandboxStore {
    static func microsString(_ micros: Int64) -> String { Decimals.string(micros, scale: 6) }

    func billableMetricJSON(_ m: Int) -> JSON {
        let metric = metrics[m]
        var filters: [JSON] = []
        if let filter = metric.filter {
            filters.append(.obj(["key": .string(filter.key), "values": .array(filter.values.map { .string($0) })]))
        }
        return .obj([
            "lago_id": .string(ids.make(.billableMetric, m)),
            "name": .string(metric.name),
            "code": .string(metric.code),
            "description": .str(metric.description),
            "recurring": .bool(metric.recurring),
            "rounding_function": .null,
            "rounding_precision": .null,
            "created_at": .string(CivilTime.timestamp(metric.createdAt)),
            "expression": .string(""),
            "field_name": .str(metric.fieldName),
            "aggregation_type": .string(metric.aggregation.rawValue),
            "weighted_interval": .null,
            "filters": .array(filters),
        ])
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

    func chargeJSON(_ c: Int) -> JSON {
        let charge = charges[c]
        return .obj([
            "lago_id": .string(ids.make(.charge, c)),
            "lago_billable_metric_id": .string(ids.make(.billableMetric, charge.metric)),
            "code": .string(charge.code),
            "billable_metric_code": .string(metrics[charge.metric].code),
            "invoice_display_name": .str(charge.invoiceDisplayName),
            "created_at": .string(CivilTime.timestamp(charge.createdAt)),
            "charge_model": .string(charge.pricing.model.rawValue),
            "pay_in_advance": .bool(charge.payInAdvance),
            "invoiceable": .bool(true),
            "regroup_paid_fees": .null,
            "prorated": .bool(false),
            "min_amount_cents": .int(0),
            "properties": chargePropertiesJSON(charge.pricing),
            "filters": chargeFiltersJSON(c),
            "taxes": .array([]),
        ])
    }

    func planJSON(_ p: Int) -> JSON {
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
            "active_subscriptions_count": .int(0),
            "draft_invoices_count": .int(0),
            "parent_id": .null,
            "pending_deletion": .bool(false),
        ])
        if let commitment = plan.minimumCommitmentCents {
            json = json.appending(["minimum_commitment": .obj([
                "lago_id": .string(ids.make(.commitment, p)),
                "plan_code": .string(plan.code),
                "amount_cents": .int(commitment),
                "invoice_display_name": .string("Minimum commitment"),
                "interval": .string(plan.interval.rawValue),
                "created_at": .string(CivilTime.timestamp(plan.createdAt)),
                "updated_at": .string(CivilTime.timestamp(plan.createdAt)),
                "taxes": .array([]),
            ])])
        }
        return json.appending([
            "charges": .array(plan.charges.map { chargeJSON($0) }),
            "fixed_charges": .array([]),
            "taxes": .array([taxJSON(plan.tax)]),
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
            "entitlements": .array([]),
            "metadata": .null,
        ])
    }

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
            "reusable": .bool(coupon.reusable),
            "limited_plans": .bool(false),
            "plan_codes": .array([]),
            "limited_billable_metrics": .bool(false),
            "billable_metric_codes": .array([]),
            "percentage_rate": .str(coupon.percentageRate),
            "frequency": .string(coupon.frequency),
            "frequency_duration": .intOrNull(coupon.frequencyDuration.map(Int64.init)),
            "expiration": .string(coupon.expirationAt == nil ? "no_expiration" : "time_limit"),
            "expiration_at": .str(coupon.expirationAt.map(CivilTime.timestamp)),
            "created_at": .string(CivilTime.timestamp(coupon.createdAt)),
            "terminated_at": .str(coupon.terminatedAt.map(CivilTime.timestamp)),
        ])
    }

    func addOnJSON(_ a: Int) -> JSON {
        let addOn = addOns[a]
        return .obj([
            "lago_id": .string(ids.make(.addOn, a)),
            "name": .string(addOn.name),
            "invoice_display_name": .str(addOn.invoiceDisplayName),
            "code": .string(addOn.code),
            "amount_cents": .int(addOn.amountCents),
            "amount_currency": .string(addOn.currency.code),
            "description": .str(addOn.description),
            "created_at": .string(CivilTime.timestamp(addOn.createdAt)),
            "taxes": .array([taxJSON(addOn.tax)]),
        ])
    }
}
