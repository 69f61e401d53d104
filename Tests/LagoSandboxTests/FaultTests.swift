import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
@testable import LagoSandbox

@Suite("Fault injection and the control endpoint")
struct FaultTests {
    @Test("fault specs parse, print back and reject nonsense")
    func parsing() throws {
        let spec = try FaultSpec(parsing: "429:0.1,500:0.05,503:0.02,reset:0.02,truncate:0.02,latency:200ms,ratelimit:20/s")
        #expect(spec.statusRates.map(\.status) == [429, 500, 503])
        #expect(spec.reset == 0.02 && spec.truncate == 0.02)
        #expect(spec.latencyMilliseconds == 200)
        #expect(spec.rateLimitPerSecond == 20)
        #expect(try FaultSpec(parsing: spec.description) == spec)
        #expect(try FaultSpec(parsing: "").isEmpty)
        #expect(throws: FaultSpec.ParseError.self) { try FaultSpec(parsing: "teapot:0.5") }
        #expect(throws: FaultSpec.ParseError.self) { try FaultSpec(parsing: "500:1.5") }
        #expect(throws: FaultSpec.ParseError.self) { try FaultSpec(parsing: "500:0.6,503:0.6") }
        #expect(throws: FaultSpec.ParseError.self) { try FaultSpec(parsing: "ratelimit:fast") }
    }

    @Test("draws are deterministic from the seed")
    func deterministicDraws() throws {
        let spec = try FaultSpec(parsing: "429:0.2,500:0.2,reset:0.1")
        var a = FaultInjector(spec: spec, seed: 5), b = FaultInjector(spec: spec, seed: 5), c = FaultInjector(spec: spec, seed: 6)
        let first = (0..<200).map { _ in a.decide(now: 0) }
        #expect(first == (0..<200).map { _ in b.decide(now: 0) })
        #expect(first != (0..<200).map { _ in c.decide(now: 0) })
        let counts = Dictionary(grouping: first, by: { "\($0)" }).mapValues(\.count)
        #expect((20...60).contains(counts["status(429)"] ?? 0))
        #expect((5...35).contains(counts["reset"] ?? 0))
    }

    @Test("the token bucket allows a second's worth, then answers 429 until it refills")
    func tokenBucket() throws {
        var injector = FaultInjector(spec: try FaultSpec(parsing: "ratelimit:4/s"), seed: 1)
        let start = FaultInjector.monotonicSeconds()
        let burst = (0..<4).map { _ in injector.decide(now: start) }
        #expect(burst.allSatisfy { $0 == .none })
        #expect(injector.decide(now: start) == .rateLimited(retryAfterSeconds: 1))
        #expect(injector.decide(now: start + 0.25) == .none)
        #expect(injector.decide(now: start + 0.25) == .rateLimited(retryAfterSeconds: 1))
    }

    @Test("faults set through the control endpoint apply at once; counters count routes and faults")
    func controlEndpoint() async throws {
        try await withSandbox { client in
            #expect(try await client.get("/customers").status == 200)
            let set = try await client.controlPost("faults", body: ["spec": "503:1"])
            #expect(set.status == 200)
            let failing = try await client.get("/customers")
            #expect(failing.status == 503)
            #expect(failing.json.int("status") == 503)
            let invalid = try await client.controlPost("faults", body: ["spec": "nope:1"])
            #expect(invalid.status == 422)
            _ = try await client.controlPost("faults", body: ["spec": "ratelimit:1/s"])
            _ = try await client.get("/customers")
            let limited = try await client.get("/customers")
            #expect(limited.status == 429)
            #expect(limited.headers["retry-after"] == "1")
            #expect(limited.headers["x-ratelimit-reset"] != nil)
            _ = try await client.controlPost("faults", body: ["spec": ""])
            let counters = try await client.controlGet("counters")
            #expect(counters.object("requests_per_route").int("GET /customers") == 4)
            #expect(counters.object("faults_injected").int("503") == 1)
            #expect(counters.object("faults_injected").int("ratelimit") == 1)
            #expect(try await client.get("/customers").status == 200)
        }
    }

    @Test("reset closes the connection without a response; truncate cuts the body short")
    func brokenConnections() async throws {
        try await withSandbox(SandboxOptions(faults: "reset:1")) { client in
            await #expect(throws: (any Error).self) { _ = try await client.get("/customers") }
            _ = try await client.controlPost("faults", body: ["spec": "truncate:1"])
            await #expect(throws: (any Error).self) { _ = try await client.get("/customers") }
        }
    }

    @Test("revoke-key makes every request 401 until reset, which also restores the seeded data")
    func revokeAndReset() async throws {
        try await withSandbox { client in
            let wallet = try #require(try await client.get("/wallets").json.list("wallets").first { $0.string("status") == "active" })
            _ = try await client.send("POST", "/wallet_transactions", body: ["wallet_transaction": ["wallet_id": wallet.string("lago_id")!, "granted_credits": "5"]])
            #expect(try await client.controlPost("revoke-key").status == 200)
            #expect(try await client.get("/customers").status == 401)
            #expect(try await client.controlPost("reset").status == 200)
            #expect(try await client.get("/customers").status == 200)
            let restored = try await client.get("/wallets/\(wallet.string("lago_id")!)").json.object("wallet")
            #expect(restored.int("balance_cents") == wallet.int("balance_cents"))
            let stats = try await client.controlGet("stats")
            #expect(stats.int("customers") == 40)
        }
    }

    @Test("the first stdout line of lago-sandbox is the listening line")
    func executableListeningLine() async throws {
        let binary = ConformanceTests.packageRoot.appendingPathComponent(".build/debug/lago-sandbox")
        guard FileManager.default.isExecutableFile(atPath: binary.path) else {
            Issue.record("lago-sandbox is not built at \(binary.path)")
            return
        }
        let process = Process()
        process.executableURL = binary
        process.arguments = ["--port", "0", "--customers", "3"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let line = try await Task.detached { () -> String in
            var bytes: [UInt8] = []
            while let byte = try pipe.fileHandleForReading.read(upToCount: 1)?.first, byte != 0x0A { bytes.append(byte) }
            return String(decoding: bytes, as: UTF8.self)
        }.value
        process.interrupt()
        process.waitUntilExit()
        #expect(line.hasPrefix("listening on http://127.0.0.1:"))
        #expect(line.hasSuffix("/api/v1"))
        #expect(process.terminationStatus == 0)
    }
}
