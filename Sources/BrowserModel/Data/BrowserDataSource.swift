import Foundation
import LagoAPI

/// One server-side filter: `status=draft`, or several values (`payment_status[]=failed&…`).
public struct ListFilter: Sendable, Hashable {
    public var name: String
    public var values: [String]
    public init(_ name: String, _ values: [String]) {
        self.name = name
        self.values = values
    }
    public init(_ name: String, _ value: String) { self.init(name, [value]) }
}

/// What to list: a resource, its server filters and search term. Hashable so it can key a
/// cache and tell "same query" from "new query".
public struct ListRequest: Sendable, Hashable {
    public var resource: ResourceKind
    /// Server filters, kept sorted by name so equal queries compare equal.
    public private(set) var filters: [ListFilter]
    /// Lago `search_term`, when the resource supports it.
    public var searchTerm: String?

    public init(_ resource: ResourceKind, filters: [ListFilter] = [], searchTerm: String? = nil) {
        self.resource = resource
        self.filters = filters.sorted { $0.name < $1.name }
        self.searchTerm = searchTerm
    }

    /// The list of `resource` nested under the record `parentID` (a wallet's transactions).
    public init(_ resource: ResourceKind, under parentID: String) {
        self.init(resource, filters: resource.entry.parentFilter.map { [ListFilter($0.key, parentID)] } ?? [])
    }

    /// Values of filter `name`, or nil.
    public func values(of name: String) -> [String]? { filters.first { $0.name == name }?.values }

    /// Sets (or with nil, removes) filter `name`.
    public mutating func set(_ name: String, _ values: [String]?) {
        filters.removeAll { $0.name == name }
        if let values, !values.isEmpty { filters.append(ListFilter(name, values)) }
        filters.sort { $0.name < $1.name }
    }

    /// The query items Lago expects, spelled and shaped by the resource's catalogue row; the
    /// search term as its search filter. (A nested list's parent id goes in the path instead.)
    public var queryItems: [URLQueryItem] {
        var named = filters.map { (name: $0.name, values: $0.values) }
        if let s = searchTerm, !s.isEmpty { named.append((name: FilterSpec.searchKey, values: [s])) }
        return resource.entry.queryItems(named)
    }

    /// The id of the record a nested list is listed under (the wallet of wallet transactions).
    public var parentID: String? {
        resource.entry.parentFilter.flatMap { values(of: $0.key)?.first }
    }
}

/// How current a delivered page is.
public enum Freshness: Sendable, Equatable {
    /// Straight from the API.
    case fresh
    /// From the local cache; a fresh copy may follow. `age` in seconds when known.
    case cached(age: TimeInterval?)
}

/// One page of a list as raw JSON objects, in API order.
public struct ListPageResult: Sendable {
    /// Each item's JSON object bytes.
    public var items: [Data]
    /// The page number this is.
    public var page: Int
    /// The next page number, or nil on the last page.
    public var nextPage: Int?
    /// Total number of records, when the API (or cache) knows it.
    public var totalCount: Int?
    public var freshness: Freshness
    /// Seconds since the items were read from Lago when they came from a cache, even one young
    /// enough to count as fresh; nil when straight from the API or unknown.
    public var age: TimeInterval? = nil

    public init(items: [Data], page: Int, nextPage: Int?, totalCount: Int?, freshness: Freshness = .fresh) {
        self.items = items
        self.page = page
        self.nextPage = nextPage
        self.totalCount = totalCount
        self.freshness = freshness
    }
}

/// A state-changing request the browser can make.
public enum BrowserMutation: Sendable, Equatable {
    case finalizeInvoice(lagoId: String)
    case refreshInvoice(lagoId: String)
    case retryInvoicePayment(lagoId: String)
    case voidInvoice(lagoId: String)
    case topUpWallet(walletId: String, paidCredits: Decimal?, grantedCredits: Decimal?)
    /// Asks a customer to pay overdue invoices (`POST /payment_requests`); nil email: the customer's.
    case createPaymentRequest(externalCustomerId: String, lagoInvoiceIds: [String], email: String?)
}

/// A link to hand a customer: an invoice's payment URL or a customer's portal URL.
public enum CustomerLink: Sendable, Equatable {
    case payment(invoiceId: String)
    case portal(externalCustomerId: String)
}

/// Errors a data source reports, already sorted into what the user must be told.
public enum BrowserDataError: Error, Sendable, Equatable {
    /// Lago answered and said no (4xx with a reason). Nothing changed.
    case refused(status: Int, code: String?, message: String)
    /// A mutation may or may not have been applied (timeout or connection lost after sending).
    case outcomeUnknown(String)
    /// The request could not be made or answered (network, 5xx, auth). Nothing changed.
    case unavailable(String)
    /// The feature is not enabled for this organization (e.g. projected usage, API logs).
    case notSupported(String)
    /// 429: Lago did not process the request and asks to wait `retryAfter` seconds (when it said).
    case rateLimited(retryAfter: Double?, message: String)

    /// One line for humans.
    public var message: String {
        switch self {
        case let .refused(status, code, message):
            return code.map { "\(message) (\(status) \($0))" } ?? "\(message) (\(status))"
        case let .outcomeUnknown(m): return "outcome unknown: \(m)"
        case let .unavailable(m): return m
        case let .notSupported(m): return m
        case let .rateLimited(_, m): return m
        }
    }
}

