import Foundation

/// Who the browser is talking to: the profile's name, live or test, read-only, and how to
/// reach Lago's web app for "open in Lago".
public struct ProfileInfo: Sendable, Equatable {
    public var name: String
    public var environment: EnvironmentKind
    /// `--readonly` or `readonly = true` on the profile: dangerous actions are removed.
    public var readOnly: Bool
    /// API host for the header ("api.getlago.com").
    public var apiHost: String
    /// Base address of Lago's web app ("https://app.getlago.com"), or nil when unknown.
    public var webAppURL: URL?

    public init(name: String, environment: EnvironmentKind, readOnly: Bool, apiHost: String, webAppURL: URL? = nil) {
        self.name = name
        self.environment = environment
        self.readOnly = readOnly
        self.apiHost = apiHost
        self.webAppURL = webAppURL
    }

    /// The web app matching a Lago API base URL: api.getlago.com → app.getlago.com,
    /// api.eu.getlago.com → app.eu.getlago.com; nil for self-hosted or local servers.
    public static func webApp(forAPI baseURL: URL) -> URL? {
        guard let host = baseURL.host, host.hasPrefix("api."), host.hasSuffix("getlago.com") else { return nil }
        return URL(string: "https://app." + host.dropFirst(4))
    }
}

/// A profile plus the data source that serves it.
public struct BrowserSession: Sendable {
    public var profile: ProfileInfo
    public var dataSource: any BrowserDataSource

    public init(profile: ProfileInfo, dataSource: any BrowserDataSource) {
        self.profile = profile
        self.dataSource = dataSource
    }
}

/// Settings from the config file that shape the browser.
public struct BrowserConfiguration: Sendable {
    /// Live usage refresh interval; values under `minimumUsageRefresh` are raised to it.
    public var usageRefreshInterval: Duration {
        get { _usageRefreshInterval }
        set { _usageRefreshInterval = max(newValue, BrowserConfiguration.minimumUsageRefresh) }
    }
    private var _usageRefreshInterval: Duration = .seconds(5)
    /// The shortest allowed usage refresh interval (2 s), to spare the API.
    public static let minimumUsageRefresh: Duration = .seconds(2)
    /// Longest wait between usage polls after repeated errors.
    public var maximumBackoff: Duration = .seconds(60)
    /// Rows per page requested from the API.
    public var perPage: Int = 50
    /// First wait before a failed load is retried by itself; each further failure doubles it.
    public var recoveryInitialDelay: Duration = .seconds(1)
    /// The longest wait between automatic retries while Lago stays unreachable.
    public var recoveryMaximumDelay: Duration = .seconds(30)
    /// Requests a bulk action keeps in flight at once (Lago has no bulk endpoint).
    public var bulkConcurrency: Int = 4
    /// Where PDFs go; nil means ~/Downloads when it exists, else the current directory.
    public var downloadDirectory: URL?
    /// The config's key-binding table: action name → keys (`<disabled>` to unbind).
    public var keyBindings: [String: [String]] = [:]
    /// Pause after the customer cursor stops before loading its panes (0 loads at once).
    public var selectionDebounce: Duration = .milliseconds(150)
    /// Names of the configured profiles (for `:profile` completion and checks).
    public var profiles: [String] = []
    /// Home directory (for the download default); injectable for tests.
    public var homeDirectory: URL = FileManager.default.homeDirectoryForCurrentUser
    /// Current directory (download fallback); injectable for tests.
    public var currentDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)

    public init() {}

    /// The directory a PDF download lands in.
    public func resolvedDownloadDirectory(fileExists: (String) -> Bool = { FileManager.default.fileExists(atPath: $0) }) -> URL {
        if let downloadDirectory { return downloadDirectory }
        let downloads = homeDirectory.appendingPathComponent("Downloads", isDirectory: true)
        return fileExists(downloads.path) ? downloads : currentDirectory
    }
}
