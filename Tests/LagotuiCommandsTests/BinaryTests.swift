import Foundation
import Testing
@testable import LagotuiCommands
import LagoAPI

/// The built `lagotui` as a subprocess against the in-process sandbox: exit codes, signals,
/// stdout/stderr separation and the key never showing up anywhere.
@Suite(.serialized) struct BinaryTests {
    let key = "lago-sandbox-key"

    func runner() throws -> BinaryRunner { BinaryRunner(workDirectory: try TemporaryDirectory()) }

    func api(_ sandbox: SandboxFixture, key: String? = nil) -> [String: String] {
        ["LAGO_API_URL": sandbox.baseURL.absoluteString, "LAGO_API_KEY": key ?? self.key]
    }

    @Test func getInvoicesAsJSONPrintsTheInvoices() async throws {
        let run = try runner()
        defer { run.workDirectory.remove() }
        try await withSandbox { sandbox in
            let result = try await run.run(["get", "invoices", "--output", "json"], environment: api(sandbox))
            #expect(result.status == 0, "\(result.stderr)")
            let invoices = try JSONValue.parse(result.stdout).arrayValue ?? []
            #expect(invoices.count == (try await sandbox.stats())["invoices"])
            #expect(invoices.first?["number"]?.stringValue != nil)
            #expect(result.stderr.isEmpty)

            let table = try await run.run(["get", "invoices", "--output", "table", "--limit", "5"], environment: api(sandbox))
            #expect(table.status == 0)
            #expect(table.stdout.split(separator: "\n").count == 6)
            #expect(table.stdout.hasPrefix("NUMBER"))

            let id = try #require(invoices.first?["lago_id"]?.stringValue)
            let one = try await run.run(["get", "invoices", id], environment: api(sandbox))
            #expect(one.status == 0)
            #expect(try JSONValue.parse(one.stdout)["lago_id"]?.stringValue == id)
        }
    }

    @Test func exitCodes() async throws {
        let run = try runner()
        defer { run.workDirectory.remove() }
        try await withSandbox { sandbox in
            let badKey = try await run.run(["export", "invoices"], environment: api(sandbox, key: "wrong-key-1234"))
            #expect(badKey.status == 3, "bad key: \(badKey.stderr)")
            #expect(badKey.stdout.isEmpty)
            #expect(badKey.stderr.split(separator: "\n").count == 1)

            let unknown = try await run.run(["export", "invoicez"], environment: api(sandbox))
            #expect(unknown.status == 2, "unknown stream: \(unknown.stderr)")
            #expect(unknown.stderr.contains("unknown stream"))

            let badFlag = try await run.run(["export", "invoices", "--frobnicate"], environment: api(sandbox))
            #expect(badFlag.status == 2)

            let badFilter = try await run.run(["export", "invoices", "--status", "bogus"], environment: api(sandbox))
            #expect(badFilter.status == 2)

            let missing = try await run.run(["get", "invoices", "00000000-0000-4000-8000-000000000000"], environment: api(sandbox))
            #expect(missing.status == 4, "404: \(missing.stderr)")

            let noKey = try await run.run(["export", "invoices"], environment: ["LAGO_API_URL": sandbox.baseURL.absoluteString])
            #expect(noKey.status == 3)

            let help = try await run.run(["--help"])
            #expect(help.status == 0 && help.stdout.contains("USAGE"))
            let version = try await run.run(["--version"])
            #expect(version.status == 0 && version.stdout.contains("."))
        }
    }

    @Test func deadServerIsANetworkError() async throws {
        let run = try runner()
        defer { run.workDirectory.remove() }
        let port = try closedLoopbackPort()
        let result = try await run.run(["export", "customers"], environment: [
            "LAGO_API_URL": "http://127.0.0.1:\(port)/api/v1", "LAGO_API_KEY": key,
        ])
        #expect(result.status == 8, "\(result.stderr)")
    }

    @Test func rateLimitedThatRecoversSucceeds() async throws {
        let run = try runner()
        defer { run.workDirectory.remove() }
        try await withSandbox(faults: "ratelimit:4/s") { sandbox in
            let result = try await run.run(["export", "invoices", "--per-page", "5", "--concurrency", "8", "-q"], environment: api(sandbox))
            #expect(result.status == 0, "\(result.stderr)")
            let lines = result.stdout.split(separator: "\n")
            #expect(lines.count == (try await sandbox.stats())["invoices"])
            let counters = try await sandbox.counters()
            #expect((counters["faults_injected"]?["ratelimit"]?.intValue ?? 0) > 0, "the sandbox really rate-limited: \(counters.compactText)")
        }
    }

