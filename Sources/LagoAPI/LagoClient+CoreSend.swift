import Foundation

extension LagoClient {
    /// Sends one API request with the retry rules of ``RetryPolicy`` and returns a 2xx response.
    ///
    /// Idempotent requests are retried on transient failures. A mutation is retried only when
    /// it cannot have left (``LagoError/connectionFailed(_:)``); once it may have reached the
    /// server, a broken connection, a timeout, a cancellation or a 502/504 from a gateway
    /// becomes ``LagoError/outcomeUnknown(_:)``. Every thrown error has the key redacted.
    public func send(
        _ method: HTTPMethod,
        _ path: String,
        query: [URLQueryItem] = [],
        body: Data? = nil,
        idempotent: Bool? = nil
    ) async throws -> HTTPResponse {
        do {
            let url = try url(for: path, query: query)
            let request = HTTPRequest(method: method, url: url, headers: headers(hasBody: body != nil), body: body)
            return try await sendWithRetries(request, path: path, idempotent: idempotent ?? method.isIdempotent)
        } catch let error as LagoError {
            throw error.redacting(configuration.apiKey)
        }
    }

    /// The retry loop shared by API calls and the credential-free file download.
    func sendWithRetries(_ request: HTTPRequest, path: String, idempotent: Bool) async throws(LagoError) -> HTTPResponse {
        let policy = configuration.retry
        let start = policy.clock.now()
        var attempt = 1
        while true {
            if Task.isCancelled { throw .cancelled }
            let response: HTTPResponse
            do {
                response = try await transport.send(request)
            } catch {
                let failure = Self.transportError(error)
                switch failure {
                case .connectionFailed:
                    break  // nothing was sent: retrying is safe for every method
                case .network, .timeout:
                    if !idempotent { throw .outcomeUnknown(Self.subject(of: path)) }
                case .cancelled:
                    if !idempotent { throw .outcomeUnknown(Self.subject(of: path)) }
                    throw .cancelled
                default:
                    throw failure
                }
                guard let delay = nextDelay(after: attempt, requested: nil, start: start, policy: policy) else {
                    throw failure
                }
                try await Self.wait(delay, policy: policy)
                attempt += 1
                continue
            }

            if response.isSuccess { return response }
            let error = LagoError.from(response: response, method: request.method, path: path)
            if !idempotent, response.status == 502 || response.status == 504 {
                throw .outcomeUnknown(Self.subject(of: path))
            }
            guard idempotent, Self.retryableStatuses.contains(response.status) else { throw error }
            let requested = RateLimitHeaders.delay(in: response)
            guard let delay = nextDelay(after: attempt, requested: requested, start: start, policy: policy) else {
                throw error
            }
            try await Self.wait(delay, policy: policy)
            attempt += 1
        }
    }

    /// Statuses worth another try for an idempotent request.
    static let retryableStatuses: Set<Int> = [429, 502, 503, 504]

    private func nextDelay(after attempt: Int, requested: Duration?, start: Duration, policy: RetryPolicy) -> Duration? {
        guard attempt < policy.maxAttempts else { return nil }
        let delay = requested ?? policy.backoff(beforeRetry: attempt)
        let elapsed = policy.clock.now() - start
        guard elapsed + delay <= policy.maxTotalTime else { return nil }
        return delay
    }

    private static func wait(_ delay: Duration, policy: RetryPolicy) async throws(LagoError) {
        do {
            try await policy.clock.sleep(delay)
        } catch {
            throw .cancelled
        }
        if Task.isCancelled { throw .cancelled }
    }

    static func transportError(_ error: any Error) -> LagoError {
        switch error {
        case let error as LagoError: error
        case is CancellationError: .cancelled
        default: .network(String(describing: error))
        }
    }

    /// What a user should check when a mutation's outcome is unknown:
    /// `/invoices/ID/finalize` → "invoice", `/wallet_transactions` → "wallet".
    static func subject(of path: String) -> String {
        let first = path.split(separator: "/").first.map(String.init) ?? "record"
        switch first {
        case "wallet_transactions": return "wallet"
        case "analytics": return "record"
        default:
            let singular = first.hasSuffix("ies") ? String(first.dropLast(3)) + "y"
                : first.hasSuffix("s") ? String(first.dropLast()) : first
            return singular.replacingOccurrences(of: "_", with: " ")
        }
    }
}
