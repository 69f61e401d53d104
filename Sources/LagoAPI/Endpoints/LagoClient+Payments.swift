import Foundation

extension LagoClient {
    /// `GET /payments` with filters.
    public func payments(_ query: PaymentListQuery = .init(), page: Int = 1, perPage: Int? = nil) async throws -> Page<Payment> {
        try await list(query, page: page, perPage: perPage)
    }

    /// `GET /payments/{lago_id}`.
    public func payment(lagoId: String) async throws -> Payment {
        try await record(Payment.self, id: lagoId)
    }
}