    @Test func rateLimitedThatDoesNotRecoverExitsSix() async throws {
        let run = try runner()
        defer { run.workDirectory.remove() }
        try await withSandbox(faults: "429:1") { sandbox in
            let result = try await run.run(["export", "customers"], environment: api(sandbox))
            #expect(result.status == 6, "\(result.stderr)")
        }
    }

    @Test func sigintMidExportLeavesNoFile() async throws {
        let run = try runner()
        defer { run.workDirectory.remove() }
        try await withSandbox(faults: "latency:150ms") { sandbox in
            let output = run.workDirectory.path + "/invoices.csv"
            let result = try await run.run(
                ["export", "invoices", "--format", "csv", "--output", output, "--per-page", "1", "--concurrency", "1"],
                environment: api(sandbox)
            ) { process, _ in
                // Wait until the export has its temporary file open, then interrupt it.
                while !FileManager.default.fileExists(atPath: output),
                      !((try? FileManager.default.contentsOfDirectory(atPath: run.workDirectory.path)) ?? [])
                          .contains(where: { $0.hasPrefix(".invoices.csv.lagotui-") }) {
                    try? await Task.sleep(for: .milliseconds(20))
                }
                kill(process.processIdentifier, SIGINT)
            }
            #expect(result.status == 130, "\(result.stderr)")
            let left = try FileManager.default.contentsOfDirectory(atPath: run.workDirectory.path).filter { !$0.hasPrefix(".std") && $0 != "home" && !$0.hasSuffix(".profraw") }
            #expect(left.isEmpty, "left behind: \(left)")
        }
    }

    @Test func exportToFileIsCompleteAndKeyNeverAppears() async throws {
        let run = try runner()
        defer { run.workDirectory.remove() }
        try await withSandbox { sandbox in
            let secret = "lago-sandbox-key"
            for format in ["ndjson", "csv", "json"] {
                let output = run.workDirectory.path + "/out.\(format)"
                let result = try await run.run(["export", "customers", "--format", format, "--output", output, "--verbose"],
                                               environment: api(sandbox))
                #expect(result.status == 0, "\(result.stderr)")
                #expect(result.stdout.isEmpty)
                #expect(!result.stderr.contains(secret))
            }
            // Failures with --verbose, a key on the command line, and doctor.
            let wrong = try await run.run(["export", "invoices", "--verbose", "--api-key", "sk-VERY-SECRET-123",
                                           "--api-url", sandbox.baseURL.absoluteString])
            #expect(wrong.status == 3)
            #expect(!wrong.stderr.contains("sk-VERY-SECRET-123") && !wrong.stdout.contains("sk-VERY-SECRET-123"))
            #expect(wrong.stderr.contains("visible to other users in the process list"))
            #expect(wrong.stderr.contains("HTTP 401"), "verbose names the status: \(wrong.stderr)")
            let doctor = try await run.run(["doctor", "--verbose"], environment: api(sandbox))
            #expect(!doctor.stdout.contains(secret) && !doctor.stderr.contains(secret))
            for file in run.workDirectory.allFiles() {
                let bytes = try Data(contentsOf: URL(fileURLWithPath: file))
                #expect(bytes.range(of: Data(secret.utf8)) == nil, "key found in \(file)")
                #expect(bytes.range(of: Data("sk-VERY-SECRET-123".utf8)) == nil, "key found in \(file)")
            }
        }
    }

    @Test func configProfilesAndApiKeyCommand() async throws {
        let run = try runner()
        defer { run.workDirectory.remove() }
        try await withSandbox { sandbox in
            _ = try run.workDirectory.write("""
                default_profile = "sandbox"

                [profiles.sandbox]
                api_url = "\(sandbox.baseURL.absoluteString)"
                api_key_command = "echo lago-sandbox-key"

                [profiles.broken]
                api_url = "\(sandbox.baseURL.absoluteString)"
                api_key = "wrong-key-5678"
                """, to: "config/lagotui/config.toml")
            let viaCommand = try await run.run(["export", "customers"])
            #expect(viaCommand.status == 0, "\(viaCommand.stderr)")
            #expect(!viaCommand.stdout.isEmpty)

            let broken = try await run.run(["export", "customers", "--profile", "broken"])
            #expect(broken.status == 3)
            // The environment beats the profile's key; the flag beats the environment.
            let envWins = try await run.run(["--profile", "broken", "export", "customers"], environment: ["LAGO_API_KEY": key])
            #expect(envWins.status == 0, "\(envWins.stderr)")
            let flagWins = try await run.run(["export", "customers", "--api-key", "wrong-again-999"], environment: ["LAGO_API_KEY": key])
            #expect(flagWins.status == 3)

            _ = try run.workDirectory.write("[profiles.sandbox]\nreadonly = \"no\"\n", to: "config/lagotui/config.toml", mode: 0o644)
            let bad = try await run.run(["export", "customers"])
            #expect(bad.status == 2)
            #expect(bad.stderr.contains("config.toml:2: profiles.sandbox.readonly"), "\(bad.stderr)")
        }
    }

