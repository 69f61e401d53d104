import Foundation
import LagoAPI
import LagoSandbox

/// Starts a ``LagoSandbox/SandboxServer`` in-process on a loopback ephemeral port and gives a
/// ``LagoClient`` on the real ``CurlTransport`` against it: the layer of tests that exercises
/// libcurl, the client core and the sandbox together.
///
/// ```swift
/// try await SandboxHarness.with { sandbox in
///     let page = try await sandbox.client.listPage("/invoices", collectionKey: "invoices", as: Invoice.self)
///     try await sandbox.setFaults("503:1.0")
/// }
/// ```
///
/// Retry waits go to ``clock`` (a ``VirtualClock``), so fault-injection tests never sleep for
/// real backoff time.
public struct SandboxHarness: Sendable {
    /// The running sandbox.
    public let server: SandboxServer
    /// Its API base URL (`http://127.0.0.1:PORT/api/v1`).
    public let baseURL: URL
    /// The transport the client uses (shared with the control calls).
    public let transport: CurlTransport
    /// A client authenticated with the sandbox key.
    public let client: LagoClient
    /// The virtual clock of the client's retry policy: the backoff waits it was asked for.
    public let clock: VirtualClock

    /// Starts a sandbox and builds a client on it.
    ///
    /// - Parameters:
    ///   - options: sandbox options (port 0 and loopback by default).
    ///   - configure: adjusts the client configuration (per page, retry attempts…) before use.
    public static func start(
        options: SandboxOptions = SandboxOptions(),
        transportOptions: CurlTransport.Options = CurlTransport.Options(),
        configure: (inout LagoClientConfiguration) -> Void = { _ in }
    ) async throws -> SandboxHarness {
        let server = SandboxServer(options: options)
        let baseURL = try await server.start()
        let clock = VirtualClock()
        var configuration = LagoClientConfiguration(
            baseURL: baseURL,
            apiKey: options.apiKey,
            retry: RetryPolicy(clock: clock.retryClock)
        )
        configure(&configuration)
        let transport = CurlTransport(options: transportOptions)
        do {
            let client = try LagoClient(configuration: configuration, transport: transport)
            return SandboxHarness(server: server, baseURL: baseURL, transport: transport, client: client, clock: clock)
        } catch {
            await server.stop()
            throw error
        }
    }

    /// Runs `body` against a fresh sandbox and always stops it afterwards.
    public static func with<Result: Sendable>(
        options: SandboxOptions = SandboxOptions(),
        configure: (inout LagoClientConfiguration) -> Void = { _ in },
        _ body: (SandboxHarness) async throws -> Result
    ) async throws -> Result {
        let harness = try await start(options: options, configure: configure)
        do {
            let result = try await body(harness)
            await harness.stop()
            return result
        } catch {
            await harness.stop()
            throw error
        }
    }

    /// Stops the sandbox.
    public func stop() async {
        await server.stop()
    }

    /// A client with another key or configuration on the same sandbox (e.g. a wrong key).
    public func makeClient(apiKey: String? = nil, configure: (inout LagoClientConfiguration) -> Void = { _ in }) throws -> LagoClient {
        var configuration = client.configuration
        if let apiKey { configuration.apiKey = apiKey }
        configure(&configuration)
        return try LagoClient(configuration: configuration, transport: transport)
    }

    // MARK: - Control endpoint

    /// Calls the sandbox control endpoint (`/_sandbox/<path>`) and returns its JSON body.
    @discardableResult
    public func control(_ method: HTTPMethod, _ path: String, json: String? = nil) async throws -> Data {
        var relative = path
        while relative.hasPrefix("/") { relative.removeFirst() }
        let url = server.controlURL.appendingPathComponent(relative)
        let request = HTTPRequest(
            method: method,
            url: url,
            headers: json == nil ? [:] : ["Content-Type": "application/json"],
            body: json.map { Data($0.utf8) }
        )
        let response = try await transport.send(request)
        guard response.isSuccess else {
            throw LagoError.from(response: response, method: method, path: "/_sandbox/" + relative)
        }
        return response.body
    }

    /// Replaces the sandbox's fault rules (`--faults` syntax, e.g. `"503:1.0"`; empty clears).
    public func setFaults(_ spec: String) async throws {
        let body = try JSONSerialization.data(withJSONObject: ["spec": spec])
        try await control(.post, "faults", json: String(decoding: body, as: UTF8.self))
    }

    /// Restores the seeded data and clears counters.
    public func reset() async throws {
        try await control(.post, "reset")
    }

    /// Makes the sandbox reject its key from now on (401 on every API call).
    public func revokeKey() async throws {
        try await control(.post, "revoke-key")
    }

    /// How many requests the sandbox has served per route (`GET /_sandbox/counters`).
    public func requestsPerRoute() async throws -> [String: Int] {
        let data = try await control(.get, "counters")
        let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        return object?["requests_per_route"] as? [String: Int] ?? [:]
    }

    /// Applied mutations per record, keyed "invoice:LAGO_ID" (`mutations_per_record` of the
    /// counters): a payment retry, finalize or refresh the sandbox really carried out.
    public func mutationsPerRecord() async throws -> [String: Int] {
        let data = try await control(.get, "counters")
        let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        return object?["mutations_per_record"] as? [String: Int] ?? [:]
    }

    /// How many requests the sandbox has served in total.
    public func totalRequests() async throws -> Int {
        let data = try await control(.get, "counters")
        let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        return object?["total_requests"] as? Int ?? 0
    }

    /// Record counts per resource (`GET /_sandbox/stats`).
    public func stats() async throws -> [String: Int] {
        let data = try await control(.get, "stats")
        return (try JSONSerialization.jsonObject(with: data) as? [String: Int]) ?? [:]
    }
}
