import Foundation
import LagoAPI

/// `E` on an invoice: what a credit note for every fee at its full amount would come to
/// (`POST /credit_notes/estimate`, read-only: Lago computes it in memory and stores nothing),
/// shown in a message with its taxes per rate and what could be credited and refunded.
extension BrowserModel {
    func estimateCreditNote(_ record: SelectedRecord) {
        let ds = env.dataSource
        guard let key = record.resource.lookupKey(of: record.json) else { return }
        let number = record.displayName
        tracker.run { [weak self] in
            do {
                let invoice = try JSONValue.parse(try await ds.record(.invoices, key: key, forceRefresh: false))
                let items = invoice.array("fees").compactMap { fee -> CreditNoteEstimateItem? in
                    guard let id = fee.string("lago_id"), let cents = fee.int64("amount_cents"), cents > 0 else { return nil }
                    return CreditNoteEstimateItem(feeId: id, amountCents: cents)
                }
                guard !items.isEmpty else { self?.toast(.warning, "\(number) has no fees to credit"); return }
                let estimate = try JSONValue.parse(try await ds.estimateCreditNote(invoiceId: invoice.string("lago_id") ?? record.id, items: items))
                self?.showMessage("Credit note estimate for \(number)", CreditNoteEstimate.lines(estimate, fees: items.count))
            } catch BrowserDataError.notSupported {
                self?.showMessage("Credit note estimate for \(number)", [StyledText("Estimates are not available on this Lago plan", role: .muted)])
            } catch {
                self?.toast(.warning, "Cannot estimate a credit note for \(number): \(userMessage(for: error))")
            }
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
        var out = [StyledText("All \(fees) fee\(fees == 1 ? "" : "s") at their full amount", role: .muted)]
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
