import Foundation
import LagoAPI
import LagoSandbox
import Testing

/// The built `lagotui` binary under hostile command lines and a faulty server: every run
/// ends with an exit code from the documented table (never a signal or a stack trace), and
/// the API key shows up in no output and no file the run wrote.
@Suite(.serialized) struct CommandLineAttackTests {
    static let key = "lago-key-CLI-8f2d61aa-SECRET"

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
        var signalled: Bool
    }

    static let executable: URL? = {
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("lagotui")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let built = root.appendingPathComponent(".build/debug/lagotui")
        return FileManager.default.isExecutableFile(atPath: built.path) ? built : nil
    }()

    static func run(_ arguments: [String], in work: URL, environment extra: [String: String]) async throws -> Run {
        let process = Process()
        guard let binary = executable else { throw CocoaError(.fileNoSuchFile) }
        process.executableURL = binary
        process.arguments = arguments
        var env = ["PATH": "/usr/bin:/bin", "HOME": work.path + "/home", "XDG_CONFIG_HOME": work.path + "/config",
                   "XDG_CACHE_HOME": work.path + "/cache", "LANG": "C.UTF-8", "TERM": "xterm-256color"]
        for (k, v) in extra { env[k] = v }
        process.environment = env
        process.currentDirectoryURL = work
        let id = UUID().uuidString
        let outURL = work.appendingPathComponent(".out-\(id)"), errURL = work.appendingPathComponent(".err-\(id)")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        let finished = AsyncStream<Void> { continuation in
            process.terminationHandler = { _ in continuation.yield(); continuation.finish() }
        }
        try process.run()
        for await _ in finished { break }
        try out.close()
        try err.close()
        let result = Run(status: process.terminationStatus,
                         stdout: (try? String(contentsOf: outURL, encoding: .utf8)) ?? "",
                         stderr: (try? String(contentsOf: errURL, encoding: .utf8)) ?? "",
                         signalled: process.terminationReason == .uncaughtSignal)
        try? FileManager.default.removeItem(at: outURL)
        try? FileManager.default.removeItem(at: errURL)
        return result
    }

    static func expectClean(_ run: Run, _ label: String) {
        #expect(!run.signalled, "\(label): killed by a signal\n\(run.stderr)")
        #expect((0...8).contains(run.status), "\(label): exit \(run.status)\n\(run.stderr)")
        #expect(!run.stderr.contains("Fatal error") && !run.stderr.contains("Stack dump") && !run.stderr.contains("Backtrace"),
                "\(label): \(run.stderr.prefix(400))")
        #expect(!run.stdout.contains(key) && !run.stderr.contains(key), "\(label): API key printed")
        #expect(!run.stderr.contains("\u{1B}"), "\(label): escape sequence on stderr")
    }

    @Test func hostileCommandLinesAndAFaultySession() async throws {
        guard Self.executable != nil else {
            withKnownIssue("the lagotui binary is not built next to the tests") { Issue.record("no binary") }
            return
        }
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("lagotui-cli-attack-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let server = SandboxServer(options: SandboxOptions(apiKey: Self.key, customers: 8))
        let base = try await server.start()
        defer { Task { await server.stop() } }
        let api = ["LAGO_API_URL": base.absoluteString, "LAGO_API_KEY": Self.key]

        var lines: [[String]] = [
            ["get", "invoices", "--limit", "-1"], ["get", "invoices", "--limit", "abc"], ["get", "invoices", "--limit", "99999999999999999999"],
            ["get", "invoices", "\u{1B}]52;c;eA==\u{07}"], ["get", "customers", "../../etc/passwd"], ["get", "customers", "%00"],
            ["get", "customers", String(repeating: "x", count: 50_000)], ["export", "invoices", "--status", "'; DROP TABLE--"],
            ["export", "invoices", "--issued-from", "2025-02-30"], ["export", "invoices", "--amount-from", "-5", "--amount-to", "-10"],
            ["export", "invoices", "--currency", "€€€"], ["export", "invoices", "--search", "\u{202E}evil"],
            ["export", "invoices", "--format", "xlsx"], ["export", "invoices", "--per-page", "0"], ["export", "invoices", "--concurrency", "-3"], ["get", "invoices", "--output", "\u{1B}[31m"], ["export", "\u{1B}[2J"], ["get"], ["export"], ["--profile", "nope", "get", "invoices"],
["--api-url", "http://example.com/api/v1", "get", "invoices"],
            ["--api-url", "ftp://x", "get", "invoices"], ["--api-url", "", "get", "invoices"], ["--api-url", "https://user:\(Self.key)@x/api/v1", "get", "invoices"],
            ["cache", "--frobnicate"], ["doctor", "--offline", "extra"],
        ]
        if ProcessInfo.processInfo.environment["LAGOTUI_SOAK"] == "1" {
            for value in UserInputTests.hostileValues { lines.append(["export", "invoices", "--customer", value, "--limit", value]) }
        }
        for arguments in lines {
            let run = try await Self.run(arguments, in: work, environment: api)
            Self.expectClean(run, arguments.joined(separator: " ").prefix(60).description)
            #expect(run.status != 0, "\(arguments.prefix(3)) should be refused")
        }
        // A theme path is only read by the browser; headless commands must still run cleanly.
        Self.expectClean(try await Self.run(["--theme", "../../etc/passwd", "get", "invoices", "--limit", "1"], in: work, environment: api), "--theme")
        let plain = try await Self.run(["--api-url", "http://example.com/api/v1", "get", "invoices"], in: work, environment: api)
        #expect(plain.status == 2 && plain.stderr.contains("http"), "\(plain.stderr)")

        // --api-key on the command line warns; --verbose over a faulty server prints no key.
        let keyed = try await Self.run(["--api-key", Self.key, "--api-url", base.absoluteString, "--verbose", "get", "invoices", "--limit", "3"],
                                       in: work, environment: [:])
        Self.expectClean(keyed, "--api-key")
        #expect(keyed.stderr.contains("process list"), "\(keyed.stderr)")

        for fault in ["503:1.0", "reset:1.0", "truncate:1.0", "429:1.0"] {
            _ = try await Self.control(server, "faults", body: try JSONSerialization.data(withJSONObject: ["spec": fault]))
            let failed = try await Self.run(["--verbose", "export", "invoices", "--format", "csv", "-q", "-o", work.path + "/out-\(fault).csv"],
                                            in: work, environment: api)
            Self.expectClean(failed, "export under \(fault)")
            #expect(failed.status != 0, "\(fault): an export cannot succeed when every request fails")
            #expect(!FileManager.default.fileExists(atPath: work.path + "/out-\(fault).csv"), "\(fault): no partial export left behind")
        }
        // Faults on part of the requests: the export either holds every invoice exactly once
        // (retries absorbed the faults) or fails with a non-zero exit and leaves no file.
        let statsBody = try await CurlTransport().send(HTTPRequest(method: .get, url: server.controlURL.appendingPathComponent("stats"),
                                                                   headers: [:], body: nil, timeout: .seconds(10))).body
        let expected = try #require((try JSONSerialization.jsonObject(with: statsBody) as? [String: Any])?["invoices"] as? Int)
        var completed = 0, failedCleanly = 0
        let partial = Soak.enabled ? ["503:0.3", "reset:0.3", "truncate:0.3", "429:0.5", "500:0.2,reset:0.2", "502:0.5"] : ["503:0.3", "reset:0.3"]
        for fault in partial {
            _ = try await Self.control(server, "faults", body: try JSONSerialization.data(withJSONObject: ["spec": fault]))
            let file = work.path + "/partial-\(fault).ndjson"
            let run = try await Self.run(["export", "invoices", "--per-page", "5", "-q", "-o", file], in: work, environment: api)
            Self.expectClean(run, "export under \(fault)")
            if run.status == 0 {
                completed += 1
                let lines = ((try? String(contentsOfFile: file, encoding: .utf8)) ?? "").split(separator: "\n")
                let ids = lines.compactMap { (try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])?["lago_id"] as? String }
                #expect(ids.count == expected && Set(ids).count == expected, "\(fault): \(ids.count) lines, \(Set(ids).count) distinct, \(expected) invoices")
            } else {
                failedCleanly += 1
                #expect(!FileManager.default.fileExists(atPath: file), "\(fault): exit \(run.status) left a partial export")
            }
        }
        print("exports under partial faults: \(completed) complete and exact, \(failedCleanly) failed with an exit code")
        _ = try await Self.control(server, "faults", body: try JSONSerialization.data(withJSONObject: ["spec": ""]))
        let ok = try await Self.run(["--verbose", "export", "invoices", "--format", "csv", "-q", "-o", work.path + "/full.csv"], in: work, environment: api)
        Self.expectClean(ok, "export")
        #expect(ok.status == 0, "\(ok.stderr)")

        // Every file the runs wrote (cache, exports, config dirs).
        let walker = FileManager.default.enumerator(at: work, includingPropertiesForKeys: nil)
        var scanned = 0
        while let url = walker?.nextObject() as? URL {
            guard let data = FileManager.default.contents(atPath: url.path) else { continue }
            scanned += 1
            #expect(data.range(of: Data(Self.key.utf8)) == nil, "API key written to \(url.path)")
        }
        #expect(scanned >= 1)
        print("binary attacks: \(lines.count) hostile command lines, \(scanned) files scanned for the key")
    }

    static func control(_ server: SandboxServer, _ path: String, body: Data) async throws -> Data {
        let request = HTTPRequest(method: .post, url: server.controlURL.appendingPathComponent(path),
                                  headers: ["Content-Type": "application/json"], body: body, timeout: .seconds(10))
        return try await CurlTransport().send(request).body
    }
}
