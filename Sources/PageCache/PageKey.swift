import Foundation

/// Identifies one cached list page: which resource, which endpoint path, which filters, which page.
///
/// The query is normalised (sorted by name, then value; `page`/`per_page` removed because they are
/// separate fields) so that the same filters in a different order hit the same cache entry.
/// A key carries no headers and no credentials: nothing secret can reach the cache through it.
public struct PageKey: Hashable, Sendable, CustomStringConvertible {
    /// The resource the page lists; drives freshness, search and invalidation.
    public let resource: CachedResource
    /// The API path relative to the base URL, e.g. "/invoices" or "/wallets/abc/wallet_transactions".
    public let path: String
    /// The JSON key holding the array of items in the response, e.g. "invoices".
    public let collectionKey: String
    /// The filters, normalised: sorted, without `page` and `per_page`.
    public let queryItems: [URLQueryItem]
    /// The 1-based page number.
    public let page: Int
    /// Items per page.
    public let perPage: Int
    /// False for a list Lago returns whole: it is fetched without paging parameters.
    public let isPaginated: Bool

    /// Makes a key; `path` defaults to "/<resource name>" and `collectionKey` to the name,
    /// which is what Lago uses for every top-level list.
    public init(
        resource: CachedResource, path: String? = nil, collectionKey: String? = nil,
        query: [URLQueryItem] = [], page: Int = 1, perPage: Int = 100, isPaginated: Bool = true
    ) {
        self.isPaginated = isPaginated
        self.resource = resource
        self.path = path ?? "/" + resource.name
        self.collectionKey = collectionKey ?? resource.name
        self.queryItems = QueryNormalizer.normalize(query)
        self.page = max(1, page)
        self.perPage = max(1, perPage)
    }

    /// The normalised query as one string (the database column), e.g. "currency=EUR&status=draft".
    public var normalizedQuery: String { QueryNormalizer.encode(queryItems) }

    public var description: String {
        let query = normalizedQuery
        return "\(path)\(query.isEmpty ? "" : "?\(query)") page \(page)/\(perPage)"
    }
}

/// Identifies one cached single object: a record's detail (`GET /invoices/{lago_id}`) or a
/// computed object such as a customer's current usage.
public struct ObjectKey: Hashable, Sendable, CustomStringConvertible {
    /// The resource the object is stored under: a Lago resource's record, or a usage object.
    public let resource: CachedResource
    /// What the object is looked up by: a `lago_id`, or the external id / code the API path
    /// uses (identified records are stored under their `lago_id` with this as an alias), or any
    /// stable string for computed objects (e.g. "cus_1/sub_1" for a subscription's usage).
    public let id: String
    /// The API path relative to the base URL.
    public let path: String
    /// The JSON key wrapping the object in the response, e.g. "invoice".
    public let rootKey: String
    /// Extra query items, normalised.
    public let queryItems: [URLQueryItem]

    /// Makes an object key.
    public init(resource: CachedResource, id: String, path: String, rootKey: String, query: [URLQueryItem] = []) {
        self.resource = resource
        self.id = id
        self.path = path
        self.rootKey = rootKey
        self.queryItems = QueryNormalizer.normalize(query)
    }

    public var description: String { "\(resource)/\(id) (\(path))" }
}

/// Canonical form of query items, shared by keys and the database column.
enum QueryNormalizer {
    static let pagingNames: Set<String> = ["page", "per_page"]

    static func normalize(_ items: [URLQueryItem]) -> [URLQueryItem] {
        items
            .filter { !pagingNames.contains($0.name) }
            .sorted { ($0.name, $0.value ?? "") < ($1.name, $1.value ?? "") }
    }

    static func encode(_ items: [URLQueryItem]) -> String {
        items.map { item in
            let name = escape(item.name)
            guard let value = item.value else { return name }
            return "\(name)=\(escape(value))"
        }.joined(separator: "&")
    }

    private static let allowed: CharacterSet = {
        var set = CharacterSet.alphanumerics
        set.insert(charactersIn: "-._~[]")
        return set
    }()

    private static func escape(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}
