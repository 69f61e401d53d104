import Foundation

/// One HTTP response as returned by a ``Transport``. Error statuses are responses, not throws.
public struct HTTPResponse: Sendable, Equatable {
    /// The HTTP status code (200, 404, 429…).
    public var status: Int
    /// Response headers with lowercased names; repeated headers are joined with ", ".
    public var headers: [String: String]
    /// The (already decompressed) body.
    public var body: Data
    /// The URL that answered (after redirects, when they were allowed).
    public var url: URL
    /// How the connection was made, when the transport was asked to inspect connections.
    public var connection: ConnectionReport?

    /// Creates a response; header names are lowercased here.
    public init(status: Int, headers: [String: String] = [:], body: Data = Data(), url: URL,
                connection: ConnectionReport? = nil) {
        self.status = status
        var lowered: [String: String] = [:]
        for (name, value) in headers { lowered[name.lowercased()] = value }
        self.headers = lowered
        self.body = body
        self.url = url
        self.connection = connection
    }

    /// Whether the status is 2xx.
    public var isSuccess: Bool { (200..<300).contains(status) }

    /// The value of a header (name matched case-insensitively).
    public func header(_ name: String) -> String? { headers[name.lowercased()] }
}
