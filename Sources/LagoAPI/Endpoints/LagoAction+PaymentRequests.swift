import Foundation

extension LagoAction {
    /// `POST /payment_requests` (BEHAVIOUR.md C1): asks a customer to pay some of their overdue
    /// invoices, one request per customer, currency and billing entity. Lago answers with the
    /// `payment_request` (customer and invoices included), emails the customer when they have no
    /// payment provider and charges them when they have one. Refused before sending when Lago
    /// would refuse or silently misread it: no customer, no invoice, a malformed email.
    /// Never retried: a second request would ask the customer to pay twice.
    public static func createPaymentRequest(externalCustomerId: String, lagoInvoiceIds: [String], email: String?) throws(LagoQueryError) -> LagoAction {
        let body = try PaymentRequestBody.validated(externalCustomerId: externalCustomerId, lagoInvoiceIds: lagoInvoiceIds, email: email)
        let data: Data
        do { data = try LagoJSON.encoder.encode(body) } catch {
            throw LagoQueryError(parameter: "payment_request", message: "cannot encode the payment request: \(error)")
        }
        return LagoAction(method: .post, path: LagoResource.paymentRequests.path, body: data,
                          rootKey: LagoResource.paymentRequests.singularKey, invalidates: [.paymentRequests, .invoices, .payments])
    }
}

/// `{"payment_request": {"external_customer_id", "lago_invoice_ids": [...], "email"}}`. The ids
/// always go as a JSON array: Lago's `permit(lago_invoice_ids: [])` drops a scalar and then
/// answers 404 `invoice_not_found`. Without an email Lago uses the customer's.
struct PaymentRequestBody: Encodable, Equatable {
    struct Request: Encodable, Equatable {
        var externalCustomerId: String
        var lagoInvoiceIds: [String]
        var email: String?

        enum CodingKeys: String, CodingKey {
            case externalCustomerId = "external_customer_id"
            case lagoInvoiceIds = "lago_invoice_ids"
            case email
        }
    }

    var paymentRequest: Request

    enum CodingKeys: String, CodingKey {
        case paymentRequest = "payment_request"
    }

    static func validated(externalCustomerId: String, lagoInvoiceIds: [String], email: String?) throws(LagoQueryError) -> PaymentRequestBody {
        guard !externalCustomerId.isEmpty else {
            throw LagoQueryError(parameter: "external_customer_id", message: "a payment request needs the customer's external_id")
        }
        var seen = Set<String>()
        let ids = lagoInvoiceIds.filter { !$0.isEmpty && seen.insert($0).inserted }
        guard !ids.isEmpty else {
            throw LagoQueryError(parameter: "lago_invoice_ids", message: "a payment request needs at least one invoice's lago_id")
        }
        let trimmed = email?.trimmingCharacters(in: .whitespaces)
        if let trimmed, !trimmed.isEmpty, let problem = EmailAddress.problem(trimmed) {
            throw LagoQueryError(parameter: "email", message: problem)
        }
        return PaymentRequestBody(paymentRequest: Request(externalCustomerId: externalCustomerId, lagoInvoiceIds: ids,
                                                          email: (trimmed?.isEmpty ?? true) ? nil : trimmed))
    }
}

/// The one check of an email address a person typed, before Lago mails a payment request to
/// it: one `@` between a local part and a dotted domain, no spaces or control characters.
/// Deliberately lenient otherwise (Lago itself stores what it is given).
public enum EmailAddress {
    /// Why `text` cannot be an email address, or nil when it can.
    public static func problem(_ text: String) -> String? {
        if text.count > 254 { return "the email address is longer than 254 characters" }
        if text.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0.value < 0x20 || $0.value == 0x7F }) {
            return "the email address must not contain spaces or control characters"
        }
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty else { return "\"\(text)\" is not an email address (name@domain)" }
        let domain = parts[1]
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, labels.allSatisfy({ !$0.isEmpty }) else {
            return "\"\(text)\" has no valid domain after the @"
        }
        return nil
    }
}
