/// Sends HTTP requests. ``CurlTransport`` is the real one; tests use a scripted fake.
///
/// Implementations throw ``LagoError`` only for transport failures: `.connectionFailed` when
/// nothing can have reached the server (refused, DNS, TLS handshake, connect timeout),
/// `.network` or `.timeout` when the request may have been sent, and `.cancelled` when the
/// calling task was cancelled. HTTP error statuses are returned as responses, not thrown.
public protocol Transport: Sendable {
    /// Performs one request and returns the server's response.
    func send(_ request: HTTPRequest) async throws -> HTTPResponse
}
