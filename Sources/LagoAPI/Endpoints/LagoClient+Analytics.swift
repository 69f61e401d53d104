import Foundation

/// The analytics endpoints: unpaginated arrays, one row per month (and currency), cached by
/// the server for up to 4 hours.
extension LagoClient {
    /// `GET /analytics/overdue_balance`: overdue amounts by month of the due date.
    public func overdueBalance(_ query: AnalyticsQuery = .init()) async throws -> [OverdueBalance] {
        try await analytics("overdue_balance", rootKey: "overdue_balances", query)
    }

    /// Overdue balance for a currency over the last `months` months.
    public func overdueBalance(currency: String? = nil, months: Int? = nil, externalCustomerId: String? = nil) async throws -> [OverdueBalance] {
        try await overdueBalance(AnalyticsQuery(currency: currency, months: months, externalCustomerId: externalCustomerId))
    }

    /// `GET /analytics/gross_revenue`.
    public func grossRevenue(_ query: AnalyticsQuery = .init()) async throws -> [GrossRevenue] {
        try await analytics("gross_revenue", rootKey: "gross_revenues", query)
    }

    /// Gross revenue for a currency over the last `months` months.
    public func grossRevenue(currency: String? = nil, months: Int? = nil, externalCustomerId: String? = nil) async throws -> [GrossRevenue] {
        try await grossRevenue(AnalyticsQuery(currency: currency, months: months, externalCustomerId: externalCustomerId))
    }

    /// `GET /analytics/mrr`.
    public func mrr(_ query: AnalyticsQuery = .init()) async throws -> [Mrr] {
        try await analytics("mrr", rootKey: "mrrs", query)
    }

    /// MRR for a currency over the last `months` months.
    public func mrr(currency: String? = nil, months: Int? = nil) async throws -> [Mrr] {
        try await mrr(AnalyticsQuery(currency: currency, months: months))
    }

    /// `GET /analytics/invoice_collection`.
    public func invoiceCollection(_ query: AnalyticsQuery = .init()) async throws -> [InvoiceCollection] {
        try await analytics("invoice_collection", rootKey: "invoice_collections", query)
    }

    /// Invoice collection for a currency over the last `months` months.
    public func invoiceCollection(currency: String? = nil, months: Int? = nil) async throws -> [InvoiceCollection] {
        try await invoiceCollection(AnalyticsQuery(currency: currency, months: months))
    }

    private func analytics<Row: Decodable & Sendable>(_ name: String, rootKey: String, _ query: AnalyticsQuery) async throws -> [Row] {
        try query.validate()
        return try await getObject("/analytics/" + name, rootKey: rootKey, query: query.queryItems, as: [Row].self)
    }
}
