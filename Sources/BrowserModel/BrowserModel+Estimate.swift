import Foundation
import LagoAPI

/// `E` on an invoice: a form of its fees, each with the amount to credit (all that is left to
/// credit on it at first), and what a credit note for those amounts would come to (`POST
/// /credit_notes/estimate`, read-only: Lago computes it in memory and stores nothing): the
/// subtotal, coupons adjustment, taxes per rate, what could be credited and refunded. The
/// user changes amounts or clears fees and asks again; amounts are checked against each fee's
/// creditable amount before anything is sent.
extension BrowserModel {
    static func estimateTitle(_ number: String) -> String { "Credit note estimate for \(number)" }

    func estimateCreditNote(_ record: SelectedRecord) {
        let ds = env.dataSource
        guard let key = record.resource.lookupKey(of: record.json) else { return }
        let number = record.displayName
        tracker.run { [weak self] in
            do {
                let invoice = try JSONValue.parse(try await ds.record(.invoices, key: key, forceRefresh: false))
                let notes = await DetailPane.firstPage(ds, ListRequest(.creditNotes, filters: [ListFilter("invoice_number", invoice.string("number") ?? number)]), force: true)
                var form = CreditNoteEstimateForm(invoice: invoice, creditNotes: notes ?? [], number: number)
                if form.invoiceId.isEmpty { form.invoiceId = record.id }
                guard let self else { return }
                guard !form.fees.isEmpty else {
                    self.toast(.warning, form.fullyCredited > 0 ? "\(number) is already fully credited" : "\(number) has no fees to credit")
                    return
                }
                self.dialog = DialogState(kind: .form, title: Self.estimateTitle(number), lines: form.lines(estimate: []), fields: form.fields,
                                          buttons: ["Close", "Estimate"], focus: .field(0), dangerous: false, purpose: .estimate(form))
                self.runEstimate(form)
            } catch {
                self?.toast(.warning, "Cannot estimate a credit note for \(number): \(userMessage(for: error))")
            }
        }
    }

    /// Checks the dialog's amounts and, when they hold, asks Lago what the credit note would be.
    func runEstimate(_ form: CreditNoteEstimateForm) {
        guard var d = dialog, case .estimate = d.purpose else { return }
        let check = form.validate(d.fields.map(\.value))
        for i in d.fields.indices { d.fields[i].error = i < check.fieldErrors.count ? check.fieldErrors[i] : nil }
        d.error = check.formError
        guard check.isValid else { dialog = d; return }
        d.submitting = true
        dialog = d
        let ds = env.dataSource
        let items = check.items
        tracker.run { [weak self] in
            let lines: [StyledText]
            var refusal: String?
            do {
                let estimate = try JSONValue.parse(try await ds.estimateCreditNote(invoiceId: form.invoiceId, items: items))
                lines = CreditNoteEstimate.lines(estimate, fees: items.count)
            } catch BrowserDataError.notSupported {
                guard let self, case .estimate? = self.dialog?.purpose else { return }
                self.showMessage(Self.estimateTitle(form.number), [StyledText("Estimates are not available on this Lago plan", role: .muted)])
                return
            } catch {
                lines = []
                refusal = "Lago did not estimate it: \(userMessage(for: error))"
            }
            guard let self, var d = self.dialog, case let .estimate(open) = d.purpose, open.invoiceId == form.invoiceId else { return }
            d.submitting = false
            d.lines = form.lines(estimate: lines)
            d.error = refusal
            self.dialog = d
            self.changed()
        }
    }
}

/// One fee and the amount to credit on it.
public struct CreditNoteEstimateItem: Sendable, Equatable {
    public var feeId: String
    public var amountCents: Int64
}

/// The lines of an estimate: amounts are the estimate's own fields.
enum CreditNoteEstimate {
    static func lines(_ estimate: JSONValue, fees: Int) -> [StyledText] {
        let currency = estimate.string("currency") ?? ""
        func money(_ key: String, in json: JSONValue) -> String? { json.int64(key).map { Format.money(cents: $0, currency: currency) } }
        let credited = estimate.array("items").compactMap { $0.int64("amount_cents") }.reduce(0, +)
        var out = [StyledText("Estimate for \(fees) fee\(fees == 1 ? "" : "s")", role: .info, trailing: Format.money(cents: credited, currency: currency))]
        out.append(StyledText("Subtotal excl. tax", trailing: money("sub_total_excluding_taxes_amount_cents", in: estimate)))
        if let coupons = estimate.int64("coupons_adjustment_amount_cents"), coupons != 0 {
            out.append(StyledText("Coupons adjustment", trailing: Format.money(cents: -coupons, currency: currency)))
        }
        out += estimate.array("applied_taxes").map {
            InvoiceDocument.taxLine($0, baseKey: "base_amount_cents") { Format.money(cents: $0, currency: currency) }
        }
        out.append(StyledText("Taxes", trailing: money("taxes_amount_cents", in: estimate)))
        out.append(StyledText("Can be credited", role: .accent, trailing: money("max_creditable_amount_cents", in: estimate)))
        out.append(StyledText("Can be refunded", role: .accent, trailing: money("max_refundable_amount_cents", in: estimate)))
        return out
    }
}
