import Foundation
import LagoAPI

/// Wraps the real transport to remember the last exchange that failed (status ≥ 400 or a
/// transport error), so `--verbose` can print its request id, URL, status and a body excerpt.
/// It never records headers sent (the Authorization header carries the key).
public struct RecordingTransport: Transport {
    let base: any Transport

    public init(_ base: any Transport) { self.base = base }

    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        do {
            let response = try await base.send(request)
            if response.status >= 400 {
                let excerpt = String(decoding: response.body.prefix(300), as: UTF8.self)
                Diagnostics.shared.recordFailure(FailedExchange(
                    method: request.method.rawValue, url: request.url.absoluteString, status: response.status,
                    requestID: response.header("x-request-id") ?? response.header("x-lago-request-id"),
                    bodyExcerpt: excerpt.replacingOccurrences(of: "\n", with: " ")))
            }
            return response
        } catch {
            // A request cancelled because another one failed (an export stops its other pages)
            // is not the failure to explain: keep the one that was.
            if Task.isCancelled { throw error }
            Diagnostics.shared.recordFailure(FailedExchange(
                method: request.method.rawValue, url: request.url.absoluteString, status: nil, requestID: nil,
                bodyExcerpt: ""))
            throw error
        }
    }
}
