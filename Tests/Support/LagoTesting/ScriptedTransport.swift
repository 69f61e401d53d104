import Foundation
import LagoAPI
import Synchronization

/// A fake ``Transport`` for tests: answers by method and path prefix with scripted JSON,
/// statuses, headers, transport errors and latency, and records every request.
///
/// Paths are matched relative to ``basePath`` (default `/api/v1`), so scripts read like the
/// API: `transport.on(.get, "/invoices", json: …)`. The longest matching prefix wins; among
/// equal prefixes the latest script wins. A script with several replies gives them in turn and
/// then repeats the last. Unscripted requests get Lago's 404 `resource_not_found`.
///
/// ```swift
/// let transport = ScriptedTransport()
/// transport.on(.get, "/invoices", json: #"{"invoices":[],"meta":{"current_page":0}}"#)
/// transport.on(.put, "/invoices/abc/finalize", replies: [.error(.network("reset"))])
/// let client = try transport.makeClient()
/// ```
public final class ScriptedTransport: Transport, Sendable {
    /// One scripted answer.
    public enum Reply: Sendable {
        /// An HTTP response with a JSON (or any) body.
        case response(status: Int, body: Data, headers: [String: String], latency: Duration?)
        /// A transport failure (`.network`, `.timeout`, `.connectionFailed`…), after `latency`.
        case failure(LagoError, latency: Duration?)
        /// Waits until the named gate is opened with ``ScriptedTransport/open(_:)``, then gives
        /// the inner reply (lets tests hold a request in flight without sleeping).
        indirect case gated(String, Reply)

        /// A JSON response.
        public static func json(_ json: String, status: Int = 200, headers: [String: String] = [:], latency: Duration? = nil) -> Reply {
            .response(status: status, body: Data(json.utf8), headers: headers, latency: latency)
        }

        /// Lago's error envelope with the given status and code.
        public static func lagoError(status: Int, code: String? = nil, error: String = "", details: [String: [String]] = [:]) -> Reply {
            var object: [String: Any] = ["status": status, "error": error]
            if let code { object["code"] = code }
            if !details.isEmpty { object["error_details"] = details }
            let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
            return .response(status: status, body: data, headers: [:], latency: nil)
        }

        /// A transport error.
        public static func error(_ error: LagoError, latency: Duration? = nil) -> Reply {
            .failure(error, latency: latency)
        }
    }

    /// One recorded request with the path relative to ``basePath``.
    public struct Call: Sendable, Equatable {
        /// The request as sent.
        public let request: HTTPRequest
        /// Its method.
        public var method: HTTPMethod { request.method }
        /// Its path relative to the base path, e.g. `/invoices`.
        public let path: String
        /// Its query items, in order.
        public var queryItems: [URLQueryItem] {
            URLComponents(url: request.url, resolvingAgainstBaseURL: false)?.queryItems ?? []
        }
        /// The value of one query parameter.
        public func query(_ name: String) -> String? {
            queryItems.first { $0.name == name }?.value
        }
    }

    private struct Script {
        let method: HTTPMethod
        let prefix: String
        var replies: [Reply]
        let order: Int
    }

    private struct State {
        var scripts: [Script] = []
        var calls: [Call] = []
        var openGates: Set<String> = []
        var gateWaiters: [String: [UInt64]] = [:]
        var arrivalWaiters: [(count: Int, id: UInt64)] = []
    }

    /// The URL path prefix stripped before matching (the API root path).
    public let basePath: String
    private let state = Mutex(State())
    private let waiters = WaiterSet()

    /// Creates an empty script.
    public init(basePath: String = "/api/v1") {
        self.basePath = basePath
    }

    // MARK: - Scripting

    /// Answers `method` on paths starting with `pathPrefix` with the given replies in turn.
    public func on(_ method: HTTPMethod, _ pathPrefix: String, replies: [Reply]) {
        precondition(!replies.isEmpty, "a script needs at least one reply")
        state.withLock { state in
            state.scripts.append(Script(method: method, prefix: pathPrefix, replies: replies, order: state.scripts.count))
        }
    }

    /// Answers `method` on paths starting with `pathPrefix` with JSON.
    public func on(_ method: HTTPMethod, _ pathPrefix: String, status: Int = 200, json: String, headers: [String: String] = [:], latency: Duration? = nil) {
        on(method, pathPrefix, replies: [.json(json, status: status, headers: headers, latency: latency)])
    }

    /// Opens a gate: requests waiting on it (and later ones) proceed.
    public func open(_ gate: String) {
        let ready = state.withLock { state -> [UInt64] in
            state.openGates.insert(gate)
            return state.gateWaiters.removeValue(forKey: gate) ?? []
        }
        for id in ready { waiters.resume(id) }
    }

