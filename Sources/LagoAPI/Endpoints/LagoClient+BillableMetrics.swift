import Foundation

extension LagoClient {
    /// `GET /billable_metrics`: billable metrics. The server takes no filters.
    public func billableMetrics(page: Int = 1, perPage: Int? = nil) async throws -> Page<BillableMetric> {
        try await list(UnfilteredListQuery<BillableMetric>(), page: page, perPage: perPage)
    }

    /// `GET /billable_metrics/{code}`.
    public func billableMetric(code: String) async throws -> BillableMetric {
        try await record(BillableMetric.self, id: code)
    }
}
