import Foundation
import LagoAPI
import Synchronization

/// Wraps a transport and records every request as "GET /api/v1/invoices?… → 200", so a
/// failing session can print the API calls it made and a test can check what was sent.
public final class RequestLogTransport: Transport {
    private let inner: any Transport
    private let log = Mutex<[String]>([])
    private let requests = Mutex<[URL]>([])

    public init(_ inner: any Transport) { self.inner = inner }

    /// Every request so far, oldest first.
    public var calls: [String] { log.withLock { $0 } }

    /// The query items of every request to `path` (under the API base, e.g. "/invoices"), oldest first.
    public func queries(of path: String) -> [[URLQueryItem]] {
        requests.withLock { $0 }.filter { $0.path.hasSuffix("/api/v1" + path) }.map { url in
            URLComponents(url: url, resolvingAgainstBaseURL: false)?.queryItems ?? []
        }
    }

    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        requests.withLock { $0.append(request.url) }
        let line = "\(request.method.rawValue) \(request.url.path)\(request.url.query.map { "?" + $0 } ?? "")"
        do {
            let response = try await inner.send(request)
            log.withLock { $0.append("\(line) → \(response.status)") }
            return response
        } catch {
            log.withLock { $0.append("\(line) → \(error)") }
            throw error
        }
    }
}
