import Foundation

extension LagoClient {
    /// `GET /api_logs` with filters (premium; 403 `feature_unavailable` otherwise).
    public func apiLogs(_ query: ApiLogListQuery = .init(), page: Int = 1, perPage: Int? = nil) async throws -> Page<ApiLog> {
        try await list(query, page: page, perPage: perPage)
    }

    /// `GET /api_logs/{request_id}`.
    public func apiLog(requestId: String) async throws -> ApiLog {
        try await record(ApiLog.self, id: requestId)
    }
}
