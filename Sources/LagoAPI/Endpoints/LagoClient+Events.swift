import Foundation

extension LagoClient {
    /// `GET /events` with filters (newest first).
    public func events(_ query: EventListQuery = .init(), page: Int = 1, perPage: Int? = nil) async throws -> Page<Event> {
        try await list(query, page: page, perPage: perPage)
    }

    /// `GET /events/{transaction_id}`.
    public func event(transactionId: String) async throws -> Event {
        try await record(Event.self, id: transactionId)
    }
}
