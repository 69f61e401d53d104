extension SandboxStore {
    /// The invoice number: `ACU-042-007`, or `ACU-042-DRAFT` before finalization.
    func invoiceNumber(_ i: Int) -> String {
        let invoice = invoices[i]
        let prefix = billingEntities[customers[Int(invoice.customer)].billingEntity].prefix
        let customerPart = Self.pad(Int(invoice.customerSequence), 3)
        return invoice.sequentialId == 0 ? "\(prefix)-\(customerPart)-DRAFT" : "\(prefix)-\(customerPart)-\(Self.pad(Int(invoice.sequentialId), 3))"
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    /// Where the sandbox serves an invoice's PDF once generated (relative to the server root).
    func invoiceFilePath(_ i: Int) -> String {
        "/rails/active_storage/blobs/redirect/\(invoiceId(i))/\(invoiceNumber(i)).pdf"
    }

    /// `V1::InvoiceSerializer`, keys in its order. The list passes the includes `customer
    /// metadata applied_taxes`; `detail` is the show and action form, which adds subscriptions,
    /// billing periods, fees, credits, error details and custom sections; `bare` is the
    /// download response, base keys only.
    func invoiceJSON(_ i: Int, detail: Bool = false, bare: Bool = false, baseURL: String) -> JSON {
        let invoice = invoices[i]
        let c = Int(invoice.customer)
        let customer = customers[c]
        let currency = customer.currency.code
        let lagoId = invoiceId(i)
        var json = JSON.obj([
            "lago_id": .string(lagoId),
            "billing_entity_code": .string(billingEntities[customer.billingEntity].code),
            "sequential_id": invoice.sequentialId == 0 ? .null : .int(Int64(invoice.sequentialId)),
            "number": .string(invoiceNumber(i)),
            "purchase_order_number": .null,
            "issuing_date": .string(CivilTime.date(Int(invoice.issuingDay))),
            "payment_due_date": .str(invoice.dueDay.map { CivilTime.date(Int($0)) }),
            "net_payment_term": .int(Int(invoice.netPaymentTerm)),
            "invoice_type": .string(invoice.type.rawValue),
            "status": .string(invoice.status.rawValue),
            "payment_status": .string(invoice.paymentStatus.rawValue),
            "payment_dispute_lost_at": .str(invoice.disputeLostAtMillis.map(CivilTime.timestampMillis)),
            "payment_overdue": .bool(invoice.paymentOverdue),
            "currency": .string(currency),
            "fees_amount_cents": .int(invoice.feesAmountCents),
            "taxes_amount_cents": .int(invoice.taxesAmountCents),
            "progressive_billing_credit_amount_cents": .int(0),
            "coupons_amount_cents": .int(invoice.couponsAmountCents),
            "credit_notes_amount_cents": .int(invoice.creditNotesAmountCents),
            "sub_total_excluding_taxes_amount_cents": .int(invoice.feesAmountCents - invoice.couponsAmountCents),
            "sub_total_including_taxes_amount_cents": .int(invoice.feesAmountCents - invoice.couponsAmountCents + invoice.taxesAmountCents),
            "total_amount_cents": .int(invoice.totalAmountCents),
            "total_due_amount_cents": .int(dueAmountCents(i)),
            "total_paid_amount_cents": .int(invoice.totalPaidAmountCents),
            // The sandbox issues no offset credit notes (`offset_amount_cents` is always 0).
            "total_offsetted_credit_note_amount_cents": .int(0),
            "prepaid_credit_amount_cents": .int(invoice.prepaidCreditAmountCents),
            "prepaid_granted_credit_amount_cents": .int(0),
            "prepaid_purchased_credit_amount_cents": .int(invoice.prepaidCreditAmountCents),
            "file_url": invoice.pdfState == .ready ? .string(baseURL + invoiceFilePath(i)) : .null,
            "xml_url": .null,
            "web_url": invoice.status == .draft ? .null : .string(baseURL + "/invoices/\(lagoId)"),
            "version_number": .int(4),
            "self_billed": .bool(false),
            "created_at": .string(CivilTime.timestamp(invoice.createdAt)),
            "updated_at": .string(CivilTime.timestamp(invoice.updatedAt)),
            "voided_at": .str(invoice.voidedAt.map(CivilTime.timestamp)),
        ])
        if bare { return json }
        json = json.appending(["customer": renderCache.customer(c) { customerJSON(c, includes: .nested) }])
        if detail {
            var subscriptionsJSON: [JSON] = []
            var periods: [JSON] = []
            if invoice.subscription >= 0 {
                let s = Int(invoice.subscription)
                subscriptionsJSON.append(subscriptionJSON(s))
                let from = CivilTime.timestamp(Int64(invoice.periodStartDay) * CivilTime.secondsPerDay)
                let to = CivilTime.timestamp(Int64(invoice.periodEndDay) * CivilTime.secondsPerDay - 1)
                periods.append(.obj([
                    "lago_subscription_id": .string(subscriptionId(s)),
                    "external_subscription_id": .string(subscriptions[s].externalId),
                    "lago_plan_id": .string(ids.make(.plan, subscriptions[s].plan)),
                    "subscription_from_datetime": .string(from),
                    "subscription_to_datetime": .string(to),
                    "charges_from_datetime": .string(from),
                    "charges_to_datetime": .string(to),
                    // The sandbox's plans have no fixed charges.
                    "fixed_charges_from_datetime": .null,
                    "fixed_charges_to_datetime": .null,
                    "invoicing_reason": .string("subscription_periodic"),
                ]))
            }
            json = json.appending([
                "subscriptions": .array(subscriptionsJSON),
                "billing_periods": .array(periods),
                "fees": .array(feeLines(invoice: i).map { feeJSON(invoice: i, line: $0, includeTaxes: false) }),
                "credits": .array(creditsJSON(i)),
            ])
        }
        json = json.appending([
            "metadata": .array(invoiceMetadata(i)),
            "applied_taxes": .array(appliedTaxesJSON(i)),
        ])
        if detail {
            json = json.appending(["error_details": .array(invoice.status == .failed ? [.obj([
                "lago_id": .string(ids.make(.appliedTax, i * 16 + 15)),
                "error_code": .string("tax_error"),
                "details": .obj(["tax_error": .string("taxDateTooFarInFuture")]),
            ])] : [])])
        }
        if invoice.type == .progressiveBilling {
            json = json.appending(["applied_usage_thresholds": .array([])])
        }
        return detail ? json.appending(["applied_invoice_custom_sections": .array([])]) : json
    }

    func invoiceMetadata(_ i: Int) -> [JSON] {
        guard i % 7 == 3 else { return [] }
        return [.obj([
            "lago_id": .string(ids.make(.metadata, 1_000_000 + i)),
            "key": .string("po_reference"),
            "value": .string("PO-\(10_000 + i % 90_000)"),
            "created_at": .string(CivilTime.timestamp(invoices[i].createdAt)),
        ])]
    }

    func taxIndex(rateHundredths: Int, customer: Int) -> Int {
        let preferred = [SandboxCurrency.usd: 0, .eur: 1, .gbp: 2, .jpy: 3][customers[customer].currency] ?? 4
        if taxes[preferred].rateHundredths == rateHundredths { return preferred }
        return taxes.firstIndex { $0.rateHundredths == rateHundredths } ?? 4
    }

    func feeId(invoice i: Int, position: Int) -> String { ids.make(.fee, i * 8 + position) }

    /// `V1::FeeSerializer` for one fee line of invoice `i`, keys in its order. `includeTaxes`
    /// adds `applied_taxes` (the fees endpoints pass that include; fees nested in an invoice
    /// or a credit note item are serialized without it).
    func feeJSON(invoice i: Int, line: FeeLine, includeTaxes: Bool) -> JSON {
        let invoice = invoices[i]
        let customer = customers[Int(invoice.customer)]
        let currency = customer.currency
        let taxes = feeTaxCents(invoice: i, amount: line.amountCents)
        var item: JSON
        var amountDetails: JSON = .obj([:])
        var unitAmountMicros: Int64 = 0
        switch line.type {
        case .subscription:
            let s = Int(invoice.subscription)
            let plan = plans[subscriptions[s].plan]
            item = .obj([
                "type": .string("subscription"), "code": .string(plan.code), "name": .string(plan.name),
                "description": .string(plan.description), "invoice_display_name": .string(plan.name),
                "filters": .null, "filter_invoice_display_name": .null,
                "lago_item_id": .string(subscriptionId(s)), "item_type": .string("Subscription"), "grouped_by": .obj([:]),
            ])
            amountDetails = .obj(["plan_amount_cents": .int(plan.amountCents)])
            unitAmountMicros = line.amountCents * (currency.minorUnits == 0 ? 1_000_000 : 10_000)
        case .charge:
            let charge = charges[line.charge ?? 0]
            let metric = metrics[charge.metric]
            item = .obj([
                "type": .string("charge"), "code": .string(metric.code), "name": .string(metric.name),
                "description": .str(metric.description), "invoice_display_name": .string(charge.invoiceDisplayName ?? metric.name),
                "filters": .null, "filter_invoice_display_name": .null,
                "lago_item_id": .string(ids.make(.billableMetric, charge.metric)), "item_type": .string("BillableMetric"), "grouped_by": .obj([:]),
            ])
            if line.unitsHundredths > 0 {
                unitAmountMicros = line.amountCents * (currency.minorUnits == 0 ? 1_000_000 : 10_000) * 100 / line.unitsHundredths
            }
            amountDetails = chargeAmountDetails(charge.pricing, line: line)
        case .addOn:
            let addOn = addOns[line.addOn ?? 0]
            item = .obj([
                "type": .string("add_on"), "code": .string(addOn.code), "name": .string(addOn.name),
                "description": .str(addOn.description), "invoice_display_name": .string(addOn.invoiceDisplayName ?? addOn.name),
                "filters": .null, "filter_invoice_display_name": .null,
                "lago_item_id": .string(ids.make(.addOn, line.addOn ?? 0)), "item_type": .string("AddOn"), "grouped_by": .obj([:]),
            ])
            unitAmountMicros = addOn.amountCents * (currency.minorUnits == 0 ? 1_000_000 : 10_000)
        default:
            let tx = Int(invoice.walletTransaction)
            let name = tx >= 0 ? (walletTransactions[tx].name ?? "credit") : "credit"
            item = .obj([
                "type": .string("credit"), "code": .string("credit"), "name": .string(name),
                "description": .string("credit"), "invoice_display_name": .string(name),
                "filters": .null, "filter_invoice_display_name": .null,
                "lago_item_id": .string(ids.make(.walletTransaction, max(0, tx))), "item_type": .string("WalletTransaction"), "grouped_by": .obj([:]),
            ])
            if line.unitsHundredths > 0 {
                unitAmountMicros = line.amountCents * (currency.minorUnits == 0 ? 1_000_000 : 10_000) * 100 / line.unitsHundredths
            }
        }
        let paid = invoice.paymentStatus
        let fees = line.amountCents
        let unitScale = currency.minorUnits == 0 ? 0 : 2
        var json = JSON.obj([
            "lago_id": .string(feeId(invoice: i, position: line.position)),
            "lago_charge_id": line.charge.map { .string(ids.make(.charge, $0)) } ?? .null,
            "lago_charge_filter_id": .null,
            "lago_fixed_charge_id": .null,
            "lago_invoice_id": .string(invoiceId(i)),
            "lago_true_up_fee_id": .null,
            "lago_true_up_parent_fee_id": .null,
            "lago_original_fee_id": .null,
            "lago_subscription_id": invoice.subscription >= 0 ? .string(subscriptionId(Int(invoice.subscription))) : .null,
            "external_subscription_id": invoice.subscription >= 0 ? .string(subscriptions[Int(invoice.subscription)].externalId) : .null,
            "lago_customer_id": .string(customerId(Int(invoice.customer))),
            "external_customer_id": .string(customer.externalId),
            "item": item,
            "pay_in_advance": .bool(false),
            "invoiceable": .bool(true),
            "amount_cents": .int(fees),
            "amount_currency": .string(currency.code),
            "precise_amount": .string(Decimals.string(fees, scale: unitScale)),
            "precise_total_amount": .string(Decimals.string(fees + taxes, scale: unitScale)),
            "taxes_amount_cents": .int(taxes),
            "taxes_precise_amount": .string(Decimals.string(taxes, scale: unitScale)),
            "taxes_rate": .number(Decimals.string(Int64(invoice.taxRateHundredths), scale: 2)),
            "total_aggregated_units": .string(Decimals.string(line.unitsHundredths, scale: 2)),
            "total_amount_cents": .int(fees + taxes),
            "total_amount_currency": .string(currency.code),
            "units": .string(Decimals.string(line.unitsHundredths, scale: 2)),
            // A one-off fee takes its add-on's description; the others have none.
            "description": line.type == .addOn ? .str(addOns[line.addOn ?? 0].description) : .null,
            "precise_unit_amount": .string(Self.microsString(unitAmountMicros)),
            "precise_coupons_amount_cents": .string(Decimals.string(couponShare(invoice: i, amountCents: fees), scale: 2)),
            "sub_total_excluding_taxes_amount_cents": .int(fees),
            "sub_total_excluding_taxes_precise_amount_cents": .string(Decimals.string(fees, scale: 0)),
            "events_count": line.eventsCount.map { .int($0) } ?? .null,
            "payment_status": .string(paid.rawValue),
            "created_at": .string(CivilTime.timestamp(invoice.createdAt)),
            "succeeded_at": paid == .succeeded ? .string(CivilTime.timestamp(invoice.updatedAt)) : .null,
            "failed_at": paid == .failed ? .string(CivilTime.timestamp(invoice.updatedAt)) : .null,
            "refunded_at": .null,
            "amount_details": amountDetails,
            "self_billed": .bool(false),
            "pricing_unit_details": .null,
            "presentation_breakdowns": .array([]),
        ])
        // `model.date_boundaries`: only charge, subscription, add-on and fixed-charge fees have a period.
        if [.charge, .subscription, .addOn, .fixedCharge].contains(line.type) {
            json = json.appending([
                "from_date": .str(line.fromAt.map(CivilTime.timestamp)),
                "to_date": .str(line.toAt.map(CivilTime.timestamp)),
            ])
        }
        guard includeTaxes else { return json }
        return json.appending([
            "applied_taxes": .array(feeAppliedTaxesJSON(invoice: i, line: line, amount: taxes)),
        ])
    }

    func feeAppliedTaxJSON(invoice i: Int, position: Int, tax: Int, slot: Int, amount: Int64) -> JSON {
        let invoice = invoices[i]
        return .obj([
            "lago_id": .string(ids.make(.appliedTax, i * 16 + 1 + position + 4 * slot)),
            "lago_fee_id": .string(feeId(invoice: i, position: position)),
            "lago_tax_id": .string(ids.make(.tax, tax)),
            "tax_name": .string(taxes[tax].name),
            "tax_code": .string(taxes[tax].code),
            "tax_rate": .number(Decimals.string(Int64(taxes[tax].rateHundredths), scale: 2)),
            "tax_description": .str(taxes[tax].description),
            "amount_cents": .int(amount),
            "amount_currency": .string(customers[Int(invoice.customer)].currency.code),
            "created_at": .string(CivilTime.timestamp(invoice.createdAt)),
        ])
    }
}
