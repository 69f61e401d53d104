/// Facts of an invoice that the compact `InvoiceRecord` has no room for: only the statement
/// invoice has them, so a million seeded invoices stay small.
struct InvoiceDetail: Sendable {
    /// Every tax applied to the invoice (indexes into `taxes`), each on the whole taxable base.
    var taxes: [Int]
    /// The coupon behind `couponsAmountCents` (an index into `coupons`).
    var coupon: Int?
}

/// The statement invoice: one subscription invoice of the newest US showcase customer that
/// carries every line a customer can find on an invoice — a graduated and a package charge, a
/// coupon, two tax rates, a credit note and a partial payment — so the invoice view (and its
/// tests) always have one to read. It bills last calendar month of a "Scale" subscription that
/// ended with it.
extension SandboxStore {
    /// The statement subscription's external id suffix (`sub_<customer>_scale`).
    static let statementSubscriptionSuffix = "_scale"

    mutating func seedStatementInvoice() {
        guard let c = Self.showcaseIndexes(count: customers.count).last(where: { customers[$0].currency == .usd }) else { return }
        var rng = SplitMix64(seed: seed, kind: 0x57A7, index: c)
        let createdCatalog = generatedAt - 400 * CivilTime.secondsPerDay
        taxes.append(TaxRecord(code: "us_digital_services", name: "Digital services tax", rateHundredths: 300,
                               description: "Levy on digital services", appliedToOrganization: false, createdAt: createdCatalog))
        let digitalTax = taxes.count - 1
        let salesTax = taxes.firstIndex { $0.code == "us_ny_sales" } ?? 0
        let plan = appendStatementPlan(createdAt: createdCatalog)

        let start = CivilTime.monthStart(today, offset: -1), end = CivilTime.monthStart(today)
        let day = CivilTime.secondsPerDay
        let slug = customers[c].externalId.dropFirst(5)
        let sub = appendSubscription(SubscriptionRecord(
            customer: c, plan: plan, externalId: "sub_\(slug)\(Self.statementSubscriptionSuffix)", name: "Scale — \(customers[c].name ?? "")",
            status: .terminated, billingTime: "calendar", subscriptionAt: Int64(start) * day, startedAt: Int64(start) * day,
            endingAt: Int64(end) * day - 1, terminatedAt: Int64(end) * day - 1, canceledAt: nil, trialEndedAt: nil,
            cancellationReason: nil, onTerminationCreditNote: nil, createdAt: Int64(start) * day - 600))

        let i = invoices.count
        let createdAt = min(now - 3600, Int64(end) * day + 3600)
        let netTerm = customers[c].netPaymentTerm ?? billingEntities[customers[c].billingEntity].netPaymentTerm
        invoiceSequenceByCustomer[c] += 1
        var invoice = InvoiceRecord(
            customer: Int32(c), subscription: Int32(sub), type: .subscription, status: .finalized, paymentStatus: .pending,
            issuingDay: Int32(end), dueDay: Int32(end + netTerm), periodStartDay: Int32(start), periodEndDay: Int32(end),
            netPaymentTerm: Int16(netTerm), sequentialId: invoiceSequenceByCustomer[c], customerSequence: Int32(c + 1),
            createdAt: createdAt, updatedAt: createdAt + 600, taxRateHundredths: Int32(taxes[salesTax].rateHundredths + taxes[digitalTax].rateHundredths))
        let loyalty = coupons.firstIndex { $0.code == "loyalty_50" }
        invoice.couponsAmountCents = loyalty.flatMap { coupons[$0].amountCents } ?? 0
        invoice.pdfState = .ready
        invoices.append(invoice)
        invoiceDetails[Int32(i)] = InvoiceDetail(taxes: [salesTax, digitalTax], coupon: loyalty)
        recomputeTotals(invoice: i)

        // Two fifths paid by card (whole dollars), a fifth credited back: two fifths still due.
        let paid = invoices[i].totalAmountCents * 2 / 5 / 100 * 100
        invoices[i].totalPaidAmountCents = paid
        invoices[i].paymentAttempts = 1
        invoices[i].paymentOverdue = end + netTerm < today
        invoicesByCustomer[c].append(Int32(i))
        payments.append(PaymentRecord(invoice: Int32(i), amountCents: paid, status: .succeeded, createdAt: min(now - 60, createdAt + 2 * day)))
        paymentsByInvoice[Int32(i), default: []].append(Int32(payments.count - 1))
        addCreditNote(invoice: i, SeededCreditNote(reason: .productUnsatisfactory, creditStatus: .available), &rng)
    }

