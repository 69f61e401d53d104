import Foundation

/// Invoice actions. Each is a single mutation that is never retried once it may have reached
/// the server; refusals arrive as `LagoError` with Lago's code (for example 404
/// `invoice_not_found` when finalizing an invoice that is not a draft, 405 `not_voidable`).
extension LagoClient {
    /// `PUT /invoices/{lago_id}/finalize`: drafts only. Returns the finalized invoice, whose
    /// status may be `closed` for a zero-amount invoice with the skip setting.
    public func finalizeInvoice(lagoId: String) async throws -> Invoice {
        try await perform(.finalizeInvoice(lagoId: lagoId), as: Invoice.self)
    }

    /// `PUT /invoices/{lago_id}/refresh`: recomputes a draft's fees; a non-draft subscription
    /// invoice comes back unchanged, other invoice types are refused (403).
    public func refreshInvoice(lagoId: String) async throws -> Invoice {
        try await perform(.refreshInvoice(lagoId: lagoId), as: Invoice.self)
    }

    /// `POST /invoices/{lago_id}/void`: any finalized invoice (whatever its payment status).
    /// Optionally issues a credit note for `creditAmountCents`/`refundAmountCents`.
    public func voidInvoice(
        lagoId: String,
        generateCreditNote: Bool? = nil,
        creditAmountCents: Int64? = nil,
        refundAmountCents: Int64? = nil
    ) async throws -> Invoice {
        try await perform(.voidInvoice(lagoId: lagoId, generateCreditNote: generateCreditNote, creditAmountCents: creditAmountCents,
                                       refundAmountCents: refundAmountCents), as: Invoice.self)
    }

    /// `POST /invoices/{lago_id}/retry_payment`: queues a new payment attempt. The server
    /// answers with an empty body and the payment happens later, so the invoice is read again
    /// afterwards; nil when that read fails (the retry itself was accepted, do not resend it).
    public func retryInvoicePayment(lagoId: String) async throws -> Invoice? {
        let echoed = try await perform(.retryInvoicePayment(lagoId: lagoId), as: Invoice?.self)
        if let echoed { return echoed }
        return try? await invoice(lagoId: lagoId)
    }

    /// `GET /invoices/{lago_id}`, with fees, credits, subscriptions and billing periods.
    public func invoice(lagoId: String) async throws -> Invoice {
        try await getObject(try Self.recordPath(.invoices, id: lagoId), rootKey: LagoResource.invoices.singularKey, as: Invoice.self)
    }
}

/// The optional body of `POST /invoices/{id}/void` (amounts in cents).
struct VoidInvoiceBody: Encodable {
    var generateCreditNote: Bool?
    var creditAmount: Int64?
    var refundAmount: Int64?

    var isEmpty: Bool { generateCreditNote == nil && creditAmount == nil && refundAmount == nil }

    enum CodingKeys: String, CodingKey {
        case generateCreditNote = "generate_credit_note"
        case creditAmount = "credit_amount"
        case refundAmount = "refund_amount"
    }
}
