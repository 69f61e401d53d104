/// The HTTP verbs the Lago API uses.
///
/// Only `GET` is treated as idempotent by ``LagoClient``: everything else is a mutation that is
/// never retried once it may have reached the server.
public enum HTTPMethod: String, Sendable, Hashable, CaseIterable {
    case get = "GET"
    case post = "POST"
    case put = "PUT"
    case delete = "DELETE"

    /// Whether repeating the request cannot change server state (only `GET` here).
    public var isIdempotent: Bool { self == .get }
}
