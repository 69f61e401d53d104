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
    /// The client's source port: equal ports mean one reused connection.
    var remotePort: UInt16? = nil
}

/// A one-shot latch tests await instead of sleeping.
final class Gate: Sendable {
    private let state = Mutex<(open: Bool, waiting: [UInt64])>((false, []))
    private let waiters = WaiterSet()

    func open() {
        let ids = state.withLock { state -> [UInt64] in
            state.open = true
            defer { state.waiting.removeAll() }
            return state.waiting
        }
        for id in ids { waiters.resume(id) }
    }

    func wait() async {
        await waiters.wait { [self] id in
            state.withLock { state in
                if state.open { return true }
                state.waiting.append(id)
                return false
            }
        }
    }
}

/// Counts arrivals and lets tests await "at least n requests have arrived".
final class Arrivals: Sendable {
    private struct State {
        var seen: [SeenRequest] = []
        var inFlight = 0
        var maxInFlight = 0
        var waiting: [(count: Int, id: UInt64)] = []
    }

    private let state = Mutex(State())
    private let waiters = WaiterSet()

    func arrived(_ request: SeenRequest) {
        let ready = state.withLock { state -> [UInt64] in
            state.seen.append(request)
            state.inFlight += 1
            state.maxInFlight = max(state.maxInFlight, state.inFlight)
            let count = state.seen.count
            let ready = state.waiting.filter { $0.count <= count }.map(\.id)
            state.waiting.removeAll { $0.count <= count }
            return ready
        }
        for id in ready { waiters.resume(id) }
    }

    func left() { state.withLock { $0.inFlight -= 1 } }

    var seen: [SeenRequest] { state.withLock { $0.seen } }
    var count: Int { state.withLock { $0.seen.count } }
    var maxInFlight: Int { state.withLock { $0.maxInFlight } }

    func wait(for count: Int) async {
        await waiters.wait { [self] id in
            state.withLock { state in
                if state.seen.count >= count { return true }
                state.waiting.append((count, id))
                return false
            }
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
                body: try await request.bodyData,
                remotePort: {
                    if case let .ip4(_, port)? = request.remoteAddress { return port }
                    return nil
                }()
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
///
/// Its accept thread owns the listening descriptor and closes it itself, so a stopped server
/// can never accept on a descriptor number the kernel has already handed to another socket.
final class RawSocketServer: Sendable {
    let port: UInt16
    let connections = Arrivals()
    private let stopped = Atomic<Bool>(false)

    /// Starts accepting; every connection reads the request head and gets `reply` (nil: no reply).
    init(reply: Data?) throws {
        let (fd, port) = try Self.listeningSocket()
        self.port = port
        let connections = self.connections
        let thread = Thread { [self] in
            defer { close(fd) }
            while true {
                let client = accept(fd, nil, nil)
                if client < 0 { return }
                if self.stopped.load(ordering: .acquiring) {
                    close(client)
                    return
                }
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
                shutdown(client, Int32(SHUT_WR))
                // Drain until the peer closes so no unread byte turns the close into a reset.
                while read(client, &buffer, buffer.count) > 0 {}
                close(client)
                connections.left()
            }
        }
        thread.start()
    }

    /// Stops accepting: marks the server stopped and wakes the accept thread with a connection.
    func stop() {
        guard !stopped.exchange(true, ordering: .acquiringAndReleasing) else { return }
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return }
        var address = Self.loopback(port: port)
        _ = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        close(fd)
    }

    /// A loopback port with nothing listening on it.
    static func closedPort() throws -> UInt16 {
        let (fd, port) = try listeningSocket()
        close(fd)
        return port
    }

    private static func loopback(port: UInt16) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return address
    }

    private static func listeningSocket() throws -> (Int32, UInt16) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw LagoError.network("socket() failed") }
        var address = loopback(port: 0)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 16) == 0 else { close(fd); throw LagoError.network("bind/listen failed") }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return (fd, UInt16(bigEndian: address.sin_port))
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
