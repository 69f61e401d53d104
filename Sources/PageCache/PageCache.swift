import Foundation
import GRDB
import LagoAPI
import Synchronization

/// The local page cache: every screen paints from disk first and refreshes from Lago behind it.
///
/// Reads (`page(_:)`, `object(_:)`) return an `AsyncStream` that yields the cached value at once,
/// then the fresh one when the cached one was stale or missing (stale-while-revalidate), then
/// ends. A `@MainActor` view model simply does `for await update in cache.page(key) { … }`.
/// Concurrent reads of the same missing page share one request. When Lago is unreachable the
/// cached value is served with its age and the outage is reported once (on `events`, and as
/// `FetchFailure.isNewOutage`). The cache never receives the API key: it only sees keys and
/// raw JSON through `PageFetching`.
///
/// The cache never crashes the app: a damaged database is moved aside and rebuilt, and a
/// read-only directory or full disk switches it to no-cache mode with one warning.
public final class PageCache: Sendable {
    /// Where the database lives (even in no-cache mode, for `cache info`).
    public let location: CacheLocation
    /// Problems found while opening (damaged file rebuilt, cache unavailable); also sent on `events`.
    public let openingWarnings: [String]
    /// Warnings and online/offline changes, each once. A single consumer (the app's status
    /// line) should iterate it; events are buffered until read.
    public let events: AsyncStream<CacheEvent>

    let configuration: CacheConfiguration
    let fetcher: any PageFetching
    let coordinator: FetchCoordinator
    let state: Mutex<CacheStore?>
    private let eventLog: EventLog

    /// Opens the cache for `configuration.profile` and uses `fetcher` for anything missing or stale.
    /// Never throws: see the type's documentation for how failures degrade.
    public convenience init(configuration: CacheConfiguration, fetcher: any PageFetching) {
        self.init(configuration: configuration, fetcher: fetcher, prepareConnection: nil, onJoin: nil)
    }

    /// The designated initialiser; tests use the hooks to limit the database size (a "full
    /// disk") and to observe readers joining a fetch.
    init(
        configuration: CacheConfiguration, fetcher: any PageFetching,
        prepareConnection: (@Sendable (Database) throws -> Void)?,
        onJoin: (@Sendable (FetchCoordinator.FlightKey) -> Void)?
    ) {
        self.configuration = configuration
        self.fetcher = fetcher
        let location = CacheLocation(directory: configuration.directory, profile: configuration.profile, origin: configuration.origin)
        self.location = location
        let (events, sink) = AsyncStream.makeStream(of: CacheEvent.self)
        let log = EventLog(sink: sink)
        self.events = events
        self.eventLog = log
        self.coordinator = FetchCoordinator(report: { log.emit($0) }, onJoin: onJoin)
        if configuration.enabled {
            let opening = CacheStore.open(at: location, now: configuration.now(), prepareConnection: prepareConnection)
            self.state = Mutex(opening.store)
            self.openingWarnings = opening.warnings
        } else {
            self.state = Mutex(nil)
            self.openingWarnings = []
        }
        for warning in openingWarnings { log.emit(.warning(warning)) }
    }

    deinit {
        eventLog.finish()
        state.withLock { $0?.close() }
    }

    /// Every event emitted so far, in order (what `events` delivered or will deliver).
    public var emittedEvents: [CacheEvent] { eventLog.all }

    /// True while the cache stores data on disk; false in no-cache mode.
    public var isPersistent: Bool { state.withLock { $0 != nil } }

    // MARK: Store access with degradation

    /// Runs a storage operation; a fatal storage error (full disk, read-only, damage) switches
    /// the cache off for the session with one warning. Returns nil when there is no store.
    func withStore<T: Sendable>(_ operation: (CacheStore) async throws -> T) async -> T? {
        guard let store = state.withLock({ $0 }) else { return nil }
        do {
            return try await operation(store)
        } catch {
            if CacheStore.isFatal(error) { disable(store, because: error) }
            return nil
        }
    }

