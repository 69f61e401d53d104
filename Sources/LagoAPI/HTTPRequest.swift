import Foundation

/// One HTTP request handed to a ``Transport``.
///
/// A plain value so fakes can record and compare it. Header names are sent as given.
public struct HTTPRequest: Sendable, Equatable {
    /// The verb.
    public var method: HTTPMethod
    /// The absolute URL, query included.
    public var url: URL
    /// Request headers (for example `Authorization`, `Accept`, `User-Agent`).
    public var headers: [String: String]
    /// The request body, if any (JSON for the Lago API).
    public var body: Data?
    /// The total time allowed for this request; `nil` uses the transport's default.
    public var timeout: Duration?
    /// Whether the transport may follow HTTP redirects. Off for API calls, so an
    /// `Authorization` header can never be carried to another host; on only for requests that
    /// carry no credentials (the invoice file download).
    public var followRedirects: Bool

    /// Creates a request.
    public init(
        method: HTTPMethod,
        url: URL,
        headers: [String: String] = [:],
        body: Data? = nil,
        timeout: Duration? = nil,
        followRedirects: Bool = false
    ) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.timeout = timeout
        self.followRedirects = followRedirects
    }

    /// The value of a header, matched case-insensitively.
    public func header(_ name: String) -> String? {
        let lowered = name.lowercased()
        return headers.first { $0.key.lowercased() == lowered }?.value
    }
}

extension HTTPRequest: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// `GET https://…` with header names only: header values may hold the API key.
    public var description: String {
        "\(method.rawValue) \(url.absoluteString) headers: [\(headers.keys.sorted().joined(separator: ", "))]"
    }
    /// The same as ``description``.
    public var debugDescription: String { description }
    /// What `dump()` shows: `Authorization` is redacted.
    public var customMirror: Mirror {
        var shown = headers
        for name in shown.keys where name.lowercased() == "authorization" { shown[name] = "[redacted]" }
        return Mirror(self, children: [
            "method": method, "url": url, "headers": shown, "body": body as Any, "timeout": timeout as Any,
            "followRedirects": followRedirects,
        ])
    }
}
