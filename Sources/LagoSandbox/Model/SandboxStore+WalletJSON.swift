extension SandboxStore {
    func walletBalanceCents(_ w: Int) -> Int64 {
        let wallet = wallets[w]
        return walletAmountCents(credits: wallet.creditsHundredths, rate: wallet.rateHundredths, currency: customers[Int(wallet.customer)].currency)
    }

    /// `V1::WalletSerializer`, keys in its order, with the includes index and show both pass
    /// (`recurring_transaction_rules`, `limitations` emitted as `applies_to`, custom sections).
    /// `metadata` is absent because no seeded wallet has any, as in Lago.
    func walletJSON(_ w: Int) -> JSON {
        let wallet = wallets[w]
        let customer = customers[Int(wallet.customer)]
        let balance = walletBalanceCents(w)
        let ongoingUsageCredits = wallet.rateHundredths == 0 ? 0 : wallet.ongoingUsageCents * 100 / wallet.rateHundredths
        let ts = { (t: Int64?) -> JSON in .str(t.map(CivilTime.timestamp)) }
        return .obj([
            "lago_id": .string(ids.make(.wallet, w)),
            "lago_customer_id": .string(customerId(Int(wallet.customer))),
            "external_customer_id": .string(customer.externalId),
            "billing_entity_code": .string(billingEntities[customer.billingEntity].code),
            "status": .string(wallet.status.rawValue),
            "currency": .string(customer.currency.code),
            "name": .str(wallet.name),
            "code": .str(wallet.code),
            "purchase_order_number": .null,
            "rate_amount": .string(Decimals.string(wallet.rateHundredths, scale: 2)),
            "credits_balance": .string(Decimals.string(wallet.creditsHundredths, scale: 2)),
            "credits_ongoing_balance": .string(Decimals.string(wallet.creditsHundredths - ongoingUsageCredits, scale: 2)),
            "credits_ongoing_usage_balance": .string(Decimals.string(ongoingUsageCredits, scale: 2)),
            "balance_cents": .int(balance),
            "ongoing_balance_cents": .int(balance - wallet.ongoingUsageCents),
            "ongoing_usage_balance_cents": .int(wallet.ongoingUsageCents),
            "consumed_credits": .string(Decimals.string(wallet.consumedCreditsHundredths, scale: 2)),
            "created_at": .string(CivilTime.timestamp(wallet.createdAt)),
            "expiration_at": ts(wallet.expirationAt),
            "last_balance_sync_at": ts(wallet.lastBalanceSyncAt),
            "last_consumed_credit_at": ts(wallet.lastConsumedCreditAt),
            "terminated_at": .str(wallet.terminatedAt.map { CivilTime.timestampMillis($0 * 1000) }),
            "invoice_requires_successful_payment": .bool(false),
            "paid_top_up_min_amount_cents": .intOrNull(wallet.paidTopUpMinCents),
            "paid_top_up_max_amount_cents": .intOrNull(wallet.paidTopUpMaxCents),
            "priority": .int(wallet.priority),
            "recurring_transaction_rules": .array([]),
            "applies_to": .obj(["fee_types": .array([]), "billable_metric_codes": .array([])]),
            "applied_invoice_custom_sections": .array([]),
            "payment_method": Self.providerPaymentMethod,
        ])
    }

    /// `V1::WalletTransactionSerializer`, keys in its order; `detail` is the show action, which
    /// adds `applied_invoice_custom_sections`. `hideInvoice` reproduces the POST response, sent
    /// before the credit invoice is attached.
    func walletTransactionJSON(_ t: Int, detail: Bool = false, hideInvoice: Bool = false) -> JSON {
        let tx = walletTransactions[t]
        let wallet = wallets[Int(tx.wallet)]
        let currency = customers[Int(wallet.customer)].currency
        let amountCents = walletAmountCents(credits: tx.creditsHundredths, rate: wallet.rateHundredths, currency: currency)
        let invoice: JSON = !hideInvoice && tx.invoice >= 0 && (tx.kind == .purchased || tx.kind == .invoiced) ? .string(invoiceId(Int(tx.invoice))) : .null
        let json = JSON.obj([
            "lago_id": .string(ids.make(.walletTransaction, t)),
            "lago_wallet_id": .string(ids.make(.wallet, Int(tx.wallet))),
            "lago_invoice_id": invoice,
            "lago_credit_note_id": .null,
            "lago_voided_invoice_id": .null,
            "billing_entity_code": .string(billingEntities[customers[Int(wallet.customer)].billingEntity].code),
            "status": .string(tx.status.rawValue),
            "source": .string("manual"),
            "transaction_status": .string(tx.kind.rawValue),
            "transaction_type": .string(tx.type.rawValue),
            "amount": .string(Decimals.string(amountCents, scale: currency.minorUnits)),
            "credit_amount": .string(Decimals.string(tx.creditsHundredths, scale: 2)),
            "remaining_amount_cents": .null,
            "remaining_credit_amount": .null,
            "priority": .int(tx.priority),
            "purchase_order_number": .str(tx.purchaseOrderNumber),
            "settled_at": .str(tx.settledAt.map(CivilTime.timestamp)),
            "failed_at": .str(tx.failedAt.map(CivilTime.timestamp)),
            "created_at": .string(CivilTime.timestamp(tx.createdAt)),
            "invoice_requires_successful_payment": .bool(false),
            "metadata": .array(tx.metadata.map { .obj(["key": .string($0.key), "value": .string($0.value)]) }),
            "name": .str(tx.name),
        ])
        return (detail ? json.appending(["applied_invoice_custom_sections": .array([])]) : json)
            .appending(["payment_method": Self.providerPaymentMethod])
    }
}
