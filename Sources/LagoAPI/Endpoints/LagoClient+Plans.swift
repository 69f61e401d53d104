import Foundation

extension LagoClient {
    /// `GET /plans`: plans (parent plans only, with charges). The server takes no filters.
    public func plans(page: Int = 1, perPage: Int? = nil) async throws -> Page<Plan> {
        try await list(UnfilteredListQuery<Plan>(), page: page, perPage: perPage)
    }

    /// `GET /plans/{code}`.
    public func plan(code: String) async throws -> Plan {
        try await record(Plan.self, id: code)
    }
}
