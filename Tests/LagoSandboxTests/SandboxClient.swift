import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import LagoSandbox

/// A tiny HTTP client for the sandbox tests (URLSession, JSON decoding to `Any`).
struct SandboxClient: Sendable {
    let base: URL
    let control: URL
    var key: String = "lago-sandbox-key"

    struct Reply: Sendable {
        var status: Int
        var headers: [String: String]
        var body: Data

        var json: [String: Any] { (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? [:] }
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    static let session: URLSession = {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = 60
        return URLSession(configuration: configuration)
    }()

    func send(_ method: String, _ path: String, body: Any? = nil, key: String? = nil, root: URL? = nil) async throws -> Reply {
        var request = URLRequest(url: URL(string: (root ?? base).absoluteString + path)!)
        request.httpMethod = method
        if let key = key ?? self.key as String? { request.setValue("Bearer \(key)", forHTTPHeaderField: "Authorization") }
        if let body {
            request.httpBody = try JSONSerialization.data(withJSONObject: body)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        let (data, response) = try await Self.session.data(for: request)
        let http = response as! HTTPURLResponse
        var headers: [String: String] = [:]
        for (name, value) in http.allHeaderFields { headers[String(describing: name).lowercased()] = String(describing: value) }
        return Reply(status: http.statusCode, headers: headers, body: data)
    }

    func get(_ path: String) async throws -> Reply { try await send("GET", path) }

    func controlGet(_ name: String) async throws -> [String: Any] {
        try await send("GET", "/" + name, root: control).json
    }

    func controlPost(_ name: String, body: Any? = nil) async throws -> Reply {
        try await send("POST", "/" + name, body: body, root: control)
    }
}

/// Starts a sandbox for one test and stops it afterwards.
func withSandbox<T>(_ options: SandboxOptions = SandboxOptions(), _ body: (SandboxClient) async throws -> T) async throws -> T {
    let server = SandboxServer(options: options)
    let base = try await server.start()
    let client = SandboxClient(base: base, control: server.controlURL)
    do {
        let result = try await body(client)
        await server.stop()
        return result
    } catch {
        await server.stop()
        throw error
    }
}

extension Dictionary where Key == String, Value == Any {
    func list(_ key: String) -> [[String: Any]] { self[key] as? [[String: Any]] ?? [] }
    func object(_ key: String) -> [String: Any] { self[key] as? [String: Any] ?? [:] }
    func string(_ key: String) -> String? { self[key] as? String }
    func int(_ key: String) -> Int? { (self[key] as? NSNumber)?.intValue }
}
