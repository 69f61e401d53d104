import Foundation

extension LagoClient {
    /// `GET /customers` with filters.
    public func customers(_ query: CustomerListQuery = .init(), page: Int = 1, perPage: Int? = nil) async throws -> Page<Customer> {
        try await list(query, page: page, perPage: perPage)
    }

    /// `GET /customers/{external_id}`.
    public func customer(externalId: String) async throws -> Customer {
        try await record(Customer.self, id: externalId)
    }
}
