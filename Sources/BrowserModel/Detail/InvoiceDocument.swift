import Foundation
import LagoAPI

/// What an invoice's detail fetches besides the invoice itself: the payments made against it,
/// the credit notes issued on it and the billing entity that issued it. Each may be missing
/// (not loaded yet, or Lago refused) and the document says so rather than guessing.
struct InvoiceRelated: Equatable {
    /// False until the fetch finished (each list below is nil when Lago refused it).
    var loaded = false
    var payments: [JSONValue]?
    var creditNotes: [JSONValue]?
    var billingEntity: JSONValue?
}

/// An invoice laid out as its customer reads it: who bills whom and when, the lines grouped by
/// subscription and billing period (units × unit price, or the charge model's own words), then
/// subtotal, coupons, taxes per rate, credits, total, what was paid and what is still due, and
/// the payments and credit notes behind those figures. Every amount is the record's own field,
/// formatted with `Format.money`; nothing is recomputed, so the view can never disagree with Lago.
enum InvoiceDocument {
    static func lines(_ invoice: JSONValue, related: InvoiceRelated, asOf now: Date) -> [StyledText] {
        let currency = invoice.string("currency") ?? ""
        func money(_ cents: Int64) -> String { Format.money(cents: cents, currency: currency) }
        var out = header(invoice, related: related, asOf: now)
        out.append(StyledText(""))
        out += feeLines(invoice, currency: currency)
        out.append(StyledText(""))
        out += totals(invoice, related: related, money: money)
        out += payments(related, currency: currency)
        out += creditNotes(related.creditNotes, currency: currency)
        return out
    }

    // MARK: header

    static func header(_ invoice: JSONValue, related: InvoiceRelated, asOf now: Date) -> [StyledText] {
        var out: [StyledText] = []
        let status = invoice.string("status") ?? ""
        var title = "Invoice \(invoice.string("number") ?? "")"
        if let type = invoice.string("invoice_type") { title += " · " + type.replacingOccurrences(of: "_", with: " ") }
        out.append(StyledText(title, role: .accent, trailing: status))
        out.append(StyledText(paymentLine(invoice, asOf: now), role: paymentRole(invoice)))
        var dates = "Issued \(invoice.string("issuing_date") ?? "—")"
        if let due = invoice.string("payment_due_date") { dates += " · due \(due)" }
        if let term = invoice.int64("net_payment_term") { dates += " · net \(term) days" }
        out.append(StyledText(dates))
        let entityCode = invoice.string("billing_entity_code")
        let entityName = related.billingEntity?.string("name")
        if entityCode != nil || entityName != nil {
            let from = [entityName, entityCode.map { "(\($0))" }].compactMap { $0 }.joined(separator: " ")
            out.append(StyledText("From: " + from))
        }
        if let customer = invoice["customer"], case .object = customer {
            let name = customer.string("legal_name").nonEmpty ?? customer.string("name").nonEmpty ?? customer.string("external_id") ?? ""
            out.append(StyledText("Bill to: " + name))
            let address = [customer.string("address_line1"), customer.string("address_line2"),
                           [customer.string("zipcode"), customer.string("city")].compactMap(\.nonEmpty).joined(separator: " ").nonEmpty,
                           customer.string("state"), customer.string("country")].compactMap(\.nonEmpty)
            if !address.isEmpty { out.append(StyledText(address.joined(separator: ", "), indent: 1)) }
            var contact: [String] = []
            if let email = customer.string("email").nonEmpty { contact.append(email) }
            if let tax = customer.string("tax_identification_number").nonEmpty { contact.append("tax id " + tax) }
            if !contact.isEmpty { out.append(StyledText(contact.joined(separator: " · "), indent: 1)) }
        }
        return out
    }

    /// "Payment pending · overdue 12 days", "Paid", "Payment failed".
    static func paymentLine(_ invoice: JSONValue, asOf now: Date) -> String {
        var text: String
        switch invoice.string("payment_status") {
        case "succeeded": text = "Paid"
        case "failed": text = "Payment failed"
        case let other?: text = "Payment " + other
        case nil: text = "Payment status unknown"
        }
        if invoice.bool("payment_overdue") == true {
            text += OverdueView.daysOverdue(invoice, asOf: now).map { " · overdue \($0) day\($0 == 1 ? "" : "s")" } ?? " · overdue"
        }
        if invoice.string("payment_dispute_lost_at") != nil { text += " · dispute lost" }
        return text
    }

    static func paymentRole(_ invoice: JSONValue) -> StatusRole {
        if invoice.bool("payment_overdue") == true || invoice.string("payment_status") == "failed" { return .danger }
        return invoice.string("payment_status") == "succeeded" ? .success : .warning
    }

