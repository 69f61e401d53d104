import Foundation

/// One action on a Lago record: the single place its method, path, body and response key are
/// spelled. The typed calls (`finalizeInvoice(lagoId:)`, `topUpWallet(…)`) decode the answer;
/// a caller that keeps raw JSON (the browser's cache) sends the action with
/// ``LagoClient/send(_:)``. Actions are mutations, never retried once they may have reached
/// the server.
public struct LagoAction: Sendable, Equatable {
    public let method: HTTPMethod
    public let path: String
    public let body: Data?
    /// The response key of the changed record (`invoice`) or records (`wallet_transactions`).
    public let rootKey: String
    /// The resources whose cached lists may be wrong once it has run (or may have run).
    public let invalidates: Set<LagoResource>

    /// What an invoice action can change besides the invoice: its fees and payments, the credit
    /// notes and wallet credits a void or a refund moves, and the customer's balance.
    static let invoiceChanges: Set<LagoResource> = [.invoices, .fees, .payments, .creditNotes, .wallets, .walletTransactions, .customers]

    /// `PUT /invoices/{lago_id}/finalize`.
    public static func finalizeInvoice(lagoId: String) throws(LagoQueryError) -> LagoAction {
        try invoice(lagoId, .put, "finalize")
    }

    /// `PUT /invoices/{lago_id}/refresh`.
    public static func refreshInvoice(lagoId: String) throws(LagoQueryError) -> LagoAction {
        try invoice(lagoId, .put, "refresh")
    }

    /// `POST /invoices/{lago_id}/retry_payment` (Lago answers with an empty body).
    public static func retryInvoicePayment(lagoId: String) throws(LagoQueryError) -> LagoAction {
        try invoice(lagoId, .post, "retry_payment")
    }

    /// `POST /invoices/{lago_id}/void`, with the optional credit note amounts in cents.
    public static func voidInvoice(lagoId: String, generateCreditNote: Bool? = nil, creditAmountCents: Int64? = nil,
                                   refundAmountCents: Int64? = nil) throws -> LagoAction {
        let options = VoidInvoiceBody(generateCreditNote: generateCreditNote, creditAmount: creditAmountCents, refundAmount: refundAmountCents)
        return try invoice(lagoId, .post, "void", body: options.isEmpty ? nil : LagoClient.encodedBody(options))
    }

    /// `POST /wallet_transactions`, refused before sending when the server would refuse it
    /// (no wallet, a negative amount, nothing to add).
    public static func topUpWallet(walletId: String, paidCredits: Decimal?, grantedCredits: Decimal?) throws -> LagoAction {
        let body = try TopUpBody.validated(walletId: walletId, paidCredits: paidCredits, grantedCredits: grantedCredits)
        return LagoAction(method: .post, path: LagoResource.walletTransactions.path, body: try LagoClient.encodedBody(body),
                          rootKey: LagoResource.walletTransactions.collectionKey,
                          invalidates: [.wallets, .walletTransactions, .invoices])
    }

    private static func invoice(_ lagoId: String, _ method: HTTPMethod, _ action: String, body: Data? = nil) throws(LagoQueryError) -> LagoAction {
        LagoAction(method: method, path: try LagoClient.recordPath(.invoices, id: lagoId) + "/" + action, body: body,
                   rootKey: LagoResource.invoices.singularKey, invalidates: invoiceChanges)
    }
}

extension LagoClient {
    /// Sends an action once and returns Lago's 2xx answer as it came, for callers that keep the
    /// raw JSON. Throws `LagoError.outcomeUnknown` when it may have been applied unanswered.
    public func send(_ action: LagoAction) async throws -> HTTPResponse {
        try await send(action.method, action.path, body: action.body, idempotent: false)
    }

    /// Sends an action once and decodes the value under its root key (an `Optional` or
    /// ``LagoEmpty`` accepts an empty answer).
    public func perform<T: Decodable & Sendable>(_ action: LagoAction, as type: T.Type = T.self) async throws -> T {
        try await mutate(action.method, action.path, body: action.body, rootKey: action.rootKey, as: T.self)
    }
}

extension LagoClient {
    /// The path of one record, refused before sending when the identifier is empty (the
    /// request would list the resource instead).
    static func recordPath(_ resource: LagoResource, id: String) throws(LagoQueryError) -> String {
        guard !id.isEmpty else {
            throw LagoQueryError(parameter: resource.recordKeyField, message: "a \(resource.singularKey.replacingOccurrences(of: "_", with: " ")) needs its \(resource.recordKeyField)")
        }
        return resource.recordPath(id: id)
    }
}
