import Foundation
import LagoAPI
import LagoSandbox

/// The in-process sandbox a run measures against, with its control endpoint (faults, stats)
/// and a client factory on the real libcurl transport.
struct BenchSandbox: Sendable {
    let server: SandboxServer
    let baseURL: URL
    let transport: CurlTransport

    static func start(customers: Int) async throws -> BenchSandbox {
        let server = SandboxServer(options: SandboxOptions(customers: customers))
        let baseURL = try await server.start()
        return BenchSandbox(server: server, baseURL: baseURL, transport: CurlTransport(options: .init(maxConcurrentRequests: 16)))
    }

    /// A client on a fresh libcurl transport (each has its own connection pool), no retries.
    func client(pageConcurrency: Int = 4, maxConcurrentRequests: Int = 8) throws -> LagoClient {
        let configuration = LagoClientConfiguration(baseURL: baseURL, apiKey: server.options.apiKey, retry: .never,
                                                    pageConcurrency: pageConcurrency)
        return try LagoClient(configuration: configuration,
                              transport: CurlTransport(options: .init(maxConcurrentRequests: maxConcurrentRequests)))
    }

    /// Sets the fault rules (`"latency:5000ms"`, `""` for none).
    func setFaults(_ spec: String) async throws {
        let body = try JSONSerialization.data(withJSONObject: ["spec": spec])
        let url = server.controlURL.appendingPathComponent("faults")
        let response = try await transport.send(HTTPRequest(method: .post, url: url, headers: ["Content-Type": "application/json"], body: body))
        guard response.status == 200 else { throw BenchError("sandbox refused faults \(spec): HTTP \(response.status)") }
    }

    /// Record counts per resource (`GET /_sandbox/stats`).
    func stats() async throws -> [String: Int] {
        let response = try await transport.send(HTTPRequest(method: .get, url: server.controlURL.appendingPathComponent("stats")))
        let object = try JSONSerialization.jsonObject(with: response.body) as? [String: Any] ?? [:]
        return object.compactMapValues { ($0 as? NSNumber)?.intValue }
    }

    /// Total requests the sandbox answered so far (`GET /_sandbox/counters`).
    func totalRequests() async throws -> Int {
        let response = try await transport.send(HTTPRequest(method: .get, url: server.controlURL.appendingPathComponent("counters")))
        let object = try JSONSerialization.jsonObject(with: response.body) as? [String: Any] ?? [:]
        return (object["total_requests"] as? NSNumber)?.intValue ?? 0
    }

    func stop() async { await server.stop() }

    /// Customers needed for about `invoices` invoices, from a probe of the seeding ratio.
    static func customers(forInvoices invoices: Int, invoicesPerCustomer: Double) -> Int {
        max(10, Int((Double(invoices) / invoicesPerCustomer).rounded(.up)))
    }
}

/// A benchmark that could not run as designed.
struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// A fresh private temporary directory, removed by `remove()`.
struct TemporaryDirectory {
    let url: URL
    init(_ label: String) throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("lagotui-bench-\(label)-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    }
    func remove() { try? FileManager.default.removeItem(at: url) }
}