    // MARK: - Inspection

    /// Every request so far, in arrival order.
    public var calls: [Call] { state.withLock { $0.calls } }

    /// The requests for `method` whose path matches `pathPrefix` the way scripts do
    /// (`/invoices` matches `/invoices/abc`, not `/invoices_x`).
    public func calls(_ method: HTTPMethod, _ pathPrefix: String) -> [Call] {
        calls.filter { $0.method == method && Self.matches(path: $0.path, prefix: pathPrefix) }
    }

    /// Suspends until at least `count` requests have arrived (no sleeping, no polling), or
    /// until the waiting task is cancelled.
    public func waitForCalls(_ count: Int) async {
        await waiters.wait { [self] id in
            state.withLock { state in
                if state.calls.count >= count { return true }
                state.arrivalWaiters.append((count, id))
                return false
            }
        }
    }

    /// A client on this transport with a virtual retry clock (no real backoff waits).
    public func makeClient(
        apiKey: String = "scripted-test-key",
        perPage: Int = 100,
        retry: RetryPolicy = RetryPolicy(clock: VirtualClock().retryClock)
    ) throws -> LagoClient {
        let configuration = LagoClientConfiguration(
            baseURL: URL(string: "http://127.0.0.1:9\(basePath)")!,
            apiKey: apiKey,
            perPage: perPage,
            retry: retry
        )
        return try LagoClient(configuration: configuration, transport: self)
    }

    // MARK: - Transport

    /// Records the request and plays the matching reply.
    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let path = relativePath(of: request.url)
        let (reply, ready) = state.withLock { state -> (Reply?, [UInt64]) in
            state.calls.append(Call(request: request, path: path))
            let arrived = state.calls.count
            var ready: [UInt64] = []
            state.arrivalWaiters.removeAll { waiter in
                guard waiter.count <= arrived else { return false }
                ready.append(waiter.id)
                return true
            }
            return (nextReply(for: request.method, path: path, in: &state), ready)
        }
        for id in ready { waiters.resume(id) }
        guard let reply else {
            let body = #"{"status":404,"error":"Not Found","code":"resource_not_found"}"#
            return HTTPResponse(status: 404, body: Data(body.utf8), url: request.url)
        }
        return try await play(reply, for: request)
    }

    private func play(_ reply: Reply, for request: HTTPRequest) async throws -> HTTPResponse {
        switch reply {
        case let .response(status, body, headers, latency):
            try await pause(latency)
            return HTTPResponse(status: status, headers: headers, body: body, url: request.url)
        case let .failure(error, latency):
            try await pause(latency)
            throw error
        case let .gated(gate, inner):
            await waitForGate(gate)
            if Task.isCancelled { throw LagoError.cancelled }
            return try await play(inner, for: request)
        }
    }

    private func pause(_ latency: Duration?) async throws {
        guard let latency else { return }
        do {
            try await Task.sleep(for: latency)
        } catch {
            throw LagoError.cancelled
        }
    }

    private func waitForGate(_ gate: String) async {
        await waiters.wait { [self] id in
            state.withLock { state in
                if state.openGates.contains(gate) { return true }
                state.gateWaiters[gate, default: []].append(id)
                return false
            }
        }
    }

    private func nextReply(for method: HTTPMethod, path: String, in state: inout State) -> Reply? {
        let candidates = state.scripts.indices.filter { index in
            let script = state.scripts[index]
            return script.method == method && Self.matches(path: path, prefix: script.prefix)
        }
        guard let best = candidates.max(by: { lhs, rhs in
            let left = state.scripts[lhs], right = state.scripts[rhs]
            return (left.prefix.count, left.order) < (right.prefix.count, right.order)
        }) else { return nil }
        let reply = state.scripts[best].replies[0]
        if state.scripts[best].replies.count > 1 { state.scripts[best].replies.removeFirst() }
        return reply
    }

    /// `/invoices` matches `/invoices`, `/invoices/abc` and `/invoices?x`, not `/invoices_x`.
    static func matches(path: String, prefix: String) -> Bool {
        guard path.hasPrefix(prefix) else { return false }
        if prefix.hasSuffix("/") || path.count == prefix.count { return true }
        let next = path[path.index(path.startIndex, offsetBy: prefix.count)]
        return next == "/"
    }

    private func relativePath(of url: URL) -> String {
        let path = url.path(percentEncoded: true)
        if !basePath.isEmpty, path.hasPrefix(basePath) {
            let rest = String(path.dropFirst(basePath.count))
            return rest.isEmpty ? "/" : rest
        }
        return path
    }
}
