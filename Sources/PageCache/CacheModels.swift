import Foundation
import LagoAPI

/// A list page as the cache answers it: raw JSON items in API order, with how old they are.
public struct CachedPage: Sendable {
    /// What was asked for.
    public let key: PageKey
    /// Lago's pagination metadata for this page.
    public let meta: PageMeta
    /// Each item's JSON object, in API order.
    public let items: [Data]
    /// When the page was fetched from Lago.
    public let fetchedAt: Date
    /// Seconds since `fetchedAt` when this value was read (never negative).
    public let age: TimeInterval
    /// True when the page is older than its resource's freshness, or an action made it
    /// possibly wrong. A stale page is still shown; a refresh follows.
    public let isStale: Bool
}

/// A single object as the cache answers it (a record's detail, a usage object).
public struct CachedObject: Sendable {
    /// What was asked for.
    public let key: ObjectKey
    /// The object's JSON.
    public let json: Data
    /// When it was fetched (or returned by an action).
    public let fetchedAt: Date
    /// Seconds since `fetchedAt` (never negative).
    public let age: TimeInterval
    /// True when older than its resource's freshness or invalidated by an action.
    public let isStale: Bool
}

/// How a read may use the network.
public enum RefreshMode: Sendable, Equatable {
    /// Answer from the cache; fetch when missing or stale (the default).
    case ifStale
    /// Answer from the cache, then fetch regardless (the user asked to refresh).
    case always
    /// Never fetch: offline browsing, `--offline`, or a quick peek.
    case never
    /// Fetch, and fail rather than answer with the cached copy: a re-read after an action
    /// whose outcome is unknown must not pass an old status off as the current one.
    case required
}

/// One message of a read: what to show now. A read's stream yields `.cached` first when the
/// cache has the value, then exactly one of `.fresh` or `.failed` when it fetches, and ends.
public enum CacheUpdate<Value: Sendable>: Sendable {
    /// The cached value, at once; check `isStale` to show a refreshing mark.
    case cached(Value)
    /// The value just fetched from Lago (and stored).
    case fresh(Value)
    /// The fetch failed. `cached` is the best value available (the one already yielded, with
    /// its age), or nil when nothing was cached.
    case failed(FetchFailure, cached: Value?)

    /// The value to show, if any.
    public var value: Value? {
        switch self {
        case .cached(let value), .fresh(let value): value
        case .failed(_, let cached): cached
        }
    }
}

/// Why a fetch failed, in one line a person can read (never the API key: LagoError messages
/// carry none, and the cache adds only the request's path).
public struct FetchFailure: Error, Sendable {
    /// The underlying error (usually a `LagoError`).
    public let error: any Error
    /// One line for humans.
    public let message: String
    /// True when the failure means Lago is unreachable or refusing us (network, timeout, 5xx,
    /// rate limit, credentials) rather than something about this one request.
    public let isOutage: Bool
    /// True for exactly one failure per outage: the one that took the cache offline. Show a
    /// toast for that one (or listen to `PageCache.events`), and only an age mark for others.
    public let isNewOutage: Bool
}

/// Things the cache tells the user about once, not per page.
public enum CacheEvent: Sendable, Equatable {
    /// A problem with the cache itself (damaged file rebuilt, disk full, read-only directory).
    case warning(String)
    /// Fetches started failing: serving cached data, marked with its age.
    case offline(String)
    /// A fetch succeeded again after an outage.
    case online
}

/// What `lagotui cache info` prints.
public struct CacheInfo: Sendable, Equatable {
    /// The database file.
    public let path: String
    /// Bytes on disk: the database and its `-wal`/`-shm` files.
    public let bytesOnDisk: Int64
    /// The cached payload in bytes, as counted against the size bound.
    public let bytesCounted: Int
    /// The size bound.
    public let maxBytes: Int
    /// Number of cached list pages.
    public let pages: Int
    /// Number of cached records (each stored once).
    public let records: Int
    /// When the oldest cached entry was fetched.
    public let oldestEntry: Date?
    /// False when the cache runs in no-cache mode (disabled, read-only directory, full disk).
    public let isEnabled: Bool
}
