import Foundation
import LagoAPI

/// Reads every page of one list: page 1 first (for `total_pages`), then pages 2…N with up to
/// `concurrency` requests in flight, handed over strictly in page order. At most `concurrency`
/// pages are held at once, so memory stays flat however long the list is. If the last page
/// says there is a next one (records were added meanwhile), it keeps reading one by one.
public struct OrderedPageFetcher: Sendable {
    public let source: any RawRecordSource
    public let perPage: Int
    public let concurrency: Int

    public init(source: any RawRecordSource, perPage: Int = 100, concurrency: Int = 8) {
        self.source = source
        self.perPage = max(1, perPage)
        self.concurrency = max(1, concurrency)
    }

    /// Calls `onFirst` with page 1's meta, then `deliver` for every page in order. A list that
    /// is not `paginated` is read in one request without paging parameters.
    public func fetchAll(
        path: String, collectionKey: String, query: [URLQueryItem], paginated: Bool = true,
        onFirst: (PageMeta) -> Void = { _ in },
        deliver: (RawPage) async throws -> Void
    ) async throws {
        let source = self.source
        let perPage = self.perPage
        guard paginated else {
            let whole = try await source.wholeList(path, collectionKey: collectionKey, query: query)
            onFirst(whole.meta)
            try await deliver(whole)
            return
        }
        let first = try await source.rawPage(path, collectionKey: collectionKey, query: query, page: 1, perPage: perPage)
        onFirst(first.meta)
        try await deliver(first)
        guard !first.items.isEmpty else { return }
        var lastMeta = first.meta
        if let totalPages = first.meta.totalPages, totalPages > 1 {
            lastMeta = try await withThrowingTaskGroup(of: (Int, RawPage).self) { group in
                var nextToStart = 2
                var nextToDeliver = 2
                var ready: [Int: RawPage] = [:]
                var meta = first.meta
                func startMore() {
                    while nextToStart <= totalPages, nextToStart - nextToDeliver < concurrency {
                        let page = nextToStart
                        group.addTask {
                            (page, try await source.rawPage(path, collectionKey: collectionKey, query: query, page: page, perPage: perPage))
                        }
                        nextToStart += 1
                    }
                }
                startMore()
                while let (number, page) = try await group.next() {
                    ready[number] = page
                    while let page = ready.removeValue(forKey: nextToDeliver) {
                        try await deliver(page)
                        meta = page.meta
                        nextToDeliver += 1
                    }
                    startMore()
                }
                return meta
            }
        }
        // Records added while we read can push the list past the first total: follow next_page.
        var next = lastMeta.nextPage
        var lastDelivered = max(1, first.meta.totalPages ?? 1)
        while let page = next, page > lastDelivered {
            let raw = try await source.rawPage(path, collectionKey: collectionKey, query: query, page: page, perPage: perPage)
            if raw.items.isEmpty { break }
            try await deliver(raw)
            lastDelivered = page
            next = raw.meta.nextPage
        }
    }
}