    /// "Scale": monthly, in arrears, a graduated API-calls charge and a package storage charge.
    private mutating func appendStatementPlan(createdAt: Int64) -> Int {
        let plan = plans.count
        plans.append(PlanRecord(code: "scale_usd", name: "Scale", description: "Tiered API volume with pooled storage", interval: .monthly,
                                amountCents: 9900, currency: .usd, payInAdvance: false, trialPeriodDays: 0, charges: [], tax: 0,
                                minimumCommitmentCents: nil, usageThresholdCents: nil, createdAt: createdAt))
        func charge(_ metric: String, _ pricing: ChargePricing, display: String?) -> Int {
            let m = metrics.firstIndex { $0.code == metric }!
            charges.append(ChargeRecord(plan: plan, metric: m, code: "\(metric)_\(plan)", invoiceDisplayName: display,
                                        payInAdvance: false, pricing: pricing, createdAt: createdAt))
            return charges.count - 1
        }
        plans[plan].charges = [
            charge("api_calls", .graduated([
                GraduatedRange(from: 0, to: 1000, perUnitMicros: 0, flatMicros: 0),
                GraduatedRange(from: 1001, to: 10_000, perUnitMicros: 10_000, flatMicros: 10_000_000),
                GraduatedRange(from: 10_001, to: nil, perUnitMicros: 5_000, flatMicros: 0),
            ]), display: nil),
            charge("storage_gb", .package(amountMicros: 5_000_000, size: 100, freeUnits: 50), display: "Pooled storage (per 100 GB)"),
        ]
        return plan
    }

    /// Taxes in minor units on `base`: each applied tax rounded on its own (the statement
    /// invoice's two rates), or the invoice's single rate.
    func taxCents(invoice i: Int, on base: Int64) -> Int64 {
        guard let detail = invoiceDetails[Int32(i)] else {
            return (base * Int64(invoices[i].taxRateHundredths) + 5000) / 10_000
        }
        return detail.taxes.reduce(0) { $0 + Self.taxCents(base, rateHundredths: taxes[$1].rateHundredths) }
    }

    static func taxCents(_ base: Int64, rateHundredths: Int) -> Int64 { (base * Int64(rateHundredths) + 5000) / 10_000 }

    /// The taxes an invoice applies, as indexes into `taxes` with their rates.
    func appliedTaxIndexes(invoice i: Int) -> [Int] {
        if let detail = invoiceDetails[Int32(i)] { return detail.taxes }
        let invoice = invoices[i]
        guard invoice.taxRateHundredths > 0 || invoice.type != .credit else { return [] }
        return [taxIndex(rateHundredths: Int(invoice.taxRateHundredths), customer: Int(invoice.customer))]
    }

