import Foundation

/// `POST /credit_notes/estimate` (BEHAVIOUR.md C8): what a credit note for some fees of an
/// invoice would come to, computed in memory and never stored. 404 for an unknown invoice
/// comes before the premium check; items are checked in order and the first bad one answers.
enum CreditNoteEstimateHandlers {
    static let routes: [Route] = [Route("POST", "credit_notes/estimate", estimate)]

    static func estimate(_ store: inout SandboxStore, _ ctx: HandlerContext) throws -> SandboxResponse {
        guard let root = (try? JSONSerialization.jsonObject(with: Data(ctx.request.body.isEmpty ? Array("{}".utf8) : ctx.request.body))) as? [String: Any],
              let note = root["credit_note"] as? [String: Any] else { throw ApiError.badRequest(root: "credit_note") }
        guard let i = (note["invoice_id"] as? String).flatMap(store.invoiceIndex(lagoId:)) else { throw ApiError.notFound("invoice_not_found") }
        try store.requirePremium()
        let invoice = store.invoices[i]
        if invoice.type == .credit && invoice.paymentStatus != .succeeded { throw ApiError.notAllowed("invalid_type_or_status") }
        guard let items = note["items"] as? [[String: Any]] else { throw ApiError.validation([("items", ["must_be_an_array"])]) }
        let lines = store.feeLines(invoice: i)
        var picked: [(fee: String, cents: Int64)] = []
        for item in items {
            let feeId = item["fee_id"] as? String ?? ""
            guard let line = lines.first(where: { store.feeId(invoice: i, position: $0.position) == feeId }) else { throw ApiError.notFound("fee_not_found") }
            let cents = Self.integer(item["amount_cents"])
            if cents < 0 { throw ApiError.validation([("amount_cents", ["invalid_value"])]) }
            if cents > line.amountCents - store.creditedCents(invoice: i, position: line.position) { throw ApiError.validation([("amount_cents", [invoice.type == .credit ? "higher_than_wallet_balance" : "higher_than_remaining_fee_amount"])]) }
            picked.append((feeId, cents))
        }
        let subtotal = picked.reduce(Int64(0)) { $0 + $1.cents }
        let coupons = invoice.feesAmountCents > 0 ? invoice.couponsAmountCents * subtotal / invoice.feesAmountCents : 0
        let base = subtotal - coupons
        let currency = store.customers[Int(invoice.customer)].currency.code
        var taxes: [JSON] = []
        var taxTotal: Int64 = 0
        for tax in store.appliedTaxIndexes(invoice: i) where store.taxes[tax].rateHundredths > 0 {
            let amount = SandboxStore.taxCents(base, rateHundredths: store.taxes[tax].rateHundredths)
            taxTotal += amount
            taxes.append(.obj([
                "lago_id": .null, "lago_credit_note_id": .null, "lago_tax_id": .string(store.ids.make(.tax, tax)),
                "tax_name": .string(store.taxes[tax].name), "tax_code": .string(store.taxes[tax].code),
                "tax_rate": .number(Decimals.string(Int64(store.taxes[tax].rateHundredths), scale: 2)),
                "tax_description": .str(store.taxes[tax].description), "base_amount_cents": .int(base),
                "amount_cents": .int(amount), "amount_currency": .string(currency), "created_at": .null,
            ]))
        }
        let creditable = invoice.type == .credit ? 0 : base + taxTotal
        let refundable = invoice.status == .draft ? 0 : max(0, invoice.totalPaidAmountCents - store.refundedCents(invoice: i))
        return .json(.obj(["estimated_credit_note": .obj([
            "lago_invoice_id": .string(store.invoiceId(i)),
            "invoice_number": .string(store.invoiceNumber(i)),
            "currency": .string(currency),
            "taxes_amount_cents": .int(taxTotal),
            "precise_taxes_amount_cents": .string(Decimals.string(taxTotal, scale: 0)),
            "sub_total_excluding_taxes_amount_cents": .int(base),
            "max_creditable_amount_cents": .int(creditable),
            "max_refundable_amount_cents": .int(min(creditable, refundable)),
            "coupons_adjustment_amount_cents": .int(coupons),
            "precise_coupons_adjustment_amount_cents": .string(Decimals.string(coupons, scale: 0)),
            "taxes_rate": .number(Decimals.string(Int64(invoice.taxRateHundredths), scale: 2)),
            "items": .array(picked.map { .obj(["lago_fee_id": .string($0.fee), "amount_cents": .int($0.cents)]) }),
            "applied_taxes": .array(taxes),
        ])]))
    }

    /// Ruby's `to_i`: numbers and numeric strings, anything else 0.
    static func integer(_ value: Any?) -> Int64 {
        if let n = value as? NSNumber { return n.int64Value }
        if let s = value as? String { return Int64(s.prefix { $0.isNumber || $0 == "-" }) ?? 0 }
        return 0
    }
}

extension SandboxStore {
    /// What the credit notes of invoice `i` already credited on its fee at `position`: each
    /// note's one item sits on the invoice's first fee, for the note's amount before taxes
    /// (as `creditNoteJSON` serves it), and Lago checks a new item against the rest.
    func creditedCents(invoice i: Int, position: Int) -> Int64 {
        guard feeLines(invoice: i).first?.position == position else { return 0 }
        return (creditNotesByInvoice[Int32(i)] ?? []).reduce(0) { sum, n in
            let note = creditNotes[Int(n)]
            return sum + note.creditAmountCents + note.refundAmountCents - note.taxesAmountCents
        }
    }
}
