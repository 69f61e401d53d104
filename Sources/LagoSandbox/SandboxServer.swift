import FlyingFox
import FlyingSocks
import Foundation
import Synchronization

/// A Lago-compatible HTTP server with seeded, stateful data and fault injection, for the demo,
/// tests and benchmarks. Start it in-process on an ephemeral loopback port:
///
///     let sandbox = SandboxServer(options: SandboxOptions())
///     let baseURL = try await sandbox.start()   // http://127.0.0.1:PORT/api/v1
///     defer { Task { await sandbox.stop() } }
public final class SandboxServer: Sendable {
    public let options: SandboxOptions
    private let runtime = Mutex<Runtime?>(nil)

    private struct Runtime: Sendable {
        var server: HTTPServer
        var task: Task<Void, Never>
        var liveEvents: Task<Void, Never>?
        var state: SandboxState
        var root: String
    }

    /// Errors while starting.
    public enum StartError: Error, CustomStringConvertible {
        case invalidFaults(String)
        case notListening
        case alreadyStarted

        public var description: String {
            switch self {
            case .invalidFaults(let message): "invalid --faults: \(message)"
            case .notListening: "the sandbox did not start listening"
            case .alreadyStarted: "the sandbox is already running"
            }
        }
    }

    public init(options: SandboxOptions) {
        self.options = options
    }

    /// Seeds the data, binds the port and starts serving; returns the API base URL
    /// (`http://HOST:PORT/api/v1`).
    @discardableResult
    public func start() async throws -> URL {
        guard runtime.withLock({ $0 == nil }) else { throw StartError.alreadyStarted }
        let state: SandboxState
        do {
            state = try SandboxState(options: options)
        } catch let error as FaultSpec.ParseError {
            throw StartError.invalidFaults(error.description)
        }
        let address: any SocketAddress = options.host.contains(":")
            ? try sockaddr_in6.inet6(ip6: options.host, port: UInt16(options.port))
            : try sockaddr_in.inet(ip4: options.host, port: UInt16(options.port))
        let box = RootBox()
        let dispatcher = Dispatcher(state: state, root: box)
        let server = HTTPServer(config: .init(address: address, timeout: 60, pool: HTTPServer.defaultPool(), logger: .disabled),
                                handler: dispatcher)
        let task = Task { _ = try? await server.run() }
        do {
            try await server.waitUntilListening(timeout: 30)
        } catch {
            task.cancel()
            throw StartError.notListening
        }
        guard let listening = await server.listeningAddress else {
            task.cancel()
            throw StartError.notListening
        }
        let port: UInt16
        switch listening {
        case .ip4(_, let p), .ip6(_, let p): port = p
        case .unix: port = 0
        }
        let host = options.host.contains(":") ? "[\(options.host)]" : options.host
        let root = "http://\(host):\(port)"
        box.set(root)
        var live: Task<Void, Never>? = nil
        if options.liveEventsPerSecond > 0 {
            live = LiveEvents.start(state: state, perSecond: options.liveEventsPerSecond)
        }
        runtime.withLock { $0 = Runtime(server: server, task: task, liveEvents: live, state: state, root: root) }
        return URL(string: root + "/api/v1")!
    }

    /// Stops serving and closes every connection.
    public func stop() async {
        guard let current = runtime.withLock({ value -> Runtime? in
            defer { value = nil }
            return value
        }) else { return }
        current.liveEvents?.cancel()
        await current.server.stop(timeout: 1)
        current.task.cancel()
        _ = await current.task.value
    }

    /// The loopback-only control endpoint, e.g. `http://127.0.0.1:PORT/_sandbox`.
    public var controlURL: URL {
        let root = runtime.withLock { $0?.root } ?? "http://\(options.host):\(options.port)"
        return URL(string: root + "/_sandbox")!
    }

    /// The API base URL once started (`http://HOST:PORT/api/v1`), nil before.
    public var baseURL: URL? {
        runtime.withLock { $0?.root }.flatMap { URL(string: $0 + "/api/v1") }
    }
}

/// The server root (`http://host:port`), known only once the port is bound.
final class RootBox: Sendable {
    private let value = Mutex("")
    func set(_ root: String) { value.withLock { $0 = root } }
    var root: String { value.withLock { $0 } }
}
