import Foundation

/// Every failure the Lago API core reports, with a one-line ``message`` for humans.
///
/// HTTP statuses map to cases (`401` → ``unauthorized``, `404` → ``notFound(_:)``, `429` →
/// ``rateLimited(retryAfter:)``, `5xx` → ``server(status:)``, business refusals and validation
/// errors → ``api(status:code:error:details:)``); transport problems distinguish a request
/// that never left (``connectionFailed(_:)``) from one that may have reached the server
/// (``network(_:)``, ``timeout``). Messages never contain the API key.
public enum LagoError: Error, Sendable, Equatable {
    /// A refusal or validation error from Lago's `{status, error, code, error_details}` body.
    /// `details` is `error_details` flattened to `field → [codes or messages]` (nested keys
    /// joined with "."), so `{"countries":{"0":["…"]}}` becomes `["countries.0": ["…"]]`.
    case api(status: Int, code: String?, error: String, details: [String: [String]])
    /// 401: the key is missing, unknown or expired.
    case unauthorized
    /// 403: the key may not do this, or the feature is unavailable (Lago's `code`, if any).
    case forbidden(code: String?)
    /// 404: Lago's code such as `invoice_not_found`, or `resource_not_found` for unknown paths.
    case notFound(String?)
    /// 429 (after retries ran out, or for a mutation); how long the server asked us to wait.
    case rateLimited(retryAfter: Duration?)
    /// 5xx from Lago or a gateway in front of it.
    case server(status: Int)
    /// The connection broke after the request may have been sent (reset, body cut short…).
    case network(String)
    /// The request never reached the server (refused, DNS, TLS handshake, connect timeout),
    /// so it is always safe to try again.
    case connectionFailed(String)
    /// The request took longer than its total time limit after connecting.
    case timeout
    /// The response did not have the expected shape: the JSON coding path
    /// (`invoices[3].fees[0].amount_cents`) and a short snippet of what was found there.
    case decoding(path: String, snippet: String)
    /// The calling task was cancelled.
    case cancelled
    /// A mutation may or may not have happened (the connection failed after it was sent).
    /// The payload names what to check, for example `invoice`.
    case outcomeUnknown(String)
    /// The URL is refused: plain `http://` to a non-loopback host without `--insecure`,
    /// credentials in the URL, or an unsupported scheme. The payload explains why.
    case insecureURL(String)
    /// The configuration or a URL is malformed (the payload explains what).
    case invalidConfiguration(String)
    /// The invoice file could not be produced (not generated in time, not a PDF, not writable).
    case downloadFailed(String)

    /// Whether the same request may simply be sent again: nothing reached the server, or the
    /// server asked us to come back later.
    public var isTransient: Bool {
        switch self {
        case .connectionFailed, .network, .timeout, .rateLimited: true
        case .server(let status): [502, 503, 504].contains(status)
        default: false
        }
    }
}

extension LagoError: LocalizedError {
    /// The same one-line text as ``message``, so `error.localizedDescription` is useful too.
    public var errorDescription: String? { message }
}

extension LagoError: CustomStringConvertible {
    /// The one-line message.
    public var description: String { message }
}
