import Foundation
import LagoAPI
import Testing
@testable import BrowserModel
@testable import LagotuiCommands
@testable import TerminalUI

/// Secrets, transport security and hostile text on the way out (table output, CSV).
@Suite(.serialized) struct SecurityTests {
    // MARK: server-controlled headers

    /// Retry-After and x-ratelimit-reset come from the server; absurd values must neither
    /// crash the client nor make it wait forever.
    @Test func absurdRateLimitHeadersAreHarmless() {
        let values = ["1e300", "-1e300", "1e19", "9223372036854775807", "99999999999999999999", "inf", "-inf", "nan", "-5", "", " ",
                      "0x10", "1,5", "Wed, 21 Oct 9999 07:28:00 GMT", "Thu, 01 Jan 1970 00:00:00 GMT", "\u{1B}[2J", "1.5"]
        for name in ["retry-after", "x-ratelimit-reset"] {
            for value in values {
                let response = HTTPResponse(status: 429, headers: [name: value], body: Data(), url: URL(string: "https://api.getlago.com/api/v1/x")!)
                let delay = RateLimitHeaders.delay(in: response)
                if let delay { #expect(delay >= .zero, "\(name): \(value) → \(delay)") }
                _ = LagoError.from(response: response, method: .get, path: "/invoices").message
            }
        }
    }

    // MARK: transport

    @Test func plainHTTPOnlyToLoopbackWithoutInsecure() throws {
        let refused = ["http://api.getlago.com/api/v1", "HTTP://EXAMPLE.COM", "http://127.0.0.1.evil.com", "http://localhost.evil.com",
                       "http://10.0.0.1", "http://[::ffff:8.8.8.8]", "http://0x7f000001", "ftp://api.getlago.com", "file:///etc/passwd",
                       "https://user:pass@api.getlago.com/api/v1", "gopher://x", "api.getlago.com"]
        for text in refused {
            guard let url = URL(string: text) else { continue }
            let config = LagoClientConfiguration(baseURL: url, apiKey: "k")
            #expect(throws: LagoError.self, "\(text)") { _ = try LagoClient(configuration: config, transport: CurlTransport()) }
        }
        for text in ["http://127.0.0.1:3000/api/v1", "http://localhost/api/v1", "http://[::1]:8080/api/v1", "https://api.eu.getlago.com/api/v1"] {
            let config = LagoClientConfiguration(baseURL: URL(string: text)!, apiKey: "k")
            #expect(throws: Never.self, "\(text)") { _ = try LagoClient(configuration: config, transport: CurlTransport()) }
        }
        var insecure = LagoClientConfiguration(baseURL: URL(string: "http://lago.internal/api/v1")!, apiKey: "k")
        insecure.insecure = true
        #expect(throws: Never.self) { _ = try LagoClient(configuration: insecure, transport: CurlTransport()) }
        #expect(URLSecurityPolicy.needsInsecureWarning(insecure.baseURL, insecure: true))
    }

    /// Certificate verification is always on, `--insecure` included: a self-signed server
    /// (openssl s_server on loopback) is refused before any request is sent. The server is
    /// started line-buffered so its "ACCEPT host:port" line is the readiness signal, every wait
    /// on it is bounded, and it is SIGKILLed (a child may inherit a blocked SIGTERM) and reaped
    /// whatever happens.
    @Test func selfSignedCertificateIsRefusedEvenWithInsecure() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lagotui-tls-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let openssl = URL(fileURLWithPath: "/usr/bin/openssl"), stdbuf = URL(fileURLWithPath: "/usr/bin/stdbuf")
        guard FileManager.default.isExecutableFile(atPath: openssl.path), FileManager.default.isExecutableFile(atPath: stdbuf.path) else {
            withKnownIssue("openssl or stdbuf is not installed on this machine") { Issue.record("no openssl") }
            return
        }
        let keygen = Process()
        keygen.executableURL = openssl
        keygen.arguments = ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", dir.path + "/k.pem", "-out", dir.path + "/c.pem",
                            "-days", "1", "-subj", "/CN=127.0.0.1"]
        keygen.standardOutput = FileHandle.nullDevice
        keygen.standardError = FileHandle.nullDevice
        keygen.standardInput = FileHandle.nullDevice
        try await Self.runToEnd(keygen)
        let server = Process()
        server.executableURL = stdbuf
        server.arguments = ["-oL", openssl.path, "s_server", "-accept", "127.0.0.1:0", "-cert", dir.path + "/c.pem", "-key", dir.path + "/k.pem", "-www"]
        let out = Pipe()
        server.standardOutput = out
        server.standardError = FileHandle.nullDevice
        server.standardInput = FileHandle.nullDevice
        try server.run()
        let pid = server.processIdentifier
        defer {
            kill(pid, SIGKILL)
            server.waitUntilExit()
        }
        // Read until the ACCEPT line; a watchdog kills the server after 20 s so the read ends
        // (EOF) instead of hanging the run.
        let watchdog = Task.detached {
            try await Task.sleep(for: .seconds(20))
            kill(pid, SIGKILL)
        }
        defer { watchdog.cancel() }
        let port: Int? = await Task.detached { () -> Int? in
            var buffer = ""
            while true {
                let chunk = out.fileHandleForReading.availableData
                if chunk.isEmpty { return nil }
                buffer += String(decoding: chunk, as: UTF8.self)
                if let line = buffer.split(separator: "\n").first(where: { $0.hasPrefix("ACCEPT") }), let p = line.split(separator: ":").last {
                    return Int(p.trimmingCharacters(in: .whitespaces))
                }
            }
        }.value
        let listening = try #require(port, "s_server never said it was listening")
        for insecure in [false, true] {
            var config = LagoClientConfiguration(baseURL: URL(string: "https://127.0.0.1:\(listening)/api/v1")!, apiKey: "lago-tls-secret",
                                                 retry: .never)
            config.insecure = insecure
            let client = try LagoClient(configuration: config, transport: CurlTransport(options: CurlTransport.Options(connectTimeout: .seconds(10), requestTimeout: .seconds(10))))
            do {
                _ = try await client.send(.get, "/customers")
                Issue.record("a self-signed certificate was accepted (insecure: \(insecure))")
            } catch let error as LagoError {
                guard case .connectionFailed = error else { Issue.record("\(error)"); continue }
                #expect(!error.message.contains("lago-tls-secret"))
            }
        }
    }

    /// Runs a short helper process to its end without blocking a cooperative thread.
    static func runToEnd(_ process: Process) async throws {
        let ended = AsyncStream<Void> { continuation in
            process.terminationHandler = { _ in continuation.yield(); continuation.finish() }
        }
        try process.run()
        for await _ in ended { break }
    }

    // MARK: hostile text on the way out

    static let hostile = "\u{1B}[2J\u{1B}]52;c;ZXZpbA==\u{07}\u{1B}]8;;http://evil\u{07}link\u{1B}]8;;\u{07}\u{1B}]0;title\u{07}\u{9B}31m\u{202E}txt.exe"

    @Test func tableOutputIsInert() throws {
        let record = try JSONValue.parse(Data(#"""
        {"lago_id":"\u001b[2J\u001b]52;c;ZXZpbA==\u0007","number":"INV-\u001b]0;pwned\u0007","status":"finalized","customer":{"name":"\u009b31m\u202eevil"},"metadata":[{"key":"\u001b]8;;http://x\u0007","value":"\u2066x\u2069"}]}
        """#.utf8))
        let table = TableRenderer.render(records: [record], columns: ["lago_id", "number", "customer.name", "metadata"])
        let detail = TableRenderer.renderDetail(record)
        for text in [table, detail] {
            let bad = text.unicodeScalars.filter { $0 != "\n" && TextSanitizer.isHazard($0) }
            #expect(bad.isEmpty, "\(bad.map { String($0.value, radix: 16) })")
        }
        #expect(table.contains("^[]52;c;"))
    }

    @Test func csvCellsCannotBeFormulas() {
        for cell in ["=1+1", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\t=1", "\r=1", "=HYPERLINK(\"http://x\",\"y\")"] {
            let safe = CSVFormatting.neutraliseFormula(cell)
            #expect(safe.hasPrefix("'"), "\(cell) → \(safe)")
        }
        for number in ["-12.50", "+3", "-0", "12"] {
            #expect(CSVFormatting.neutraliseFormula(number) == number)
        }
        let row = CSVFormatting.row(["a,b", "say \"hi\"", "line\nbreak", CSVFormatting.neutraliseFormula("=1")])
        #expect(row == "\"a,b\",\"say \"\"hi\"\"\",\"line\nbreak\",'=1\r\n")
    }

    /// Error text from the server (a refusal's `error`, a validation detail) is inert too.
    @Test func errorMessagesFromTheServerAreInert() {
        let body = #"{"status":422,"error":"\u001b]52;c;ZXZpbA==\u0007","code":"validation_errors","error_details":{"\u001b[2Jfield":["\u009b31m\u202ebad"]}}"#
        let response = HTTPResponse(status: 422, headers: [:], body: Data(body.utf8), url: URL(string: "https://x")!)
        let error = LagoError.from(response: response, method: .post, path: "/wallet_transactions")
        let browser = CachedLagoDataSource.map(error, mutation: true)
        for text in [error.message, browser.message, describe(browser)] {
            #expect(!text.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }, "\(text)")
        }
        #expect(TextSanitizer.sanitize(browser.message).unicodeScalars.allSatisfy { !TextSanitizer.isHazard($0) })
    }
}