/// Progress of a PDF download, reported to the task list.
public enum DownloadProgress: Sendable, Equatable {
    case requesting
    /// Lago is still generating the PDF; `attempt` counts the polls.
    case waitingForGeneration(attempt: Int)
    case downloading(fraction: Double?)
}

/// Everything the browser reads and writes, as raw JSON. Implemented over PageCache + LagoClient
/// for the app (`CachedLagoDataSource`) and by a scripted fake in tests. All JSON returned is
/// the bare object or array, without Lago's root key.
public protocol BrowserDataSource: Sendable {
    /// One page of a list. A cached copy may be yielded first (`.cached`), then the fresh page;
    /// the stream finishes after the fresh page or throws. `forceRefresh` (the user pressed
    /// refresh, or an action changed the data) fetches even when the cached copy is fresh.
    func listPage(_ request: ListRequest, page: Int, perPage: Int, forceRefresh: Bool) -> AsyncThrowingStream<ListPageResult, any Error>
    /// One record's full JSON object (invoices include fees). `key` is what the API path needs:
    /// the lago id, or the external id / code for resources addressed that way. `forceRefresh`
    /// skips any cached copy (used to re-read a record after an action).
    func record(_ resource: ResourceKind, key: String, forceRefresh: Bool) async throws -> Data
    /// Runs a mutation; returns the updated record's JSON when Lago sends it back.
    func perform(_ mutation: BrowserMutation) async throws -> Data?
    /// Current usage object of one subscription (`customer_usage`).
    func currentUsage(externalCustomerId: String, externalSubscriptionId: String) async throws -> Data
    /// Projected usage object (`customer_projected_usage`); throws `.notSupported` when disabled.
    func projectedUsage(externalCustomerId: String, externalSubscriptionId: String) async throws -> Data
    /// The analytics `overdue_balances` array.
    func overdueBalances() async throws -> Data
    /// One analytics series' rows (the bare array), for `query` (`months`, `external_customer_id`).
    /// Throws `.notSupported` when Lago's plan does not include it (403 `feature_unavailable`).
    func analytics(_ series: AnalyticsSeries, query: [URLQueryItem], forceRefresh: Bool) async throws -> Data
    /// Activity logs (the bare array) for `query` (`resource_ids[]`, `activity_types[]`…);
    /// throws `.notSupported` on a Lago without them (403 `feature_unavailable`).
    func activityLogs(query: [URLQueryItem]) async throws -> Data
    /// What a credit note for `items` of an invoice would be (the `estimated_credit_note`
    /// object); read-only. Throws `.notSupported` without premium (403 `feature_unavailable`).
    func estimateCreditNote(invoiceId: String, items: [CreditNoteEstimateItem]) async throws -> Data
    /// Downloads an invoice PDF into `directory` as `fileName`, returning the file's URL.
    func downloadInvoicePDF(lagoId: String, fileName: String, directory: URL,
                            progress: @escaping @Sendable (DownloadProgress) -> Void) async throws -> URL
    /// Instant matches for `term` from the local cache (full-text), or empty.
    func searchCached(_ request: ListRequest, term: String) async -> [Data]
    /// The `usage_periods` array of past (invoiced) usage, newest first, at most `periods`.
    func pastUsage(externalCustomerId: String, externalSubscriptionId: String, periods: Int) async throws -> Data
    /// The `lifetime_usage` object of an active subscription.
    func lifetimeUsage(externalSubscriptionId: String) async throws -> Data
    /// Asks Lago for a payment or portal URL (never cached: portal tokens expire).
    func link(_ link: CustomerLink) async throws -> URL
}

extension BrowserDataSource {
    public func searchCached(_ request: ListRequest, term: String) async -> [Data] { [] }

    /// A source without credit-note estimates says so the calm way.
    public func estimateCreditNote(invoiceId: String, items: [CreditNoteEstimateItem]) async throws -> Data {
        throw BrowserDataError.notSupported("credit note estimates are not available from this data source")
    }

    /// A source with no activity logs says so the calm way.
    public func activityLogs(query: [URLQueryItem]) async throws -> Data {
        throw BrowserDataError.notSupported("activity logs are not available from this data source")
    }

    /// A source with no analytics (a benchmark's synthetic list) says so the calm way.
    public func analytics(_ series: AnalyticsSeries, query: [URLQueryItem], forceRefresh: Bool) async throws -> Data {
        throw BrowserDataError.notSupported("analytics are not available from this data source")
    }

    public func pastUsage(externalCustomerId: String, externalSubscriptionId: String, periods: Int) async throws -> Data {
        throw BrowserDataError.notSupported("past usage is not available here")
    }
    public func lifetimeUsage(externalSubscriptionId: String) async throws -> Data {
        throw BrowserDataError.notSupported("lifetime usage is not available here")
    }
    public func link(_ link: CustomerLink) async throws -> URL { throw BrowserDataError.notSupported("links are not available from this data source") }
}

extension ResourceKind {
    /// The value of a record's key field (`recordKeyField`), which `GET /<resource>/{key}` takes.
    public func lookupKey(of json: JSONValue) -> String? {
        json.string(recordKeyField) ?? json.string("lago_id")
    }
}

/// Turns any error into one line for the user.
func userMessage(for error: any Error) -> String {
    if let e = error as? BrowserDataError { return TextSanitizer.clean(e.message) }
    if error is CancellationError { return "cancelled" }
    return TextSanitizer.clean(String(describing: error))
}
