import Foundation
import LagoAPI

/// The fees of an invoice a credit note could take, and how much of each: what `E` lets the
/// user pick before asking Lago for an estimate. A fee's creditable amount is its amount less
/// what its invoice's credit notes already credited on it (their `items`), which is what Lago
/// checks an item against (`fee.creditable_amount_cents`, BEHAVIOUR.md C8).
struct CreditNoteEstimateForm: Equatable {
    /// One fee that can still be credited.
    struct Fee: Equatable {
        var id: String
        var name: String
        var amountCents: Int64
        var creditableCents: Int64
    }

    var invoiceId: String
    var number: String
    var currency: String
    var fees: [Fee]
    /// Fees with nothing left to credit (listed in the intro, not as fields).
    var fullyCredited: Int

    init(invoice: JSONValue, creditNotes: [JSONValue], number: String) {
        invoiceId = invoice.string("lago_id") ?? ""
        self.number = number
        currency = invoice.string("currency") ?? ""
        var credited: [String: Int64] = [:]
        for note in creditNotes {
            for item in note.array("items") {
                guard let fee = item.string("fee.lago_id") ?? item.string("lago_fee_id") else { continue }
                credited[fee, default: 0] += item.int64("amount_cents") ?? 0
            }
        }
        var fees: [Fee] = []
        var full = 0
        for fee in invoice.array("fees") {
            guard let id = fee.string("lago_id"), let amount = fee.int64("amount_cents"), amount > 0 else { continue }
            let creditable = amount - (credited[id] ?? 0)
            guard creditable > 0 else { full += 1; continue }
            let name = fee.string("invoice_display_name").nonEmpty ?? fee.string("item.invoice_display_name").nonEmpty
                ?? fee.string("item.name").nonEmpty ?? fee.string("item.code") ?? "fee"
            fees.append(Fee(id: id, name: TextSanitizer.clean(name), amountCents: amount, creditableCents: creditable))
        }
        self.fees = fees
        fullyCredited = full
    }

    func money(_ cents: Int64) -> String { Format.money(cents: cents, currency: currency) }

    /// "9081.00": an amount as the user types it, in major units with the currency's decimals.
    func typed(_ cents: Int64) -> String { Money(amountCents: cents, currency: MoneyText.currency(currency)).plainAmount }

    /// One field per fee, filled with all that is left to credit on it.
    var fields: [DialogState.Field] {
        fees.map { fee in
            DialogState.Field(label: fee.name, value: typed(fee.creditableCents), placeholder: "0",
                              hint: fee.creditableCents == fee.amountCents ? "of \(money(fee.amountCents))"
                                  : "of \(money(fee.creditableCents)) left (\(money(fee.amountCents)) fee)")
        }
    }

    /// What the fields ask for: an item per fee with an amount above zero, or the problems.
    struct Validation: Equatable {
        var items: [CreditNoteEstimateItem] = []
        var fieldErrors: [String?] = []
        var formError: String?
        var isValid: Bool { formError == nil && fieldErrors.allSatisfy { $0 == nil } }
    }

    /// Each value is a plain decimal in major units with at most the currency's decimals, not
    /// negative and not above the fee's creditable amount; empty or zero leaves the fee out;
    /// at least one fee must be credited. Cents are exact (no rounding of what was typed).
    func validate(_ values: [String]) -> Validation {
        var result = Validation()
        let minor = MoneyText.currency(currency).minorUnits
        for (fee, text) in zip(fees, values) {
            let (amount, error) = TopUpValidation.parse(text, field: "the amount")
            guard error == nil else { result.fieldErrors.append(error); continue }
            guard let amount, amount > 0 else { result.fieldErrors.append(nil); continue }
            var scaled = amount
            for _ in 0..<minor { scaled *= 10 }
            var whole = Decimal(), copy = scaled
            NSDecimalRound(&whole, &copy, 0, .down)
            guard whole == scaled, let cents = LagoNumber.integer(scaled) else {
                result.fieldErrors.append(minor == 0 ? "\(currency) has no decimals" : "at most \(minor) decimal\(minor == 1 ? "" : "s") in \(currency)")
                continue
            }
            guard cents <= fee.creditableCents else {
                result.fieldErrors.append("more than the \(money(fee.creditableCents)) that can be credited on this fee")
                continue
            }
            result.fieldErrors.append(nil)
            result.items.append(CreditNoteEstimateItem(feeId: fee.id, amountCents: cents))
        }
        if result.fieldErrors.allSatisfy({ $0 == nil }), result.items.isEmpty {
            result.formError = "enter an amount on at least one fee"
        }
        return result
    }

    /// The dialog's lines: what is asked, then the estimate Lago gave for it (or why not).
    func lines(estimate: [StyledText]) -> [StyledText] {
        var intro = "Credit \(number): amounts per fee (empty or 0 leaves a fee out), Enter on Estimate asks Lago."
        if fullyCredited > 0 { intro += " \(fullyCredited) fee\(fullyCredited == 1 ? " is" : "s are") already fully credited." }
        return [StyledText(intro, role: .muted)] + estimate
    }
}
