import Foundation
import LagoAPI

/// A credit note as its customer reads it: which invoice it corrects and why, the fees it
/// credits, its taxes per rate, its total, and how the money goes back (credit, refund, offset)
/// with what remains to use. Every amount is the record's own field.
enum CreditNoteDocument {
    static func lines(_ note: JSONValue) -> [StyledText] {
        let currency = note.string("currency") ?? ""
        func money(_ cents: Int64) -> String { Format.money(cents: cents, currency: currency) }
        var out: [StyledText] = []
        out.append(StyledText("Credit note \(note.string("number") ?? "")", role: .accent,
                              trailing: [note.string("credit_status").map { "credit " + $0 }, note.string("refund_status").map { "refund " + $0 }]
                                .compactMap { $0 }.joined(separator: " · ")))
        var about = "On invoice \(note.string("invoice_number") ?? "—") · issued \(note.string("issuing_date") ?? "—")"
        if let reason = note.string("reason") { about += " · " + reason.replacingOccurrences(of: "_", with: " ") }
        out.append(StyledText(about))
        if let customer = note["customer"], case .object = customer {
            out.append(StyledText("Customer: " + (customer.string("legal_name").nonEmpty ?? customer.string("name").nonEmpty ?? customer.string("external_id") ?? "")))
        }
        if let description = note.string("description").nonEmpty { out.append(StyledText(description, role: .muted)) }
        out.append(StyledText(""))
        let items = note.array("items")
        if items.isEmpty { out.append(StyledText("No items in this response", role: .muted)) }
        for item in items {
            let fee = item["fee"] ?? .null
            let name = fee.string("invoice_display_name").nonEmpty ?? fee.string("item.name").nonEmpty ?? fee.string("item.code") ?? "item"
            out.append(StyledText(name, indent: 1, trailing: item.int64("amount_cents").map(money)))
        }
        out.append(StyledText(""))
        func line(_ label: String, _ key: String, role: StatusRole = .normal, always: Bool = false) {
            guard let cents = note.int64(key), always || cents != 0 else { return }
            out.append(StyledText(label, role: role, trailing: money(cents)))
        }
        line("Subtotal excl. tax", "sub_total_excluding_taxes_amount_cents", always: true)
        line("Coupons adjustment", "coupons_adjustment_amount_cents")
        let taxes = note.array("applied_taxes")
        if taxes.isEmpty {
            line("Taxes", "taxes_amount_cents", always: true)
        } else {
            out += taxes.map { InvoiceDocument.taxLine($0, baseKey: "base_amount_cents", money: money) }
        }
        line("Total", "total_amount_cents", role: .accent, always: true)
        line("Credited to the customer's balance", "credit_amount_cents")
        line("Refunded", "refund_amount_cents")
        line("Offset against the invoice", "offset_amount_cents")
        line("Credit left to use", "balance_amount_cents", role: .success)
        return out
    }
}
