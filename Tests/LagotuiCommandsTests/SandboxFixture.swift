import Foundation
import LagoAPI
import LagoSandbox
@testable import LagotuiCommands

/// An in-process sandbox on a loopback port, with helpers to read its control endpoint.
struct SandboxFixture {
    let server: SandboxServer
    let baseURL: URL
    let options: SandboxOptions

    static func start(customers: Int = 12, faults: String = "", seed: UInt64 = 7, premium: Bool = true) async throws -> SandboxFixture {
        let options = SandboxOptions(seed: seed, customers: customers, faults: faults,
                                     referenceDate: Date(timeIntervalSince1970: 1_760_000_000), premium: premium)
        let server = SandboxServer(options: options)
        let url = try await server.start()
        return SandboxFixture(server: server, baseURL: url, options: options)
    }

    func stop() async { await server.stop() }

    /// A client with the real libcurl transport.
    func client(key: String? = nil, retry: RetryPolicy = .standard) throws -> LagoClient {
        let configuration = LagoClientConfiguration(baseURL: baseURL, apiKey: key ?? options.apiKey, retry: retry)
        return try LagoClient(configuration: configuration, transport: CurlTransport())
    }

    /// `GET /_sandbox/stats`: record counts per resource.
    func stats() async throws -> [String: Int] {
        let value = try JSONValue.parse(try await control("GET", "stats"))
        guard case let .object(members) = value else { return [:] }
        var out: [String: Int] = [:]
        for member in members { if let n = member.value.intValue { out[member.key] = n } }
        return out
    }

    /// `GET /_sandbox/counters`.
    func counters() async throws -> JSONValue {
        try JSONValue.parse(try await control("GET", "counters"))
    }

    /// Replaces the fault rules.
    func setFaults(_ spec: String) async throws {
        _ = try await control("POST", "faults", body: #"{"spec":"\#(spec)"}"#)
    }

    func control(_ method: String, _ path: String, body: String? = nil) async throws -> Data {
        let transport = CurlTransport()
        let url = server.controlURL.appendingPathComponent(path)
        let response = try await transport.send(HTTPRequest(
            method: method == "GET" ? .get : .post, url: url, headers: ["Content-Type": "application/json"],
            body: body.map { Data($0.utf8) }, timeout: .seconds(10)))
        return response.body
    }
}

/// Runs `body` with a started sandbox and always stops it.
func withSandbox<T>(customers: Int = 12, faults: String = "", premium: Bool = true, _ body: (SandboxFixture) async throws -> T) async throws -> T {
    let sandbox = try await SandboxFixture.start(customers: customers, faults: faults, premium: premium)
    do {
        let result = try await body(sandbox)
        await sandbox.stop()
        return result
    } catch {
        await sandbox.stop()
        throw error
    }
}

/// Reads RFC 4180 CSV (quoted fields may hold commas, quotes and line breaks).
func parseCSV(_ text: String) -> [[String]] {
    var rows: [[String]] = []
    var row: [String] = []
    var field = ""
    var quoted = false
    var chars = Array(text.unicodeScalars)[...]
    while let c = chars.popFirst() {
        if quoted {
            if c == "\"" {
                if chars.first == "\"" { field.unicodeScalars.append("\""); chars = chars.dropFirst() } else { quoted = false }
            } else { field.unicodeScalars.append(c) }
        } else if c == "\"" {
            quoted = true
        } else if c == "," {
            row.append(field); field = ""
        } else if c == "\r" && chars.first == "\n" {
            chars = chars.dropFirst()
            row.append(field); rows.append(row); row = []; field = ""
        } else {
            field.unicodeScalars.append(c)
        }
    }
    if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
    return rows
}

/// The records of an export in any format, as parsed JSON (CSV rows as column → cell objects).
func exportedRecords(_ data: Data, format: ExportFormat) throws -> [JSONValue] {
    switch format {
    case .ndjson:
        return try data.split(separator: 0x0A).map { try JSONValue.parse(Data($0)) }
    case .json:
        return try JSONValue.parse(data).arrayValue ?? []
    case .csv:
        let rows = parseCSV(String(decoding: data, as: UTF8.self))
        guard let header = rows.first else { return [] }
        return rows.dropFirst().map { cells in .object(zip(header, cells).map { ($0, .string($1)) }) }
    }
}

/// The identity of an exported record, for "exactly once" checks.
func recordIdentity(_ record: JSONValue, stream: ExportStream) -> String? {
    switch stream {
    case .customerUsage:
        let sub = record["external_subscription_id"]?.stringValue ?? ""
        let charge = record["charge_usage"]?["charge"]?["lago_id"]?.stringValue ?? record["charge_usage.charge.lago_id"]?.stringValue ?? ""
        return sub + "/" + charge
    case .customerUsagePast:
        let sub = record["external_subscription_id"]?.stringValue ?? ""
        return sub + "/" + (record["from_datetime"]?.stringValue ?? "")
    case .resource(.apiLogs):
        return record["request_id"]?.stringValue ?? record["lago_id"]?.stringValue
    case .resource(.activityLogs):
        return record["activity_id"]?.stringValue
    default:
        return record["lago_id"]?.stringValue
    }
}
