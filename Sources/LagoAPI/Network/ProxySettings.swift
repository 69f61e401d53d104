import Foundation

/// Which HTTP(S) proxy a request goes through: an explicit proxy, else the usual environment
/// variables, minus the hosts `NO_PROXY` exempts.
///
/// The transport decides this itself (and always tells libcurl, `""` meaning direct) so that
/// `doctor` can show exactly the route requests take, and so `HTTP_PROXY` in upper case is
/// honoured too (libcurl reads only `http_proxy`). Variables are looked up lower case first,
/// then upper case: `https_proxy`/`HTTPS_PROXY` for https URLs, `http_proxy`/`HTTP_PROXY` for
/// http URLs, then `all_proxy`/`ALL_PROXY`. Loopback is not exempt unless `NO_PROXY` says so,
/// as with curl.
public struct ProxySettings: Sendable, Equatable {
    /// A proxy URL given by flag or profile; wins over the environment. `""` or `"none"` means
    /// direct connections whatever the environment says.
    public var explicit: String?
    /// The environment the proxy variables are read from.
    public var environment: [String: String]

    /// Creates settings from an explicit proxy and an environment.
    public init(explicit: String? = nil, environment: [String: String] = [:]) {
        self.explicit = explicit
        self.environment = environment
    }

    /// The process's own environment and no explicit proxy: the default of every transport.
    public static var processEnvironment: ProxySettings {
        ProxySettings(environment: ProcessInfo.processInfo.environment)
    }

    /// Direct connections only.
    public static var direct: ProxySettings { ProxySettings(explicit: "") }

    /// A chosen proxy and the setting it came from, for display.
    public struct Route: Sendable, Equatable {
        /// The proxy URL as configured (it may carry credentials: never print it, use ``display``).
        public var url: String
        /// `"explicit"` or the environment variable's name.
        public var source: String

        /// The URL without any user name or password, safe to print.
        public var display: String { ProxySettings.redact(url) }
    }

    /// The proxy for `url`, or `nil` for a direct connection.
    public func route(for url: URL) -> Route? {
        let host = url.host(percentEncoded: false) ?? ""
        if isExempt(host) { return nil }
        if let explicit {
            let trimmed = explicit.trimmingCharacters(in: .whitespaces)
            return trimmed.isEmpty || trimmed.lowercased() == "none" ? nil : Route(url: trimmed, source: "explicit")
        }
        let scheme = url.scheme?.lowercased() == "http" ? "http" : "https"
        for name in ["\(scheme)_proxy", "\(scheme)_proxy".uppercased(), "all_proxy", "ALL_PROXY"] {
            if let value = environment[name]?.trimmingCharacters(in: .whitespaces), !value.isEmpty {
                return Route(url: value, source: name)
            }
        }
        return nil
    }

    /// Whether `NO_PROXY` (or `no_proxy`) exempts `host`: `*`, the host itself, or a domain
    /// it is in (`example.com` and `.example.com` both cover `api.example.com`). Ports in
    /// entries are ignored.
    public func isExempt(_ host: String) -> Bool {
        guard let list = environment["no_proxy"] ?? environment["NO_PROXY"] else { return false }
        let name = Self.bare(host)
        for raw in list.split(separator: ",") {
            var entry = raw.trimmingCharacters(in: .whitespaces).lowercased()
            if entry == "*" { return true }
            if entry.hasPrefix("["), let close = entry.firstIndex(of: "]") {
                entry = String(entry[entry.index(after: entry.startIndex)..<close])
            } else if entry.filter({ $0 == ":" }).count == 1, let colon = entry.firstIndex(of: ":") {
                entry = String(entry[..<colon])
            }
            while entry.hasPrefix(".") { entry.removeFirst() }
            guard !entry.isEmpty else { continue }
            if name == entry || name.hasSuffix("." + entry) { return true }
        }
        return false
    }

    /// `http://user:secret@proxy:3128` → `http://proxy:3128`.
    public static func redact(_ proxy: String) -> String {
        guard let at = proxy.lastIndex(of: "@") else { return proxy }
        let schemeEnd = proxy.range(of: "://")?.upperBound ?? proxy.startIndex
        guard at > schemeEnd else { return proxy }
        return String(proxy[..<schemeEnd]) + String(proxy[proxy.index(after: at)...])
    }

    private static func bare(_ host: String) -> String {
        var name = host.lowercased()
        if name.hasPrefix("[") && name.hasSuffix("]") { name = String(name.dropFirst().dropLast()) }
        while name.hasSuffix(".") { name.removeLast() }
        return name
    }
}
