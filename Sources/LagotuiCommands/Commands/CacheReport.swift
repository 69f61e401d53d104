import Foundation
import PageCache
import LagoAPI

/// The cache's configuration for a profile and the text `cache info` and `doctor` print.
public enum CacheReport {
    /// The cache configuration of a profile (size bound and freshness from config.toml).
    public static func configuration(profile: String, settings: Settings? = nil) -> CacheConfiguration {
        var freshness = FreshnessPolicy()
        for (name, seconds) in settings?.freshness ?? [:] {
            if let resource = CachedResource(name: name) { freshness.maxAge[resource] = TimeInterval(seconds) }
        }
        let maxBytes = (settings?.cacheMaxMegabytes).map { $0 * 1024 * 1024 } ?? 256 * 1024 * 1024
        // The settings' environment decides the directory (XDG_CACHE_HOME), like it decides the config path.
        let directory = settings.map { CacheLocation.defaultDirectory(environment: $0.environment) }
        return CacheConfiguration(directory: directory, profile: profile, origin: settings?.apiURL, maxBytes: maxBytes,
                                  freshness: freshness)
    }

    /// `1.5 MB`, `812 KB`, `0 B`.
    public static func bytes(_ count: Int64) -> String {
        if count >= 1 << 20 { return String(format: "%.1f MB", Double(count) / Double(1 << 20)) }
        if count >= 1 << 10 { return String(format: "%.0f KB", Double(count) / Double(1 << 10)) }
        return "\(count) B"
    }

    /// The lines of `cache info`.
    public static func lines(_ info: CacheInfo, now: Date = Date()) -> [String] {
        var out = [
            "path      \(info.path)",
            "size      \(bytes(info.bytesOnDisk)) on disk (\(bytes(Int64(info.bytesCounted))) of data, bound \(bytes(Int64(info.maxBytes))))",
            "pages     \(info.pages)",
            "records   \(info.records)",
        ]
        if let oldest = info.oldestEntry {
            let formatter = ISO8601DateFormatter()
            out.append("oldest    \(formatter.string(from: oldest)) (\(age(now.timeIntervalSince(oldest))) ago)")
        } else {
            out.append("oldest    (empty)")
        }
        if !info.isEnabled { out.append("state     unusable: running without a cache (see warnings)") }
        return out.map(TextSanitizer.printable)
    }

    static func age(_ seconds: TimeInterval) -> String {
        let s = max(0, Int(seconds))
        if s < 60 { return "\(s) s" }
        if s < 3600 { return "\(s / 60) min" }
        if s < 86400 { return "\(s / 3600) h" }
        return "\(s / 86400) d"
    }

    /// Doctor's cache lines: where it is, how big, whether it opens.
    public static func doctorChecks(profile: String, settings: Settings? = nil, environment: [String: String]) async -> [DoctorCheck] {
        let info = await PageCache.info(configuration: configuration(profile: profile, settings: settings))
        guard info.isEnabled else {
            return [DoctorCheck(.fail, "cache", "\(info.path) cannot be used",
                                advice: "check the directory's permissions and free space; lagotui runs without a cache meanwhile")]
        }
        var checks = [DoctorCheck(.ok, "cache", "\(info.path), \(bytes(info.bytesOnDisk)), \(info.pages) pages, \(info.records) records")]
        if info.bytesCounted > info.maxBytes * 9 / 10 {
            checks.append(DoctorCheck(.warn, "cache", "nearly full (\(bytes(Int64(info.bytesCounted))) of \(bytes(Int64(info.maxBytes))))",
                                      advice: "raise cache_max_mb or run lagotui cache clear"))
        }
        return checks
    }
}
