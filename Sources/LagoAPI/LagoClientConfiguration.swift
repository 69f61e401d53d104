import Foundation

/// Where and how ``LagoClient`` talks to Lago.
public struct LagoClientConfiguration: Sendable {
    /// Lago Cloud, US region (the default).
    public static let usBaseURL = "https://api.getlago.com/api/v1"
    /// Lago Cloud, EU region.
    public static let euBaseURL = "https://api.eu.getlago.com/api/v1"
    /// The User-Agent sent with every request: `lagotui/<version>`.
    public static let defaultUserAgent = "lagotui/\(LagotuiVersion.current)"

    /// The API root, ending in `/api/v1` (US, EU or a self-hosted instance).
    public var baseURL: URL
    /// The secret API key, sent as `Authorization: Bearer <key>`. Never logged or shown.
    public var apiKey: String
    /// The User-Agent header.
    public var userAgent: String
    /// Allow plain `http://` to non-loopback hosts (the caller must warn the user).
    public var insecure: Bool
    /// Records per page for list calls when the caller does not say (Lago's default is 100).
    public var perPage: Int
    /// How requests are retried.
    public var retry: RetryPolicy
    /// How many pages ``LagoClient/allPages(_:collectionKey:query:perPage:as:)`` fetches at once.
    public var pageConcurrency: Int

    /// Creates a configuration.
    public init(
        baseURL: URL = URL(string: LagoClientConfiguration.usBaseURL)!,
        apiKey: String,
        userAgent: String = LagoClientConfiguration.defaultUserAgent,
        insecure: Bool = false,
        perPage: Int = 100,
        retry: RetryPolicy = .standard,
        pageConcurrency: Int = 4
    ) {
        self.baseURL = baseURL
        self.apiKey = apiKey
        self.userAgent = userAgent
        self.insecure = insecure
        self.perPage = max(1, perPage)
        self.retry = retry
        self.pageConcurrency = max(1, pageConcurrency)
    }

    /// Whether the base URL needs an "insecure connection" warning (plain HTTP to a
    /// non-loopback host, allowed because ``insecure`` is set).
    public var needsInsecureWarning: Bool {
        URLSecurityPolicy.needsInsecureWarning(baseURL, insecure: insecure)
    }
}

extension LagoClientConfiguration: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// A description that never shows the key.
    public var description: String {
        "LagoClientConfiguration(baseURL: \(baseURL.absoluteString), apiKey: [redacted], insecure: \(insecure))"
    }

    /// The same as ``description``: the key stays hidden in debug output too.
    public var debugDescription: String { description }

    /// What `dump()` and debuggers show: every field except the key's value.
    public var customMirror: Mirror {
        Mirror(self, children: [
            "baseURL": baseURL, "apiKey": "[redacted]", "userAgent": userAgent, "insecure": insecure,
            "perPage": perPage, "pageConcurrency": pageConcurrency,
        ])
    }
}