    @Test func doctorReportsEachCheck() async throws {
        let run = try runner()
        defer { run.workDirectory.remove() }
        try await withSandbox { sandbox in
            let ok = try await run.run(["doctor"], environment: api(sandbox))
            #expect(ok.status == 0, "\(ok.stdout)\(ok.stderr)")
            for name in ["config", "profile", "api url", "api key", "api ", "latency", "clock", "cache", "terminal", "locale", "size"] {
                #expect(ok.stdout.contains(name), "doctor shows \(name)")
            }
            let bad = try await run.run(["doctor"], environment: api(sandbox, key: "nope-nope-nope"))
            #expect(bad.status == 3)
            #expect(bad.stdout.contains("FAIL  api"))
        }
    }
}

extension BinaryTests {
    @Test func demoWithoutATerminalServesTheSandboxUntilInterrupted() async throws {
        let run = try runner()
        defer { run.workDirectory.remove() }
        let result = try await run.run(["--demo"]) { process, stderrPath in
            var url: String?
            while url == nil {
                let text = (try? String(contentsOfFile: stderrPath, encoding: .utf8)) ?? ""
                if let range = text.range(of: "listening on ") {
                    url = text[range.upperBound...].split(separator: " ").first.map(String.init)
                } else {
                    try? await Task.sleep(for: .milliseconds(20))
                }
            }
            // The demo's sandbox answers the headless commands with the demo key.
            let other = BinaryRunner(workDirectory: run.workDirectory)
            let customers = try? await other.run(["get", "customers", "--output", "json"], environment: [
                "LAGO_API_URL": url!, "LAGO_API_KEY": "lago-sandbox-key",
            ])
            #expect(customers?.status == 0)
            #expect(((try? JSONValue.parse(customers?.stdout ?? ""))?.arrayValue?.count ?? 0) > 0)
            kill(process.processIdentifier, SIGINT)
        }
        #expect(result.status == 0, "\(result.stderr)")
    }
}

extension BinaryTests {
    @Test func syncFillsTheCacheAndCacheClearEmptiesIt() async throws {
        let run = try runner()
        defer { run.workDirectory.remove() }
        try await withSandbox { sandbox in
            let sync = try await run.run(["sync", "customers", "invoices", "plans"], environment: api(sandbox))
            #expect(sync.status == 0, "\(sync.stderr)")
            #expect(sync.stdout.isEmpty)
            #expect(sync.stderr.contains("synced invoices: \(try await sandbox.stats()["invoices"]!) records"))
            let info = try await run.run(["cache", "info"], environment: api(sandbox))
            #expect(info.status == 0)
            #expect(info.stdout.contains(run.workDirectory.path + "/cache/lagotui/"))
            let records = info.stdout.split(separator: "\n").first { $0.hasPrefix("records") }.flatMap { Int($0.split(separator: " ").last!) }
            #expect((records ?? 0) > 0, "\(info.stdout)")
            // The cache files never hold the key.
            for file in run.workDirectory.allFiles() {
                let bytes = try Data(contentsOf: URL(fileURLWithPath: file))
                #expect(bytes.range(of: Data(key.utf8)) == nil, "key found in \(file)")
            }
            let clear = try await run.run(["cache", "clear"], environment: api(sandbox))
            #expect(clear.status == 0)
            let after = try await run.run(["cache", "info"], environment: api(sandbox))
            #expect(after.stdout.contains("records   0"), "\(after.stdout)")
            let badStream = try await run.run(["sync", "nope"], environment: api(sandbox))
            #expect(badStream.status == 2)
        }
    }
}

/// A loopback port nobody listens on.
func closedLoopbackPort() throws -> Int {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = 0
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) } }
    _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) } }
    return Int(UInt16(bigEndian: address.sin_port))
}
