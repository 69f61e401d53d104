extension SandboxStore {
    /// `V1::SubscriptionSerializer`, keys in its order. The list (and a subscription nested in
    /// an invoice) passes no includes; `extended` is the show form, which adds `entitlements`,
    /// `plan`, `applicable_usage_thresholds` and `applied_invoice_custom_sections`.
    /// `payment_method` and `activation_rules` are merged into every form.
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
            "name": .str(sub.name),
            "plan_code": .string(plan.code),
            "plan_amount_cents": .int(plan.amountCents),
            "plan_amount_currency": .string(plan.currency.code),
            "status": .string(sub.status.rawValue),
            "billing_time": .string(sub.billingTime),
            "subscription_at": .string(CivilTime.timestamp(sub.subscriptionAt)),
            "started_at": .str(sub.startedAt.map { CivilTime.timestampMillis($0 * 1000) }),
            "trial_ended_at": ts(sub.trialEndedAt.flatMap { $0 <= now ? $0 : nil }),
            "ending_at": ts(sub.endingAt),
            "terminated_at": ts(sub.terminatedAt),
            "canceled_at": ts(sub.canceledAt),
            "created_at": .string(CivilTime.timestamp(sub.createdAt)),
            "previous_plan_code": .null,
            "next_plan_code": .null,
            "downgrade_plan_date": .null,
            "current_billing_period_started_at": hasPeriod ? .string(CivilTime.timestamp(period.from)) : .null,
            "current_billing_period_ending_at": hasPeriod ? .string(CivilTime.timestamp(period.to)) : .null,
            "on_termination_credit_note": .str(sub.onTerminationCreditNote),
            "on_termination_invoice": .string("generate"),
            "progressive_billing_disabled": .bool(false),
            "consolidate_invoice": .bool(false),
            "purchase_order_number": .null,
            "cancellation_reason": .str(sub.cancellationReason),
            "activated_at": ts(sub.startedAt),
        ])
        if extended { json = json.appending(["entitlements": .array([])]) }
        json = json.appending(["payment_method": Self.providerPaymentMethod])
        if extended {
            json = json.appending([
                "plan": planJSON(sub.plan, includes: .subscription),
                "applicable_usage_thresholds": .array(applicableUsageThresholds(plan: sub.plan)),
                "applied_invoice_custom_sections": .array([]),
            ])
        }
        return json.appending(["activation_rules": .array([])])
    }

    /// `payment_method` of a subscription, wallet or wallet transaction that pays through the
    /// customer's provider default (the only kind the sandbox seeds).
    static let providerPaymentMethod = JSON.obj(["payment_method_id": .null, "payment_method_type": .string("provider")])
}