    private func disable(_ store: CacheStore, because error: any Error) {
        let wasActive = state.withLock { current -> Bool in
            guard current === store else { return false }
            current = nil
            return true
        }
        guard wasActive else { return }
        eventLog.emit(.warning(CacheStore.unusableWarning(location, error)))
    }

    // MARK: Pages

    /// The cached page, if any, judged for freshness now; never touches the network.
    public func cachedPage(_ key: PageKey) async -> CachedPage? {
        let found = await withStore { try await $0.readPage(key) } ?? nil
        guard let found else { return nil }
        let now = configuration.now()
        if let store = state.withLock({ $0 }) { store.touchPage(id: found.id, at: now) }
        return makePage(key, found.page, now: now)
    }

    /// Reads a page: the cached value at once, then (if it was stale or missing, or `refresh`
    /// is `.always`) the fresh value or the failure, then the stream ends. Cancelling the
    /// consumer stops listening; a fetch other readers share still completes and is stored.
    public func page(_ key: PageKey, refresh: RefreshMode = .ifStale) -> AsyncStream<CacheUpdate<CachedPage>> {
        revalidating(refresh: refresh, cached: { await self.cachedPage(key) }, fetch: { () async throws(FetchFailure) in try await self.fetchPage(key) })
    }

    /// The final answer for one page, for non-interactive use (`lagotui get`): fresh when it
    /// can be, otherwise the cached page with its age; throws only when there is neither.
    public func loadPage(_ key: PageKey, refresh: RefreshMode = .ifStale) async throws(FetchFailure) -> CachedPage {
        try await load(key, refresh: refresh, cached: { await cachedPage(key) }, fetch: { () async throws(FetchFailure) in try await fetchPage(key) })
    }

    /// Fetches a page (sharing a fetch already in flight for it) and stores it.
    func fetchPage(_ key: PageKey) async throws(FetchFailure) -> CachedPage {
        let fetched = try await coordinator.run(.page(key)) { [self] in
            let raw = try await fetcher.fetch(key)
            let now = configuration.now()
            let fields = key.resource.searchFields
            let records = raw.items.enumerated().map { position, json in
                RecordParser.parse(json, searchFields: fields, fallbackID: "\(key)#\(position)")
            }
            let maxBytes = configuration.maxBytes
            _ = await withStore { try await $0.writePage(key, meta: raw.meta, records: records, at: now, maxBytes: maxBytes) }
            return .page(CachedPage(key: key, meta: raw.meta, items: raw.items, fetchedAt: now, age: 0, isStale: false))
        }
        guard case .page(let page) = fetched else { preconditionFailure("page flight returned an object") }
        return page
    }

    private func makePage(_ key: PageKey, _ stored: StoredPage, now: Date) -> CachedPage {
        let age = max(0, now.timeIntervalSince(stored.fetchedAt))
        let stale = stored.invalidated || age > configuration.freshness.maxAge(for: key.resource)
        return CachedPage(key: key, meta: stored.meta, items: stored.items, fetchedAt: stored.fetchedAt, age: age, isStale: stale)
    }

    static func shouldFetch(cached isStale: Bool?, refresh: RefreshMode) -> Bool {
        switch refresh {
        case .never: false
        case .always, .required: true
        case .ifStale: isStale ?? true
        }
    }
}

/// The error inside a `FetchFailure` when a cache-only read finds nothing.
public struct CacheMiss: Error, Sendable, CustomStringConvertible {
    public let description: String
}

/// The events sent so far, and the stream they go to.
final class EventLog: Sendable {
    private let sink: AsyncStream<CacheEvent>.Continuation
    private let log = Mutex<[CacheEvent]>([])

    init(sink: AsyncStream<CacheEvent>.Continuation) {
        self.sink = sink
    }

    func emit(_ event: CacheEvent) {
        log.withLock { $0.append(event) }
        sink.yield(event)
    }

    var all: [CacheEvent] { log.withLock { $0 } }

    func finish() { sink.finish() }
}
