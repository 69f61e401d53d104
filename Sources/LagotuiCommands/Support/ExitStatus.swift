/// The exit codes of every headless command: the same table as Lago's official command line.
/// Scripts depend on these numbers, so changing one is a breaking change.
///
/// | code | meaning |
/// | --- | --- |
/// | 0 | success |
/// | 1 | generic error |
/// | 2 | usage error (bad flag, filter, stream or configuration) |
/// | 3 | authentication or authorization (missing, rejected or forbidden key) |
/// | 4 | not found |
/// | 5 | validation or any other 4xx |
/// | 6 | rate limited (after retries) |
/// | 7 | server error (5xx) |
/// | 8 | network failure or timeout |
public enum ExitStatus: Int32, Sendable, CaseIterable {
    case success = 0
    case generic = 1
    case usage = 2
    case authentication = 3
    case notFound = 4
    case validation = 5
    case rateLimited = 6
    case server = 7
    case network = 8

    /// A one-word name for the README table and `--verbose`.
    public var label: String {
        switch self {
        case .success: return "success"
        case .generic: return "generic error"
        case .usage: return "usage error"
        case .authentication: return "authentication or authorization"
        case .notFound: return "not found"
        case .validation: return "validation or other 4xx"
        case .rateLimited: return "rate limited"
        case .server: return "server error (5xx)"
        case .network: return "network or timeout"
        }
    }

    /// The code for an HTTP status the API answered with.
    public static func forHTTPStatus(_ status: Int) -> ExitStatus {
        switch status {
        case 200..<400: return .success
        case 401, 403: return .authentication
        case 404: return .notFound
        case 429: return .rateLimited
        case 400..<500: return .validation
        case 500...: return .server
        default: return .generic
        }
    }
}

/// A failure a command reports itself: one line for stderr and the exit code it means.
public struct CommandFailure: Error, Sendable, CustomStringConvertible {
    public let status: ExitStatus
    public let message: String
    public init(_ status: ExitStatus, _ message: String) {
        self.status = status
        self.message = message
    }
    public var description: String { message }
}
