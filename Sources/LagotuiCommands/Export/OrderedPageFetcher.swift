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
    ///
    /// With `readAhead` n, pages 2…n+1 are asked for together with page 1, before its
    /// `total_pages` is known: a long list then never waits a round trip with one request in
    /// flight, at the price of up to n requests answered with an empty page for a short one.
    /// The export reads its one list so (n = concurrency − 1); lists read once per parent
    /// (wallet transactions) do not, where most have one page.
    public func fetchAll(
        path: String, collectionKey: String, query: [URLQueryItem], paginated: Bool = true, readAhead: Int = 0,
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
        let readAhead = min(max(0, readAhead), concurrency - 1)
        let (first, lastMeta) = try await withThrowingTaskGroup(of: (Int, RawPage).self) { group in
            // Page 1's meta, once it has come: until then only the read-ahead pages are asked for.
            var first: RawPage?
            var totalPages: Int?
            var nextToStart = 1
            var nextToDeliver = 1
            var ready: [Int: RawPage] = [:]
            var meta: PageMeta?
            func start(_ page: Int) {
                group.addTask {
                    (page, try await source.rawPage(path, collectionKey: collectionKey, query: query, page: page, perPage: perPage))
                }
            }
            func startMore() {
                let last = totalPages ?? (1 + readAhead)
                while nextToStart <= last, nextToStart - nextToDeliver < concurrency {
                    start(nextToStart)
                    nextToStart += 1
                }
            }
            startMore()
            while let (number, page) = try await group.next() {
                if number == 1 {
                    first = page
                    onFirst(page.meta)
                    // An empty list, or one page: read-ahead pages have nothing to add.
                    totalPages = page.items.isEmpty ? 1 : max(1, page.meta.totalPages ?? 1)
                }
                if let totalPages, number > totalPages { continue }
                ready[number] = page
                while let page = ready.removeValue(forKey: nextToDeliver) {
                    try await deliver(page)
                    meta = page.meta
                    nextToDeliver += 1
                }
                if let totalPages, nextToDeliver > totalPages {
                    group.cancelAll()
                    break
                }
                startMore()
            }
            return (first, meta)
        }
        guard let first, !first.items.isEmpty, let lastMeta else { return }
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
