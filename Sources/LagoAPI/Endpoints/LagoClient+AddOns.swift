import Foundation

extension LagoClient {
    /// `GET /add_ons`: add-ons. The server takes no filters.
    public func addOns(page: Int = 1, perPage: Int? = nil) async throws -> Page<AddOn> {
        try await list(UnfilteredListQuery<AddOn>(), page: page, perPage: perPage)
    }

    /// `GET /add_ons/{code}`.
    public func addOn(code: String) async throws -> AddOn {
        try await record(AddOn.self, id: code)
    }
}