    /// `applied_taxes` of an invoice: one entry per rate, each on the taxable base.
    func appliedTaxesJSON(_ i: Int) -> [JSON] {
        let invoice = invoices[i]
        let base = invoice.feesAmountCents - invoice.couponsAmountCents
        let several = invoiceDetails[Int32(i)] != nil
        return appliedTaxIndexes(invoice: i).enumerated().map { n, tax in
            .obj([
                "lago_id": .string(ids.make(.appliedTax, i * 16 + (n == 0 ? 0 : 9 + n))),
                "lago_invoice_id": .string(invoiceId(i)),
                "lago_tax_id": .string(ids.make(.tax, tax)),
                "tax_name": .string(taxes[tax].name),
                "tax_code": .string(taxes[tax].code),
                "tax_rate": .number(Decimals.string(Int64(taxes[tax].rateHundredths), scale: 2)),
                "tax_description": .str(taxes[tax].description),
                "amount_cents": .int(several ? Self.taxCents(base, rateHundredths: taxes[tax].rateHundredths) : invoice.taxesAmountCents),
                "amount_currency": .string(customers[Int(invoice.customer)].currency.code),
                "fees_amount_cents": .int(base),
                "created_at": .string(CivilTime.timestamp(invoice.createdAt)),
            ])
        }
    }

    /// A fee's taxes: the sum of each applied rate on the fee, rounded per rate.
    func feeTaxCents(invoice i: Int, amount: Int64) -> Int64 {
        guard let detail = invoiceDetails[Int32(i)] else { return Self.taxCents(amount, rateHundredths: Int(invoices[i].taxRateHundredths)) }
        return detail.taxes.reduce(0) { $0 + Self.taxCents(amount, rateHundredths: taxes[$1].rateHundredths) }
    }

    /// `credits` of an invoice: the named coupon's discount (`CreditSerializer`).
    func creditsJSON(_ i: Int) -> [JSON] {
        let invoice = invoices[i]
        guard let coupon = invoiceDetails[Int32(i)]?.coupon, invoice.couponsAmountCents > 0 else { return [] }
        return [.obj([
            "lago_id": .string(ids.make(.credit, i)),
            "amount_cents": .int(invoice.couponsAmountCents),
            "amount_currency": .string(customers[Int(invoice.customer)].currency.code),
            "before_taxes": .bool(true),
            "item": .obj([
                "lago_item_id": .string(ids.make(.coupon, coupon)),
                "type": .string("coupon"),
                "code": .string(coupons[coupon].code),
                "name": .string(coupons[coupon].name),
                "description": .str(coupons[coupon].description),
            ]),
            "invoice": .obj(["lago_id": .string(invoiceId(i)), "payment_status": .string(invoice.paymentStatus.rawValue)]),
        ])]
    }
}

extension SandboxStore {
    /// A credit note's `applied_taxes`: its taxes split over the invoice's rates in proportion
    /// (the last rate takes the rounding remainder), each on the note's subtotal.
    func creditNoteAppliedTaxesJSON(_ n: Int) -> [JSON] {
        let note = creditNotes[n]
        let i = Int(note.invoice)
        let rates = appliedTaxIndexes(invoice: i).filter { taxes[$0].rateHundredths > 0 }
        let totalRate = Int64(rates.reduce(0) { $0 + taxes[$1].rateHundredths })
        guard totalRate > 0 else { return [] }
        let currency = customers[Int(invoices[i].customer)].currency.code
        let subtotal = note.creditAmountCents + note.refundAmountCents - note.taxesAmountCents
        var remaining = note.taxesAmountCents
        return rates.enumerated().map { slot, tax in
            let share = slot == rates.count - 1 ? remaining : note.taxesAmountCents * Int64(taxes[tax].rateHundredths) / totalRate
            remaining -= share
            return .obj([
                "lago_id": .string(ids.make(.appliedTax, 50_000_000 + n * 4 + slot)),
                "lago_credit_note_id": .string(ids.make(.creditNote, n)),
                "lago_tax_id": .string(ids.make(.tax, tax)),
                "tax_name": .string(taxes[tax].name),
                "tax_code": .string(taxes[tax].code),
                "tax_rate": .number(Decimals.string(Int64(taxes[tax].rateHundredths), scale: 2)),
                "tax_description": .null,
                "base_amount_cents": .int(subtotal),
                "amount_cents": .int(share),
                "amount_currency": .string(currency),
                "created_at": .string(CivilTime.timestamp(note.createdAt)),
            ])
        }
    }
}
