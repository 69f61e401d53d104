import Foundation

extension LagoClient {
    /// `GET /fees` with filters (oldest first).
    public func fees(_ query: FeeListQuery = .init(), page: Int = 1, perPage: Int? = nil) async throws -> Page<Fee> {
        try await list(query, page: page, perPage: perPage)
    }

    /// `GET /fees/{lago_id}`.
    public func fee(lagoId: String) async throws -> Fee {
        try await record(Fee.self, id: lagoId)
    }
}
