import Foundation

/// Everything a `PageCache` needs besides the fetcher. Deliberately holds no API key,
/// header or command: the cache cannot write what it never receives.
public struct CacheConfiguration: Sendable {
    /// The directory holding one database per profile; `nil` means
    /// `$XDG_CACHE_HOME/lagotui` (or `~/.cache/lagotui`).
    public var directory: URL?
    /// The profile name; becomes the database file name (sanitised).
    public var profile: String
    /// The API base URL the pages come from; part of the file name, so each server (and path
    /// prefix) of a profile has its own cache. `nil` keeps the plain `<profile>.sqlite`.
    public var origin: URL?
    /// Upper bound, in bytes, for the cached data; least recently used pages are evicted
    /// beyond it. Default 256 MB.
    public var maxBytes: Int
    /// Freshness per resource.
    public var freshness: FreshnessPolicy
    /// Which lists an action's record invalidates.
    public var invalidation: InvalidationRules
    /// The clock; injected so tests decide what "now" is.
    public var now: @Sendable () -> Date
    /// When false the cache never touches the disk (e.g. `--no-cache`); fetches still coalesce.
    public var enabled: Bool

    /// A configuration with the defaults for everything not given.
    public init(
        directory: URL? = nil,
        profile: String = "default",
        origin: URL? = nil,
        maxBytes: Int = 256 * 1024 * 1024,
        freshness: FreshnessPolicy = FreshnessPolicy(),
        invalidation: InvalidationRules = InvalidationRules(),
        enabled: Bool = true,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.directory = directory
        self.profile = profile
        self.origin = origin
        self.maxBytes = maxBytes
        self.freshness = freshness
        self.invalidation = invalidation
        self.enabled = enabled
        self.now = now
    }
}
