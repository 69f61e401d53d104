import FlyingFox
import Foundation
import LagoAPI
import LagoTesting
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// What a loopback test server saw of one request.
struct SeenRequest: Sendable {
    let method: String
    let path: String
    let authorization: String?
    let acceptEncoding: String?
    let userAgent: String?
    let body: Data
}

/// A one-shot latch tests await instead of sleeping.
final class Gate: Sendable {
    private let state = Mutex<(open: Bool, waiters: [CheckedContinuation<Void, Never>])>((false, []))

    func open() {
        let waiters = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            state.open = true
            defer { state.waiters.removeAll() }
            return state.waiters
        }
        for waiter in waiters { waiter.resume() }
    }

    func wait() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let isOpen = state.withLock { state -> Bool in
                if state.open { return true }
                state.waiters.append(continuation)
                return false
            }
            if isOpen { continuation.resume() }
        }
    }
}

/// Counts arrivals and lets tests await "at least n requests have arrived".
final class Arrivals: Sendable {
    private let state = Mutex<(seen: [SeenRequest], inFlight: Int, maxInFlight: Int, waiters: [(Int, CheckedContinuation<Void, Never>)])>(([], 0, 0, []))

    func arrived(_ request: SeenRequest) {
        let ready = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            state.seen.append(request)
            state.inFlight += 1
            state.maxInFlight = max(state.maxInFlight, state.inFlight)
            let count = state.seen.count
            let ready = state.waiters.filter { $0.0 <= count }.map(\.1)
            state.waiters.removeAll { $0.0 <= count }
            return ready
        }
        for waiter in ready { waiter.resume() }
    }

    func left() { state.withLock { $0.inFlight -= 1 } }

    var seen: [SeenRequest] { state.withLock { $0.seen } }
    var count: Int { state.withLock { $0.seen.count } }
    var maxInFlight: Int { state.withLock { $0.maxInFlight } }

    func wait(for count: Int) async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let ready = state.withLock { state -> Bool in
                if state.seen.count >= count { return true }
                state.waiters.append((count, continuation))
                return false
            }
            if ready { continuation.resume() }
        }
    }
}

/// An in-process FlyingFox server on a loopback ephemeral port; one closure answers everything.
final class LoopbackServer: Sendable {
    typealias Handler = @Sendable (FlyingFox.HTTPRequest, Int) async throws -> FlyingFox.HTTPResponse

    let server: HTTPServer
    let task: Task<Void, any Error>
    let port: UInt16
    let arrivals = Arrivals()

    private init(server: HTTPServer, task: Task<Void, any Error>, port: UInt16) {
        self.server = server
        self.task = task
        self.port = port
    }

    /// Starts a server whose handler gets each request and its 1-based arrival number.
    static func start(_ handler: @escaping Handler) async throws -> LoopbackServer {
        let arrivals = Mutex<Arrivals?>(nil)
        let server = HTTPServer(address: try sockaddr_in.inet(ip4: "127.0.0.1", port: 0), timeout: 30, logger: .disabled, handler: ClosureHTTPHandler { request in
            let recorder = arrivals.withLock { $0 }!
            let seen = SeenRequest(
                method: request.method.rawValue,
                path: request.path,
                authorization: request.headers[.authorization],
                acceptEncoding: request.headers[HTTPHeader("Accept-Encoding")],
                userAgent: request.headers[HTTPHeader("User-Agent")],
                body: try await request.bodyData
            )
            recorder.arrived(seen)
            defer { recorder.left() }
            return try await handler(request, recorder.count)
        })
        let task = Task { try await server.run() }
        try await server.waitUntilListening()
        guard case let .ip4(_, port)? = await server.listeningAddress else {
            throw LagoError.invalidConfiguration("test server has no port")
        }
        let instance = LoopbackServer(server: server, task: task, port: port)
        arrivals.withLock { $0 = instance.arrivals }
        return instance
    }

    var baseURL: URL { URL(string: "http://127.0.0.1:\(port)/api/v1")! }

    func url(_ path: String, host: String = "127.0.0.1") -> URL {
        URL(string: "http://\(host):\(port)\(path)")!
    }

    func stop() async {
        await server.stop(timeout: 0)
        task.cancel()
    }

    static func json(_ text: String, status: Int = 200, headers: [String: String] = [:]) -> FlyingFox.HTTPResponse {
        var all: [HTTPHeader: String] = [.contentType: "application/json"]
        for (name, value) in headers { all[HTTPHeader(name)] = value }
        return FlyingFox.HTTPResponse(statusCode: HTTPStatusCode(status, phrase: "Status \(status)"), headers: HTTPHeaders(all), body: Data(text.utf8))
    }
}

/// A raw TCP server on a loopback port that answers each connection with fixed bytes and then
/// closes it, for responses a well-behaved server cannot produce (a body cut short, no answer).
final class RawSocketServer: Sendable {
    let port: UInt16
    private let listener: Int32
    let connections = Arrivals()

    /// Starts accepting; every connection reads the request head and gets `reply` (nil: no reply).
    init(reply: Data?) throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw LagoError.network("socket() failed") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 16) == 0 else { close(fd); throw LagoError.network("bind/listen failed") }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        port = UInt16(bigEndian: address.sin_port)
        listener = fd
        let connections = self.connections
        let thread = Thread {
            while true {
                let client = accept(fd, nil, nil)
                if client < 0 { return }
                var head = [UInt8]()
                var buffer = [UInt8](repeating: 0, count: 4096)
                while !head.ends(with: Array("\r\n\r\n".utf8)) {
                    let count = read(client, &buffer, buffer.count)
                    if count <= 0 { break }
                    head.append(contentsOf: buffer[0..<count])
                }
                let line = String(decoding: head.prefix { $0 != 0x0D }, as: UTF8.self).split(separator: " ")
                connections.arrived(SeenRequest(
                    method: line.first.map(String.init) ?? "", path: line.dropFirst().first.map(String.init) ?? "",
                    authorization: nil, acceptEncoding: nil, userAgent: nil, body: Data()))
                if let reply {
                    _ = reply.withUnsafeBytes { write(client, $0.baseAddress, reply.count) }
                }
                shutdown(client, Int32(SHUT_RDWR))
                close(client)
                connections.left()
            }
        }
        thread.start()
    }

    func stop() {
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }

    /// A loopback port with nothing listening on it.
    static func closedPort() throws -> UInt16 {
        let server = try RawSocketServer(reply: nil)
        server.stop()
        return server.port
    }
}

extension Array where Element == UInt8 {
    func ends(with suffix: [UInt8]) -> Bool {
        count >= suffix.count && Array(self[(count - suffix.count)...]) == suffix
    }
}

/// A LagoClient on a real CurlTransport with a virtual retry clock.
func makeCurlClient(
    baseURL: URL,
    apiKey: String = "test-secret-key-42",
    transport: CurlTransport = CurlTransport(),
    clock: VirtualClock = VirtualClock(),
    maxAttempts: Int = 4
) throws -> LagoClient {
    let retry = RetryPolicy(maxAttempts: maxAttempts, clock: clock.retryClock, random: { 0 })
    return try LagoClient(
        configuration: LagoClientConfiguration(baseURL: baseURL, apiKey: apiKey, retry: retry),
        transport: transport
    )
}
