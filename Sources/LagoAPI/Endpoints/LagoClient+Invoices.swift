import Foundation

extension LagoClient {
    /// `GET /invoices` with filters (all visible statuses, drafts included, unless filtered).
    /// Items carry `customer`, `metadata` and `applied_taxes` but not `fees`.
    public func invoices(_ query: InvoiceListQuery = .init(), page: Int = 1, perPage: Int? = nil) async throws -> Page<Invoice> {
        try await list(query, page: page, perPage: perPage)
    }

    /// `GET /invoices/{lago_id}`, with fees, credits, subscriptions and billing periods.
    public func invoice(lagoId: String) async throws -> Invoice {
        try await record(Invoice.self, id: lagoId)
    }
}
