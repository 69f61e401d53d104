import Foundation

extension LagoClient {
    /// `GET /taxes`: taxes. The server takes no filters.
    public func taxes(page: Int = 1, perPage: Int? = nil) async throws -> Page<Tax> {
        try await list(UnfilteredListQuery<Tax>(), page: page, perPage: perPage)
    }

    /// `GET /taxes/{code}`.
    public func tax(code: String) async throws -> Tax {
        try await record(Tax.self, id: code)
    }
}
