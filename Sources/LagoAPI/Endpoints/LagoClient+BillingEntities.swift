import Foundation

extension LagoClient {
    /// `GET /billing_entities`: every active entity in one unpaginated response.
    public func billingEntities() async throws -> [BillingEntity] {
        try await list(UnfilteredListQuery<BillingEntity>()).items
    }

    /// `GET /billing_entities/{code}`.
    public func billingEntity(code: String) async throws -> BillingEntity {
        try await record(BillingEntity.self, id: code)
    }
}
