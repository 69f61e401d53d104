import LagoAPI

extension ErrorReporter {
    /// The exit code for an API failure (see `ExitStatus` for the table).
    public static func exitStatus(for error: LagoError) -> ExitStatus {
        switch error {
        case .unauthorized, .forbidden: return .authentication
        case .notFound: return .notFound
        case let .api(status, _, _, _): return ExitStatus.forHTTPStatus(status) == .success ? .validation : ExitStatus.forHTTPStatus(status)
        case .rateLimited: return .rateLimited
        case .server: return .server
        case .network, .connectionFailed, .timeout: return .network
        case .insecureURL, .invalidConfiguration: return .usage
        case .decoding, .cancelled, .outcomeUnknown, .downloadFailed: return .generic
        }
    }
}
