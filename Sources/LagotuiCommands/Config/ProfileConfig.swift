/// Whether a profile points at live billing data or a test organisation. Live mode asks for
/// confirmation before destructive actions; doctor shows it so nobody mistakes one for the other.
public enum ProfileMode: String, Sendable, Equatable, CaseIterable {
    case live
    case test
}

/// One `[profiles.NAME]` table of config.toml, as written (nothing resolved yet).
public struct ProfileConfig: Sendable, Equatable {
    public var name: String
    public var apiURL: String?
    /// A key written in the file. Prefer `apiKeyCommand`; doctor warns about plain keys.
    public var apiKey: String?
    /// A shell command (run with /bin/sh -c) whose trimmed standard output is the key.
    public var apiKeyCommand: String?
    public var mode: ProfileMode?
    public var readonly: Bool?
    public var theme: String?
    public var downloadDir: String?
    /// Key remapping for the browser: action name → keys (`"F"` or `["F", "ctrl-f"]`).
    public var keys: [String: [String]]
    /// Freshness overrides in seconds, per resource (`invoices = 60`, `plans = "1h"`).
    public var freshness: [String: Int]
    /// Cache size bound in megabytes.
    public var cacheMaxMegabytes: Int?
    /// Network route: extra CA bundle, client certificate and key (mutual TLS), proxy URL.
    public var network = ProfileNetworkConfig()

    public init(name: String) {
        self.name = name
        self.keys = [:]
        self.freshness = [:]
    }
}

/// The network keys of a profile (`ca_file`, `client_cert`, `client_key`, `proxy`), as written.
public struct ProfileNetworkConfig: Sendable, Equatable {
    /// A PEM bundle of company CAs, trusted in addition to the system's.
    public var caFile: String?
    /// A PEM client certificate for mutual TLS.
    public var clientCert: String?
    /// The client certificate's PEM key, when it is in its own file.
    public var clientKey: String?
    /// An HTTP(S) proxy URL; `"none"` forces direct connections.
    public var proxy: String?

    public init() {}

    /// Stores one of ``keys``; false when `key` is not a network key.
    mutating func set(_ key: String, to value: String) -> Bool {
        switch key {
        case "ca_file": caFile = value
        case "client_cert": clientCert = value
        case "client_key": clientKey = value
        case "proxy": proxy = value
        default: return false
        }
        return true
    }
}
