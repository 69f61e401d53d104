import Foundation
import LagoAPI
import Synchronization

/// Wraps a transport and records every request as "GET /api/v1/invoices?… → 200", so a
/// failing terminal session can print the API calls it made.
final class RecordingTransport: Transport {
    private let inner: any Transport
    private let log = Mutex<[String]>([])

    init(_ inner: any Transport) { self.inner = inner }

    var calls: [String] { log.withLock { $0 } }

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
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