    // MARK: lines

    /// Fees grouped by subscription and billing period, in the order Lago lists them.
    static func feeLines(_ invoice: JSONValue, currency: String) -> [StyledText] {
        let fees = invoice.array("fees")
        guard !fees.isEmpty else { return [StyledText("No fee lines in this response", role: .muted)] }
        var names: [String: String] = [:]
        for sub in invoice.array("subscriptions") {
            if let id = sub.string("lago_id") { names[id] = sub.string("name").nonEmpty ?? sub.string("plan_code") ?? sub.string("external_id") }
        }
        var groups: [(key: String, title: String, fees: [JSONValue])] = []
        for fee in fees {
            let sub = fee.string("lago_subscription_id")
            let period = [Format.date(fee.string("from_date")).prefix(10), Format.date(fee.string("to_date")).prefix(10)]
                .filter { !$0.isEmpty }.joined(separator: " – ")
            let key = (sub ?? "") + "|" + period
            if let i = groups.firstIndex(where: { $0.key == key }) {
                groups[i].fees.append(fee)
            } else {
                var title = sub.flatMap { names[$0] ?? fee.string("external_subscription_id") } ?? "Other charges"
                if !period.isEmpty { title += " · " + period }
                groups.append((key, title, [fee]))
            }
        }
        var out: [StyledText] = []
        for group in groups {
            out.append(StyledText(group.title, role: .info))
            for fee in group.fees { out += feeLine(fee, currency: currency) }
        }
        return out
    }

    /// One fee: its name, units × unit price (or the charge model), its amount, and for
    /// graduated and package charges how the amount was reached.
    static func feeLine(_ fee: JSONValue, currency: String) -> [StyledText] {
        let cur = fee.string("amount_currency") ?? currency
        let name = fee.string("invoice_display_name").nonEmpty ?? fee.string("item.invoice_display_name").nonEmpty
            ?? fee.string("item.name").nonEmpty ?? fee.string("item.code") ?? "fee"
        let amount = fee.int64("amount_cents").map { Format.money(cents: $0, currency: cur) } ?? ""
        let details = fee["amount_details"] ?? .null
        let units = Format.units(fee.string("units"))
        var out: [StyledText] = []
        var breakdown: [String] = []
        var label = name
        if !details.array("graduated_ranges").isEmpty {
            label += " · \(units) units, graduated"
            breakdown = details.array("graduated_ranges").map { graduatedTier($0, currency: cur) }
        } else if let size = details.int64("per_package_size") {
            label += " · \(units) units, package"
            var words = "packages of \(Format.units(String(size))) at \(Format.unitPrice(details.string("per_package_unit_amount"), currency: cur))"
            if let free = details.string("free_units"), Format.units(free) != "0" { words = "\(Format.units(free)) free, \(Format.units(details.string("paid_units"))) paid in " + words }
            breakdown = [words]
        } else if let rate = details.string("rate") {
            label += " · \(Format.decimal(rate))% of \(units)"
            if let events = details.int64("paid_events"), events > 0 {
                breakdown = ["+ \(events) × \(Format.unitPrice(details.string("fixed_fee_unit_amount"), currency: cur)) per transaction"]
            }
        } else if fee.string("item.type") == "subscription" {
            label += " · subscription"
        } else if !units.isEmpty {
            label += fee.string("precise_unit_amount").map { " · \(units) × \(Format.unitPrice($0, currency: cur))" } ?? " · \(units) units"
        }
        out.append(StyledText(label, indent: 1, trailing: amount))
        out += breakdown.map { StyledText($0, role: .muted, indent: 2) }
        return out
    }

    /// "1,001–10,000: 9,000 × $0.01 + $10.00 flat".
    static func graduatedTier(_ tier: JSONValue, currency: String) -> String {
        let from = Format.units(tier.string("from_value"))
        let range = tier.string("to_value").map { "\(from)–\(Format.units($0))" } ?? "\(from)+"
        var text = "\(range): \(Format.units(tier.string("units"))) × \(Format.unitPrice(tier.string("per_unit_amount"), currency: currency))"
        if let flat = tier.string("flat_unit_amount"), let value = LagoNumber.decimal(flat), !value.isZero {
            text += " + \(Format.unitPrice(flat, currency: currency)) flat"
        }
        return text
    }

    // MARK: totals

