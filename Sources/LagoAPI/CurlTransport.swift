import CCurl
import Foundation
import Synchronization

/// The real ``Transport``: libcurl's multi interface, driven by one dedicated thread.
///
/// Requests are `async`; up to ``Options/maxConcurrentRequests`` run at once (the rest wait
/// in order), connections are kept alive and reused, HTTP/2 is used when the server offers it
/// over TLS, and gzip/deflate/brotli bodies are decompressed. Every request has a connect and
/// a total timeout and is cancelled when its task is. TLS verification is always on.
/// Redirects are followed only when ``HTTPRequest/followRedirects`` is set (requests that carry
/// no credentials), and only over HTTPS when the request started on HTTPS.
///
/// A mutating request (`POST`/`PUT`/`DELETE`) always opens a fresh connection, so libcurl never
/// silently re-sends it after a kept-alive connection turns out to be dead.
public final class CurlTransport: Transport, @unchecked Sendable {
    /// Limits and timeouts for a transport.
    public struct Options: Sendable, Equatable {
        /// How many requests may be in flight at once (at least 1).
        public var maxConcurrentRequests: Int
        /// How long connecting (DNS, TCP, TLS) may take.
        public var connectTimeout: Duration
        /// How long a whole request may take unless the request sets its own timeout.
        public var requestTimeout: Duration
        /// Responses larger than this fail with ``LagoError/network(_:)``.
        public var maxResponseBytes: Int
        /// Extra trust (a company CA) and the client certificate for mutual TLS.
        public var tls: TLSSettings
        /// The HTTP(S) proxy route; by default the process environment's.
        public var proxy: ProxySettings
        /// Attach a ``ConnectionReport`` (TLS and HTTP versions, server certificate, proxy) to
        /// every response. For `doctor`; off by default because it collects the certificate
        /// chain on every handshake.
        public var inspectConnections: Bool

        /// Creates options; the defaults suit Lago Cloud.
        public init(
            maxConcurrentRequests: Int = 8,
            connectTimeout: Duration = .seconds(10),
            requestTimeout: Duration = .seconds(30),
            maxResponseBytes: Int = 256 << 20,
            tls: TLSSettings = TLSSettings(),
            proxy: ProxySettings = .processEnvironment,
            inspectConnections: Bool = false
        ) {
            self.maxConcurrentRequests = max(1, maxConcurrentRequests)
            self.connectTimeout = connectTimeout
            self.requestTimeout = requestTimeout
            self.maxResponseBytes = maxResponseBytes
            self.tls = tls
            self.proxy = proxy
            self.inspectConnections = inspectConnections
        }
    }

    /// The options this transport was created with.
    public let options: Options
    /// The trusted certificate authorities, read once; a failure to read `tls.caFile` fails
    /// every request with that error rather than falling back to less trust.
    public let certificates: Result<CertificateBundle, LagoError>
    private let loop: CurlMultiLoop

    /// Starts the transport's thread and libcurl multi handle.
    public init(options: Options = Options()) {
        CurlGlobal.initialize()
        self.options = options
        self.certificates = Result { () throws(LagoError) in try CertificateBundle.load(extraPath: options.tls.caFile) }
        self.loop = CurlMultiLoop(options: options)
        loop.start()
    }

    deinit {
        loop.shutdown()
    }

    /// Sends one request on the multi handle and suspends until it completes.
    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        if Task.isCancelled { throw LagoError.cancelled }
        let transfer = CurlTransfer(request: request, options: options, certificates: try certificates.get())
        let loop = self.loop
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<HTTPResponse, any Error>) in
                transfer.continuation = continuation
                loop.submit(transfer)
            }
        } onCancel: {
            transfer.requestCancellation()
            loop.wakeUp()
        }
    }

    /// How many requests are queued or in flight right now (for diagnostics and tests).
    public var pendingRequestCount: Int { loop.pendingCount }
}

/// Runs `curl_global_init` exactly once, before the first handle is created.
enum CurlGlobal {
    private static let once: Bool = {
        curl_global_init(Int(CURL_GLOBAL_ALL)) == CURLE_OK
    }()

    static func initialize() {
        _ = once
    }
}
