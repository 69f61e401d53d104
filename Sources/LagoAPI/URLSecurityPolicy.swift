import Foundation

/// Decides which URLs lagotui may talk to.
///
/// HTTPS always; plain HTTP only to loopback hosts (`localhost`, `127.0.0.0/8`, `::1`) unless
/// the user passed `--insecure` (then ``needsInsecureWarning(_:insecure:)`` tells the caller to
/// warn). URLs with embedded credentials are refused so a secret never ends up in a log line.
public enum URLSecurityPolicy {
    /// Throws ``LagoError/insecureURL(_:)`` or ``LagoError/invalidConfiguration(_:)`` when the
    /// URL may not be used.
    public static func validate(_ url: URL, insecure: Bool) throws(LagoError) {
        guard let scheme = url.scheme?.lowercased() else {
            throw .invalidConfiguration("URL \(display(url)) has no scheme (use https://…)")
        }
        guard let host = url.host(percentEncoded: false), !host.isEmpty else {
            throw .invalidConfiguration("URL \(display(url)) has no host")
        }
        if url.user(percentEncoded: false) != nil || url.password(percentEncoded: false) != nil {
            throw .insecureURL("URLs must not contain a user name or password")
        }
        switch scheme {
        case "https":
            return
        case "http":
            if insecure || isLoopback(host) { return }
            throw .insecureURL("plain http:// to \(host) is only allowed for loopback hosts; use https:// or --insecure")
        default:
            throw .insecureURL("unsupported scheme \(scheme)://")
        }
    }

    /// Whether using the URL needs a warning: plain HTTP to a non-loopback host (allowed only
    /// with `insecure`).
    public static func needsInsecureWarning(_ url: URL, insecure: Bool) -> Bool {
        guard url.scheme?.lowercased() == "http", let host = url.host(percentEncoded: false) else { return false }
        return !isLoopback(host)
    }

    /// `localhost`, `*.localhost`, `127.x.x.x` and `::1`.
    public static func isLoopback(_ host: String) -> Bool {
        var name = host.lowercased()
        if name.hasPrefix("[") && name.hasSuffix("]") { name = String(name.dropFirst().dropLast()) }
        if name == "localhost" || name.hasSuffix(".localhost") || name == "::1" { return true }
        let octets = name.split(separator: ".", omittingEmptySubsequences: false)
        guard octets.count == 4, octets[0] == "127" else { return false }
        return octets.allSatisfy { octet in UInt8(octet) != nil }
    }

    private static func display(_ url: URL) -> String {
        TextSanitizer.clean(url.absoluteString, clippedTo: 80)
    }
}
