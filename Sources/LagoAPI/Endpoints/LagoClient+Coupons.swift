import Foundation

extension LagoClient {
    /// `GET /coupons`: coupons. The server takes no filters.
    public func coupons(page: Int = 1, perPage: Int? = nil) async throws -> Page<Coupon> {
        try await list(UnfilteredListQuery<Coupon>(), page: page, perPage: perPage)
    }

    /// `GET /coupons/{code}`.
    public func coupon(code: String) async throws -> Coupon {
        try await record(Coupon.self, id: code)
    }
}
