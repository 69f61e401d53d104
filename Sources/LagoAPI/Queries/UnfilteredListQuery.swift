import Foundation

/// The query of lists Lago offers without filters: billable metrics, plans, coupons, add-ons,
/// taxes and billing entities (only pagination is accepted).
public struct UnfilteredListQuery<Record: LagoRecord>: LagoListQuery {
    public init() {}

    public var queryItems: [URLQueryItem] { [] }

    public func validate() throws(LagoQueryError) {}
}
