import CCurl
import Foundation
import Synchronization

/// One request's state while libcurl works on it.
///
/// Created on the caller's task; after ``CurlMultiLoop/submit(_:)`` every field except the
/// cancellation flag is touched only by the loop thread (the inbox mutex orders the handoff).
final class CurlTransfer: @unchecked Sendable {
    let request: HTTPRequest
    let options: CurlTransport.Options
    let certificates: CertificateBundle
    /// The proxy chosen for this request's URL (decided once, before the handle is made).
    let proxyRoute: ProxySettings.Route?
    var continuation: CheckedContinuation<HTTPResponse, any Error>?
    private let cancelFlag = Atomic<Bool>(false)

    // Loop-thread state.
    var easy: UnsafeMutableRawPointer?
    var headerList: UnsafeMutablePointer<curl_slist>?
    var errorBuffer: UnsafeMutablePointer<CChar>?
    var body = Data()
    var headers: [String: String] = [:]
    var bodyTooLarge = false
    /// libcurl's "SSL connection using …" line, kept only when inspecting connections.
    var tlsDebugLine: String?

    init(request: HTTPRequest, options: CurlTransport.Options, certificates: CertificateBundle) {
        self.request = request
        self.options = options
        self.certificates = certificates
        self.proxyRoute = options.proxy.route(for: request.url)
    }

    /// Keeps the one informational line that names the TLS version; every other debug line
    /// (request headers included, which carry the key) is dropped unread.
    func receiveDebugText(_ bytes: UnsafeRawPointer, count: Int) {
        let prefix = "SSL connection using "
        guard count > prefix.utf8.count, count < 512 else { return }
        let line = String(decoding: UnsafeRawBufferPointer(start: bytes, count: count), as: UTF8.self)
        if line.hasPrefix(prefix) { tlsDebugLine = line }
    }

    /// Marks the transfer cancelled; the loop removes it on its next turn.
    func requestCancellation() {
        cancelFlag.store(true, ordering: .releasing)
    }

    var isCancelled: Bool { cancelFlag.load(ordering: .acquiring) }

    /// Resumes the waiting task exactly once.
    func finish(_ result: Result<HTTPResponse, LagoError>) {
        guard let continuation else { return }
        self.continuation = nil
        switch result {
        case .success(let response): continuation.resume(returning: response)
        case .failure(let error): continuation.resume(throwing: error)
        }
    }

    /// Appends body bytes; returns how many were taken (fewer aborts the transfer). libcurl's
    /// buffer is copied once, into a body sized from `Content-Length` up front, so a page is
    /// not regrown (and copied again) as it arrives; the body then goes on without copies
    /// (list pages are sliced in place, see ``JSONSlicer/checkedPage(_:collectionKey:)``).
    func receiveBody(_ bytes: UnsafeRawPointer, count: Int) -> Int {
        if body.count + count > options.maxResponseBytes {
            bodyTooLarge = true
            return 0
        }
        if body.isEmpty, let length = headers["content-length"].flatMap({ Int($0) }), length > count {
            body.reserveCapacity(min(length, options.maxResponseBytes))
        }
        body.append(bytes.assumingMemoryBound(to: UInt8.self), count: count)
        return count
    }

    /// Records one header line; a new status line (redirect, `100 Continue`) starts over.
    func receiveHeaderLine(_ bytes: UnsafeRawPointer, count: Int) {
        let line = String(decoding: UnsafeRawBufferPointer(start: bytes, count: count), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        if line.hasPrefix("HTTP/") {
            headers = [:]
            return
        }
        guard let colon = line.firstIndex(of: ":") else { return }
        let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
        let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { return }
        if let existing = headers[name] {
            headers[name] = existing + ", " + value
        } else {
            headers[name] = value
        }
    }

    /// Frees the easy handle and everything attached to it (loop thread only).
    func releaseHandle() {
        if let easy { curl_easy_cleanup(easy) }
        easy = nil
        if let headerList { curl_slist_free_all(headerList) }
        headerList = nil
        errorBuffer?.deallocate()
        errorBuffer = nil
    }
}
