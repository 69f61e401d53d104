import Foundation
import LagoAPI

extension PageCache {
    var currentStore: CacheStore? { state.withLock { $0 } }

    /// Searches everything cached (customer name, email and external id; invoice number;
    /// subscription external id and plan code; plan code and name), best match first. Each
    /// typed word must match the start of a word in the record.
    public func search(_ text: String, in resources: Set<CachedResource>? = nil, limit: Int = 50) async -> [SearchHit] {
        let names = resources.map { Set($0.map(\.name)) }
        return await withStore { try await $0.search(text, resources: names, limit: limit) } ?? []
    }

    /// What `lagotui cache info` shows.
    public func info() async -> CacheInfo {
        let counts = await withStore { try await $0.counts() }
        return CacheInfo(
            path: location.databaseURL.path, bytesOnDisk: location.bytesOnDisk(), bytesCounted: counts?.usage ?? 0,
            maxBytes: configuration.maxBytes, pages: counts?.pages ?? 0, records: counts?.records ?? 0,
            oldestEntry: counts?.oldest, isEnabled: counts != nil)
    }

    /// Empties the cache (`lagotui cache clear`): every page and record is deleted and the file
    /// is compacted. Throws if the cache is on but could not be cleared; a no-cache session has
    /// nothing to clear.
    public func clear() async throws {
        guard let store = currentStore else { return }
        try await store.clear()
    }

    /// `lagotui cache info` without a client: opens the profile's cache, reads, closes.
    public static func info(configuration: CacheConfiguration) async -> CacheInfo {
        let cache = PageCache(configuration: configuration, fetcher: NoFetcher())
        return await cache.info()
    }

    /// `lagotui cache clear --profile NAME` without a client: deletes the profile's database
    /// files, including copies moved aside after damage (they hold the same personal data),
    /// for every API URL the profile was used with. Run it when no lagotui session uses that profile.
    public static func clear(configuration: CacheConfiguration) throws {
        let location = CacheLocation(directory: configuration.directory, profile: configuration.profile)
        let manager = FileManager.default
        let name = location.databaseURL.lastPathComponent
        let originPrefix = CacheLocation.fileStem(for: configuration.profile) + "@"
        func belongs(_ entry: String) -> Bool {
            if entry == name || entry.hasPrefix(name + "-") || entry.hasPrefix(name + ".corrupt-") { return true }
            return entry.hasPrefix(originPrefix) && entry.contains(".sqlite")
        }
        guard let entries = try? manager.contentsOfDirectory(atPath: location.directory.path) else { return }
        for entry in entries where belongs(entry) {
            try manager.removeItem(at: location.directory.appendingPathComponent(entry))
        }
    }
}

/// The fetcher used when the cache is opened only for maintenance: it never fetches.
struct NoFetcher: PageFetching {
    func fetch(_ key: PageKey) async throws -> RawPage { throw CacheMiss(description: "no fetcher: \(key)") }
    func fetchObject(_ key: ObjectKey) async throws -> Data { throw CacheMiss(description: "no fetcher: \(key)") }
}
