extension SandboxStore {
    /// `SubscriptionObject`; `extended` adds the show-only `plan` and thresholds.
    func subscriptionJSON(_ s: Int, extended: Bool = false) -> JSON {
        let sub = subscriptions[s]
        let plan = plans[sub.plan]
        let customer = customers[sub.customer]
        let hasPeriod = sub.status == .active
        let period = hasPeriod ? currentPeriodSeconds(subscription: s) : (from: 0, to: 0)
        let ts = { (t: Int64?) -> JSON in .str(t.map(CivilTime.timestamp)) }
        var json = JSON.obj([
            "lago_id": .string(subscriptionId(s)),
            "external_id": .string(sub.externalId),
            "lago_customer_id": .string(customerId(sub.customer)),
            "external_customer_id": .string(customer.externalId),
            "billing_entity_code": .string(billingEntities[customer.billingEntity].code),
            "billing_time": .string(sub.billingTime),
            "name": .str(sub.name),
            "plan_code": .string(plan.code),
            "plan_amount_cents": .int(plan.amountCents),
            "plan_amount_currency": .string(plan.currency.code),
            "status": .string(sub.status.rawValue),
            "created_at": .string(CivilTime.timestamp(sub.createdAt)),
            "canceled_at": ts(sub.canceledAt),
            "started_at": .str(sub.startedAt.map { CivilTime.timestampMillis($0 * 1000) }),
            "ending_at": ts(sub.endingAt),
            "subscription_at": .string(CivilTime.timestamp(sub.subscriptionAt)),
            "terminated_at": ts(sub.terminatedAt),
            "previous_plan_code": .null,
            "next_plan_code": .null,
            "downgrade_plan_date": .null,
            "trial_ended_at": ts(sub.trialEndedAt.flatMap { $0 <= now ? $0 : nil }),
            "current_billing_period_started_at": hasPeriod ? .string(CivilTime.timestamp(period.from)) : .null,
            "current_billing_period_ending_at": hasPeriod ? .string(CivilTime.timestamp(period.to)) : .null,
            "on_termination_credit_note": .str(sub.onTerminationCreditNote),
            "on_termination_invoice": .string("generate"),
            "applied_invoice_custom_sections": .array([]),
            "payment_method": .obj(["payment_method_type": .string("provider"), "payment_method_id": .null]),
            "consolidate_invoice": .bool(false),
            "cancellation_reason": .str(sub.cancellationReason),
            "activated_at": ts(sub.startedAt),
            "activation_rules": .array([]),
            "purchase_order_number": .null,
        ])
        if extended {
            json = json.appending([
                "plan": planJSON(sub.plan),
                "entitlements": .array([]),
                "applicable_usage_thresholds": .array(plan.usageThresholdCents.map { amount in
                    [JSON.obj(["amount_cents": .int(amount), "threshold_display_name": .string("Spend alert"), "recurring": .bool(false)])]
                } ?? []),
            ])
        }
        return json
    }
}
