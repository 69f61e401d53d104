import Foundation
import LagoAPI

/// A confirmation, form or message dialog, with Cancel focused by default.
struct DialogState {
    enum Purpose {
        /// Confirm and run a mutation.
        case confirm(PendingAction)
        /// The wallet top-up form; Review validates and turns it into a confirmation.
        case topUp(TopUpForm)
        /// A result to acknowledge.
        case message
        /// Confirm a bulk action on the marked invoices (`requiredText`: the count, live profile).
        case bulk(BulkPlan, requiredText: String?)
        /// A bulk run's progress: Esc or Stop stops starting new requests.
        case bulkProgress
        /// The credit-note estimate: an amount per fee; Estimate validates and asks Lago again.
        case estimate(CreditNoteEstimateForm)
        /// "Ask to pay": one payment request per customer and currency, an email field for
        /// each of the first ``PaymentRequestPlan/editableEmails`` requests.
        case askToPay(PaymentRequestPlan)
    }

    struct Field {
        var label: String
        var value: String = ""
        var placeholder: String = ""
        var hint: String?
        var error: String?
    }

    enum Focus: Equatable {
        case field(Int)
        case button(Int)
    }

    var kind: DialogSnapshot.Kind
    var title: String
    var lines: [StyledText]
    var fields: [Field] = []
    var buttons: [String]
    var focus: Focus = .button(0)
    var dangerous: Bool
    var error: String?
    var submitting = false
    var purpose: Purpose

    /// Focus order: fields, then buttons.
    var focusOrder: [Focus] { fields.indices.map { .field($0) } + buttons.indices.map { .button($0) } }

    mutating func moveFocus(_ step: Int) {
        let order = focusOrder
        guard let i = order.firstIndex(of: focus) else { focus = order.first ?? .button(0); return }
        focus = order[(i + step + order.count) % order.count]
    }

    var snapshot: DialogSnapshot {
        DialogSnapshot(kind: kind, title: TextSanitizer.clean(title), lines: lines,
                       fields: fields.enumerated().map { i, f in
                           FieldSnapshot(label: f.label, value: TextSanitizer.clean(f.value), placeholder: f.placeholder,
                                         focused: focus == .field(i), hint: f.hint, error: f.error)
                       },
                       buttons: buttons, focusedButton: { if case let .button(b) = focus { return b } else { return nil } }(),
                       dangerous: dangerous, error: error, submitting: submitting,
                       compactFields: { if case .estimate = purpose { return true } else { return false } }())
    }
}

/// A mutation waiting for confirmation.
struct PendingAction {
    var action: ActionID
    var record: SelectedRecord
    var mutation: BrowserMutation
    /// Text the user must type (live-profile void), or nil.
    var requiredText: String?
    /// Past-tense verb for the result ("Finalized INV-0042").
    var doneText: String
    /// Verb for refusal messages ("finalize INV-0042").
    var verbText: String
    /// Task-list title while it runs ("Finalizing INV-0042").
    var runningText: String
}

/// The wallet a top-up form is for, with what validation needs.
struct TopUpForm {
    var record: SelectedRecord
    var currency: String
    /// Money per credit, in major units (`rate_amount`).
    var rate: Decimal
    var minCents: Int64?
    var maxCents: Int64?
}

/// Wallet top-up validation (LAGO-WEB-UI.md §5): amounts are non-negative numbers, at least
/// one is above zero, and paid credits × rate stay within the wallet's paid top-up limits.
enum TopUpValidation {
    struct Result: Equatable {
        var paid: Decimal?
        var granted: Decimal?
        var paidError: String?
        var grantedError: String?
        var formError: String?
        var isValid: Bool { paidError == nil && grantedError == nil && formError == nil }
    }

    static func parse(_ text: String, field: String) -> (Decimal?, String?) {
        let t = text.trimmingCharacters(in: .whitespaces)
        if t.isEmpty { return (nil, nil) }
        // Only a plain ASCII decimal: Decimal(string:) reads the longest valid prefix, so
        // "1-2" or "1.2.3" would otherwise top up 1 or 1.2 credits without a word.
        let negative = t.hasPrefix("-")
        let digits = negative ? t.dropFirst() : Substring(t)
        let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), !(parts.first ?? "").isEmpty, digits.count <= 30,
              parts.allSatisfy({ !$0.isEmpty && $0.unicodeScalars.allSatisfy { ("0"..."9").contains($0) } }),
              let d = Decimal(string: String(digits), locale: Locale(identifier: "en_US_POSIX")) else {
            return (nil, "\(field) must be a number")
        }
        if negative && d != 0 { return (nil, "\(field) must not be negative") }
        // Larger amounts would overflow the 64-bit cents the money code works in.
        if d >= Decimal(sign: .plus, exponent: 12, significand: 1) { return (nil, "\(field) is too large") }
        return (d, nil)
    }

    static func validate(paid paidText: String, granted grantedText: String, form: TopUpForm) -> Result {
        let (paid, paidError) = parse(paidText, field: "paid credits")
        let (granted, grantedError) = parse(grantedText, field: "granted credits")
        var r = Result(paid: paid, granted: granted, paidError: paidError, grantedError: grantedError)
        guard paidError == nil, grantedError == nil else { return r }
        if (paid ?? 0) <= 0 && (granted ?? 0) <= 0 {
            r.formError = "enter paid or granted credits; at least one must be above zero"
            return r
        }
        if let paid, paid > 0 {
            let cents = MoneyText.cents(fromMajor: paid * form.rate, currencyCode: form.currency)
            if let min = form.minCents, cents < min {
                r.paidError = "below the wallet's minimum top-up of \(Format.money(cents: min, currency: form.currency))"
            } else if let max = form.maxCents, cents > max {
                r.paidError = "above the wallet's maximum top-up of \(Format.money(cents: max, currency: form.currency))"
            }
        }
        return r
    }

    /// "= $20.00" for credits typed in a field.
    static func moneyHint(_ text: String, form: TopUpForm) -> String? {
        guard let d = Decimal(string: text.trimmingCharacters(in: .whitespaces), locale: Locale(identifier: "en_US_POSIX")), d >= 0 else { return nil }
        return "= " + Format.money(cents: MoneyText.cents(fromMajor: d * form.rate, currencyCode: form.currency), currency: form.currency)
    }
}