    static func totals(_ invoice: JSONValue, related: InvoiceRelated, money: (Int64) -> String) -> [StyledText] {
        var out: [StyledText] = []
        func line(_ label: String, _ key: String, negate: Bool = false, role: StatusRole = .normal, always: Bool = false) {
            guard let cents = invoice.int64(key), always || cents != 0 else { return }
            out.append(StyledText(label, role: role, trailing: money(negate ? -cents : cents)))
        }
        line("Fees", "fees_amount_cents", always: true)
        let coupons = invoice.array("credits").filter { $0.string("item.type") == "coupon" }
        if coupons.isEmpty {
            line("Coupons", "coupons_amount_cents", negate: true)
        } else {
            for credit in coupons {
                let name = credit.string("item.name").nonEmpty ?? credit.string("item.code") ?? "coupon"
                out.append(StyledText("Coupon " + name, trailing: credit.int64("amount_cents").map { money(-$0) }))
            }
        }
        line("Subtotal excl. tax", "sub_total_excluding_taxes_amount_cents", always: true)
        let taxes = invoice.array("applied_taxes")
        if taxes.isEmpty {
            line("Taxes", "taxes_amount_cents", always: true)
        } else {
            out += taxes.map { taxLine($0, baseKey: "fees_amount_cents", money: money) }
        }
        line("Subtotal incl. tax", "sub_total_including_taxes_amount_cents", always: true)
        line("Progressive billing credits", "progressive_billing_credit_amount_cents", negate: true)
        line("Credit notes applied", "credit_notes_amount_cents", negate: true)
        line("Prepaid credits", "prepaid_credit_amount_cents", negate: true)
        line("Total", "total_amount_cents", role: .accent, always: true)
        line("Paid", "total_paid_amount_cents", negate: true)
        for note in related.creditNotes ?? [] where note.string("status") != "voided" {
            guard let cents = note.int64("total_amount_cents"), cents != 0 else { continue }
            out.append(StyledText("Credited by \(note.string("number") ?? "credit note")", trailing: money(-cents)))
        }
        line("Amount due", "total_due_amount_cents", role: (invoice.int64("total_due_amount_cents") ?? 0) > 0 ? .warning : .success, always: true)
        return out
    }

    /// One applied tax: "VAT 20% on €100.00" and its amount (`baseKey` names the base field:
    /// `fees_amount_cents` on invoices, `base_amount_cents` on credit notes and estimates).
    static func taxLine(_ tax: JSONValue, baseKey: String, money: (Int64) -> String) -> StyledText {
        var label = tax.string("tax_name").nonEmpty ?? tax.string("tax_code") ?? "tax"
        if let rate = tax.string("tax_rate") { label += " \(Format.decimal(rate))%" }
        if let base = tax.int64(baseKey) { label += " on \(money(base))" }
        return StyledText(label, trailing: tax.int64("amount_cents").map(money))
    }

    // MARK: payments and credit notes

    static func payments(_ related: InvoiceRelated, currency: String) -> [StyledText] {
        guard related.loaded else { return [StyledText(""), StyledText("Payments: loading…", role: .muted)] }
        guard let payments = related.payments else { return [StyledText(""), StyledText("Payments: not readable with this API key", role: .muted)] }
        var out = [StyledText(""), StyledText(payments.isEmpty ? "Payments: none" : "Payments", role: .info)]
        for payment in payments {
            let status = payment.string("payment_status") ?? payment.string("status") ?? ""
            let role: StatusRole = status == "succeeded" ? .success : status == "failed" ? .danger : .normal
            let what = [Format.date(payment.string("created_at")), status, payment.string("reference") ?? payment.string("payment_provider_type")]
                .compactMap(\.nonEmpty).joined(separator: "  ")
            let cents = payment.int64("amount_cents").map { Format.money(cents: $0, currency: payment.string("amount_currency") ?? currency) }
            out.append(StyledText(what, role: role, indent: 1, trailing: cents))
        }
        return out
    }

    static func creditNotes(_ notes: [JSONValue]?, currency: String) -> [StyledText] {
        guard let notes, !notes.isEmpty else { return [] }
        var out = [StyledText(""), StyledText("Credit notes", role: .info)]
        for note in notes {
            let state = [note.string("credit_status").map { "credit " + $0 }, note.string("refund_status").map { "refund " + $0 }].compactMap { $0 }
            let what = [note.string("number"), note.string("issuing_date"), note.string("reason")?.replacingOccurrences(of: "_", with: " ")]
                .compactMap(\.nonEmpty) + state
            let cents = note.int64("total_amount_cents").map { Format.money(cents: $0, currency: note.string("currency") ?? currency) }
            out.append(StyledText(what.joined(separator: "  "), indent: 1, trailing: cents))
        }
        return out
    }
}

extension Optional where Wrapped == String {
    /// The string unless it is nil or empty.
    var nonEmpty: String? {
        guard let self, !self.isEmpty else { return nil }
        return self
    }
}

extension String {
    var nonEmpty: String? { isEmpty ? nil : self }
}
