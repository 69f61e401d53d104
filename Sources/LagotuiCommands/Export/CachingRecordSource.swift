import Foundation
import LagoAPI
import PageCache

/// Routes the export engine's reads through the page cache with `refresh: .always`, so every
/// page and object it reads is fetched fresh and stored: this is how `lagotui sync` fills the
/// cache for offline browsing, with the same concurrency and ordering as `export`.
public struct CachingRecordSource: RawRecordSource {
    public let cache: PageCache
    public let perPage: Int

    public init(cache: PageCache, perPage: Int = 100) {
        self.cache = cache
        self.perPage = perPage
    }

    /// The resource a path belongs to: its last segment (`/wallets/ID/wallet_transactions` →
    /// wallet transactions; `/customers/ID/past_usage` → past usage). The export engine reads
    /// only catalogue paths; any other cannot be cached and is refused.
    static func resource(for path: String) throws -> CachedResource {
        let last = path.split(separator: "/").last.map(String.init) ?? path
        if let endpoint = CustomerUsageEndpoint(rawValue: last) { return .usage(endpoint) }
        guard let resource = LagoResource.allCases.first(where: { $0.path == "/" + last }) else {
            throw LagoError.invalidConfiguration("\(path) is not a resource the cache knows")
        }
        return .records(resource)
    }

    public func rawPage(_ path: String, collectionKey: String, query: [URLQueryItem], page: Int, perPage: Int?) async throws
        -> RawPage
    {
        try await freshPage(PageKey(resource: try Self.resource(for: path), path: path, collectionKey: collectionKey, query: query,
                                    page: page, perPage: perPage ?? self.perPage))
    }

    public func wholeList(_ path: String, collectionKey: String, query: [URLQueryItem]) async throws -> RawPage {
        try await freshPage(PageKey(resource: try Self.resource(for: path), path: path, collectionKey: collectionKey, query: query,
                                    perPage: perPage, isPaginated: false))
    }

    private func freshPage(_ key: PageKey) async throws -> RawPage {
        // Not loadPage: it falls back to a cached copy when the network fails, and a sync
        // must report that failure instead of claiming it refreshed the page.
        for await update in cache.page(key, refresh: .always) {
            switch update {
            case let .fresh(page): return RawPage(meta: page.meta, items: page.items)
            case let .failed(failure, _): throw failure.error
            case .cached: continue
            }
        }
        throw CancellationError()
    }

    public func rawObject(_ path: String, rootKey: String, query: [URLQueryItem]) async throws -> JSONValue {
        let id = ([path] + query.map { "\($0.name)=\($0.value ?? "")" }).joined(separator: "?")
        let key = ObjectKey(resource: try Self.resource(for: path), id: id, path: path, rootKey: rootKey, query: query)
        for await update in cache.object(key, refresh: .always) {
            switch update {
            case let .fresh(object): return try JSONValue.parse(object.json)
            case let .failed(failure, _): throw failure.error
            case .cached: continue
            }
        }
        throw CancellationError()
    }
}
