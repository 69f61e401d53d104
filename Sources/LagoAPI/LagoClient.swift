import Foundation

/// The Lago API client: a configuration plus a ``Transport``.
///
/// The generic core (``listPage(_:collectionKey:query:page:perPage:as:)``,
/// ``rawPage(_:collectionKey:query:page:perPage:)``, ``getObject(_:rootKey:query:as:)``,
/// ``mutate(_:_:body:rootKey:as:)``, ``allPages(_:collectionKey:query:perPage:as:)``) builds
/// URLs, adds `Authorization: Bearer`, retries what is safe to retry, maps errors to
/// ``LagoError`` and decodes with ``LagoJSON/decoder``. Typed calls per resource build on it.
/// Paths are relative to the base URL (`/invoices`, `/invoices/ID/finalize`); use
/// ``pathSegment(_:)`` for IDs that come from users or data.
public struct LagoClient: Sendable {
    /// The configuration (it holds the key: never print it; its description redacts it).
    public let configuration: LagoClientConfiguration
    /// The transport requests go through.
    public let transport: any Transport

    /// Creates a client; refuses `http://` to non-loopback hosts unless the configuration is
    /// `insecure`, and refuses an empty key.
    public init(configuration: LagoClientConfiguration, transport: any Transport) throws {
        try URLSecurityPolicy.validate(configuration.baseURL, insecure: configuration.insecure)
        guard !configuration.apiKey.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw LagoError.invalidConfiguration("the API key is empty (set LAGO_API_KEY or --api-key)")
        }
        guard !configuration.apiKey.contains(where: { $0.isNewline || $0 == "\0" }) else {
            throw LagoError.invalidConfiguration("the API key contains a line break")
        }
        self.configuration = configuration
        self.transport = transport
    }

    /// Percent-encodes one path segment (an external ID may contain `/`, spaces or `?`).
    public static func pathSegment(_ value: String) -> String {
        value.addingPercentEncoding(withAllowedCharacters: .lagoUnreserved) ?? value
    }

    /// The absolute URL for a path relative to the base URL, with a query.
    public func url(for path: String, query: [URLQueryItem] = []) throws -> URL {
        var base = configuration.baseURL.absoluteString
        while base.hasSuffix("/") { base.removeLast() }
        var relative = path
        while relative.hasPrefix("/") { relative.removeFirst() }
        var text = relative.isEmpty ? base : base + "/" + relative
        if !query.isEmpty {
            text += "?" + query.map { item in
                let name = item.name.addingPercentEncoding(withAllowedCharacters: .lagoUnreserved) ?? item.name
                guard let value = item.value else { return name }
                return name + "=" + (value.addingPercentEncoding(withAllowedCharacters: .lagoUnreserved) ?? value)
            }.joined(separator: "&")
        }
        guard let url = URL(string: text) else {
            throw LagoError.invalidConfiguration("cannot build a URL for \(TextSanitizer.clean(path, clippedTo: 80))")
        }
        return url
    }

    /// The headers every API request carries.
    func headers(hasBody: Bool) -> [String: String] {
        var headers = [
            "Authorization": "Bearer \(configuration.apiKey)",
            "Accept": "application/json",
            "User-Agent": configuration.userAgent,
        ]
        if hasBody { headers["Content-Type"] = "application/json" }
        return headers
    }
}

extension CharacterSet {
    /// RFC 3986 unreserved characters: everything else is percent-encoded (including `+`,
    /// which Rails would read as a space, `&`, `=`, `/`, and the brackets of `status[]`, which
    /// Rails decodes back; a URL with raw brackets would be re-encoded by Foundation).
    static let lagoUnreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
}

extension LagoClient: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// A description that never shows the key.
    public var description: String { "LagoClient(\(configuration.baseURL.absoluteString))" }
    /// The same as ``description``.
    public var debugDescription: String { description }
    /// What `dump()` shows: the configuration (key redacted), not the raw fields.
    public var customMirror: Mirror { Mirror(self, children: ["configuration": configuration]) }
}
