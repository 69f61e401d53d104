import Foundation

/// Every page of a Lago list, in order, as an `AsyncSequence` of ``Page``.
///
/// Page 1 is fetched first. When its `meta` says how many pages there are, the following
/// pages are fetched concurrently (at most ``LagoClientConfiguration/pageConcurrency`` ahead of
/// the reader) and still delivered in order; otherwise pages are fetched one after another
/// by following `next_page`. The sequence ends at the page whose `next_page` is null, so a
/// stale `total_pages` (Lago caches invoice counts) neither cuts it short nor runs past the end.
/// An empty list yields one empty page (with Lago's `current_page: 0` meta). Stopping the
/// iteration cancels the pages still in flight.
public struct PageSequence<T: Sendable>: AsyncSequence, Sendable {
    /// Each element is one page.
    public typealias Element = Page<T>

    let fetch: @Sendable (Int) async throws -> Page<T>
    let concurrency: Int

    /// Creates a sequence from a page fetcher (page numbers start at 1).
    public init(concurrency: Int, fetch: @escaping @Sendable (Int) async throws -> Page<T>) {
        self.fetch = fetch
        self.concurrency = Swift.max(1, concurrency)
    }

    /// Starts a new pass over the pages.
    public func makeAsyncIterator() -> Iterator {
        Iterator(prefetcher: PagePrefetcher(concurrency: concurrency, fetch: fetch, meta: { $0.meta }, isEmpty: { $0.items.isEmpty }))
    }

    /// Yields pages in order.
    public struct Iterator: AsyncIteratorProtocol {
        let prefetcher: PagePrefetcher<Page<T>>

        /// The next page, or `nil` after the last one.
        public mutating func next() async throws -> Page<T>? {
            try await prefetcher.next()
        }
    }

    /// Collects every item of every page (convenient for exports and small lists).
    public func allItems() async throws -> [T] {
        var items: [T] = []
        for try await page in self { items.append(contentsOf: page.items) }
        return items
    }
}

/// Every page of a Lago list as raw JSON (``RawPage``), fetched like ``PageSequence``.
public struct RawPageSequence: AsyncSequence, Sendable {
    /// Each element is one raw page.
    public typealias Element = RawPage

    let fetch: @Sendable (Int) async throws -> RawPage
    let concurrency: Int

    /// Creates a sequence from a raw page fetcher (page numbers start at 1).
    public init(concurrency: Int, fetch: @escaping @Sendable (Int) async throws -> RawPage) {
        self.fetch = fetch
        self.concurrency = Swift.max(1, concurrency)
    }

    /// Starts a new pass over the pages.
    public func makeAsyncIterator() -> Iterator {
        Iterator(prefetcher: PagePrefetcher(concurrency: concurrency, fetch: fetch, meta: { $0.meta }, isEmpty: { $0.items.isEmpty }))
    }

    /// Yields raw pages in order.
    public struct Iterator: AsyncIteratorProtocol {
        let prefetcher: PagePrefetcher<RawPage>

        /// The next raw page, or `nil` after the last one.
        public mutating func next() async throws -> RawPage? {
            try await prefetcher.next()
        }
    }
}

/// The ordering and look-ahead logic behind ``PageSequence`` and ``RawPageSequence``.
final class PagePrefetcher<Element: Sendable> {
    private let concurrency: Int
    private let fetch: @Sendable (Int) async throws -> Element
    private let meta: (Element) -> PageMeta
    private let isEmpty: (Element) -> Bool
    private var nextNumber = 1
    private var totalPages: Int?
    private var finished = false
    private var inFlight: [Int: Task<Element, any Error>] = [:]

    init(
        concurrency: Int,
        fetch: @escaping @Sendable (Int) async throws -> Element,
        meta: @escaping (Element) -> PageMeta,
        isEmpty: @escaping (Element) -> Bool
    ) {
        self.concurrency = concurrency
        self.fetch = fetch
        self.meta = meta
        self.isEmpty = isEmpty
    }

    deinit {
        for task in inFlight.values { task.cancel() }
    }

    func next() async throws -> Element? {
        guard !finished else { return nil }
        let number = nextNumber
        if let totalPages {
            let last = min(totalPages, number + concurrency - 1)
            if number <= last {
                for ahead in number...last where inFlight[ahead] == nil {
                    inFlight[ahead] = start(ahead)
                }
            }
        }
        let task = inFlight.removeValue(forKey: number) ?? start(number)
        let element: Element
        do {
            element = try await withTaskCancellationHandler {
                try await task.value
            } onCancel: {
                task.cancel()
            }
        } catch {
            stop()
            throw error
        }
        let pageMeta = meta(element)
        if number == 1 { totalPages = pageMeta.totalPages }
        nextNumber += 1
        if pageMeta.nextPage == nil || (isEmpty(element) && number > 1) {
            stop()
        }
        return element
    }

    private func start(_ number: Int) -> Task<Element, any Error> {
        let fetch = self.fetch
        return Task { try await fetch(number) }
    }

    private func stop() {
        finished = true
        for task in inFlight.values { task.cancel() }
        inFlight.removeAll()
    }
}

extension LagoClient {
    /// Every page of a list as an `AsyncSequence` (see ``PageSequence``).
    public func allPages<T: Decodable & Sendable>(
        _ path: String,
        collectionKey: String,
        query: [URLQueryItem] = [],
        perPage: Int? = nil,
        as type: T.Type = T.self
    ) -> PageSequence<T> {
        let client = self
        return PageSequence(concurrency: configuration.pageConcurrency) { page in
            try await client.listPage(path, collectionKey: collectionKey, query: query, page: page, perPage: perPage, as: T.self)
        }
    }

    /// Every page of a list as raw JSON (see ``RawPageSequence``), for cache syncs.
    public func allRawPages(
        _ path: String,
        collectionKey: String,
        query: [URLQueryItem] = [],
        perPage: Int? = nil
    ) -> RawPageSequence {
        let client = self
        return RawPageSequence(concurrency: configuration.pageConcurrency) { page in
            try await client.rawPage(path, collectionKey: collectionKey, query: query, page: page, perPage: perPage)
        }
    }
}
