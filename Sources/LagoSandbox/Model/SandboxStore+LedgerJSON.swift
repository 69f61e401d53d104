extension SandboxStore {
    /// `V1::PaymentSerializer`, keys in its order (no includes; no seeded payment has a
    /// payment method or a receipt, so neither key appears).
    func paymentJSON(_ p: Int) -> JSON {
        let payment = payments[p]
        let i = Int(payment.invoice)
        let customer = customers[Int(invoices[i].customer)]
        let provider = customer.paymentProvider ?? "stripe"
        let providerStatus: String = switch (provider, payment.status) {
        case ("stripe", .succeeded): "succeeded"
        case ("stripe", .failed): "requires_payment_method"
        case ("gocardless", .succeeded): "paid_out"
        case ("gocardless", .failed): "failed"
        case ("adyen", .succeeded): "Authorised"
        case ("adyen", .failed): "Refused"
        default: "processing"
        }
        let r = Int(payment.paymentRequest)
        let covered = r >= 0 ? paymentRequests[r].invoices.map(Int.init) : [i]
        return .obj([
            "lago_id": .string(ids.make(.payment, p)),
            "lago_customer_id": .string(customerId(Int(invoices[i].customer))),
            "external_customer_id": .string(customer.externalId),
            "invoice_ids": .array(covered.map { .string(invoiceId($0)) }),
            "invoice_numbers": .array(covered.map { .string(invoiceNumber($0)) }),
            "lago_payable_id": .string(r >= 0 ? ids.make(.paymentRequest, r) : invoiceId(i)),
            "payable_type": .string(r >= 0 ? "PaymentRequest" : "Invoice"),
            "amount_cents": .int(payment.amountCents),
            "amount_currency": .string(customer.currency.code),
            "status": .string(providerStatus),
            "payment_status": .string(payment.status.rawValue),
            "type": .string("provider"),
            "reference": .string("\(provider)-\(p + 1)"),
            "payment_provider_code": .string("\(provider)_main"),
            "payment_provider_type": .string(provider),
            "external_payment_id": .null,
            "provider_payment_id": .string("\(provider.prefix(2))_\(String(SplitMix64.mix(seed ^ UInt64(p)) & 0xFFFF_FFFF, radix: 36))"),
            "provider_customer_id": .string("\(provider.prefix(3))_\(customer.externalId.dropFirst(5))"),
            "next_action": .obj([:]),
            "created_at": .string(CivilTime.timestamp(payment.createdAt)),
        ])
    }

    func creditNoteNumber(_ n: Int) -> String {
        invoiceNumber(Int(creditNotes[n].invoice)) + "-CN\(creditNotes[n].sequentialId)"
    }

    /// `V1::CreditNoteSerializer`, keys in its order, with the includes index and show both
    /// pass: `customer` (with `integration_customers`), `items`, `applied_taxes`, `error_details`.
    /// `metadata` is absent because no seeded credit note has any. The `precise_*` amounts are
    /// BigDecimal strings, as Lago writes them.
    func creditNoteJSON(_ n: Int) -> JSON {
        let note = creditNotes[n]
        let i = Int(note.invoice)
        let invoice = invoices[i]
        let customer = customers[Int(invoice.customer)]
        let currency = customer.currency.code
        let total = note.creditAmountCents + note.refundAmountCents
        let subtotal = total - note.taxesAmountCents
        return .obj([
            "lago_id": .string(ids.make(.creditNote, n)),
            "billing_entity_code": .string(billingEntities[customer.billingEntity].code),
            "sequential_id": .int(Int64(note.sequentialId)),
            "number": .string(creditNoteNumber(n)),
            "lago_invoice_id": .string(invoiceId(i)),
            "invoice_number": .string(invoiceNumber(i)),
            "purchase_order_number": .null,
            "issuing_date": .string(CivilTime.date(Int(note.issuingDay))),
            "credit_status": .str(note.creditStatus?.rawValue),
            "refund_status": .str(note.refundStatus?.rawValue),
            "reason": .string(note.reason.rawValue),
            "description": .null,
            "currency": .string(currency),
            "total_amount_cents": .int(total),
            "precise_total_amount_cents": .string("\(total).0"),
            "taxes_amount_cents": .int(note.taxesAmountCents),
            "precise_taxes_amount_cents": .string("\(note.taxesAmountCents).0"),
            "sub_total_excluding_taxes_amount_cents": .int(subtotal),
            "balance_amount_cents": .int(note.creditStatus == .available ? note.creditAmountCents : 0),
            "credit_amount_cents": .int(note.creditAmountCents),
            "refund_amount_cents": .int(note.refundAmountCents),
            "offset_amount_cents": .int(0),
            "coupons_adjustment_amount_cents": .int(0),
            "taxes_rate": .number(Decimals.string(Int64(invoice.taxRateHundredths), scale: 2)),
            "created_at": .string(CivilTime.timestamp(note.createdAt)),
            "updated_at": .string(CivilTime.timestamp(note.createdAt)),
            "file_url": .null,
            "xml_url": .null,
            "self_billed": .bool(false),
            "customer": renderCache.customer(Int(invoice.customer)) { customerJSON(Int(invoice.customer), includes: .nested) },
            "items": .array(feeLines(invoice: i).first.map { line in [JSON.obj([
                "lago_id": .string(ids.make(.creditNoteItem, n)),
                "amount_cents": .int(subtotal),
                "precise_amount_cents": .string("\(subtotal).0"),
                "amount_currency": .string(currency),
                "fee": feeJSON(invoice: i, line: line, includeTaxes: false),
            ])] } ?? []),
            "applied_taxes": .array(creditNoteAppliedTaxesJSON(n)),
            "error_details": .array([]),
        ])
    }
}
