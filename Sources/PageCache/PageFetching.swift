import Foundation
import LagoAPI

/// Where the cache gets pages and objects it does not have (or has stale).
///
/// The cache only ever talks to the network through this protocol, so tests and the browser's
/// view-model tests can inject a fake, and so no request headers or credentials ever pass
/// through the cache: the fetcher owns them.
public protocol PageFetching: Sendable {
    /// Fetches one list page as raw JSON items, in API order.
    func fetch(_ key: PageKey) async throws -> RawPage
    /// Fetches one object as the raw JSON of the value under the key's `rootKey`.
    func fetchObject(_ key: ObjectKey) async throws -> Data
}

/// The production fetcher: a `LagoClient` (which holds the API key; the cache never sees it).
public struct LagoPageFetcher: PageFetching {
    public let client: LagoClient

    /// Wraps a client.
    public init(client: LagoClient) {
        self.client = client
    }

    public func fetch(_ key: PageKey) async throws -> RawPage {
        guard key.isPaginated else { return try await client.wholeList(key.path, collectionKey: key.collectionKey, query: key.queryItems) }
        return try await client.rawPage(
            key.path, collectionKey: key.collectionKey, query: key.queryItems, page: key.page, perPage: key.perPage)
    }

    public func fetchObject(_ key: ObjectKey) async throws -> Data {
        try await client.objectBytes(key.path, rootKey: key.rootKey, query: key.queryItems)
    }
}
