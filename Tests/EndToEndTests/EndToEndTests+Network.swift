import Foundation
import LagoTesting
import Testing

/// The real binary under tmux behind nginx (TLS with a private CA, HTTP/2, a path prefix):
/// the browser a self-hosted user runs, trusting their CA with `--cacert`, and what it shows
/// when the certificate is refused (issue 18).
extension EndToEndTests {
    /// A sandbox process behind nginx with `certificate`, and lagotui browsing nginx's URL.
    static func withBrowserBehindNginx(
        certificate: (TestCertificates) -> (certificate: String, key: String),
        _ body: (LagotuiUnderTmux, SandboxProcess, NginxServer) async throws -> Void
    ) async throws {
        guard let executable = BuiltProducts.sandbox else { throw TmuxSession.Failure(description: "lago-sandbox is not built (swift build)") }
        let certificates = try TestCertificates.make()
        defer { certificates.remove() }
        let sandbox = try SandboxProcess(executable: executable)
        defer { sandbox.stop() }
        let nginx = try await NginxServer.start(.init(certificate: certificate(certificates), upstreamPort: sandbox.baseURL.port ?? 0))
        do {
            let app = try LagotuiUnderTmux(sandbox: nil, arguments: [
                "--api-url", nginx.baseURL.absoluteString, "--api-key", SandboxProcess.apiKey, "--cacert", certificates.caCertificate,
            ])
            defer { app.stop() }
            try await body(app, sandbox, nginx)
            await nginx.stop()
        } catch {
            await nginx.stop()
            throw error
        }
    }

    @Test(.enabled(if: NetworkTools.available, "needs nginx and openssl (scripts/setup)"))
    func browseBehindNginxWithAPrivateCAOverHTTP2() async throws {
        try await Self.withBrowserBehindNginx(certificate: { $0.server }) { app, sandbox, nginx in
            let names = try await Self.customerNames(sandbox)
            let screen = try await Self.waitForDashboard(app, names: names)
            #expect(Screen.lines(screen).first?.contains("127.0.0.1") == true, "the header names the host:\n\(screen)")
            #expect(!screen.contains("cannot reach Lago"))
            let log = nginx.accessLog
            #expect(!log.isEmpty && log.allSatisfy { $0.serverProtocol == "HTTP/2.0" && $0.uri.hasPrefix("/lago/api/v1/") }, "\(log)")
        }
    }

    @Test(.enabled(if: NetworkTools.available, "needs nginx and openssl (scripts/setup)"))
    func browserHeaderNamesAnExpiredCertificateAndSendsNothing() async throws {
        try await Self.withBrowserBehindNginx(certificate: { $0.expired }) { app, sandbox, nginx in
            let screen = try await app.tmux.waitFor(text: "has expired")
            #expect(screen.contains("cannot reach Lago"), "\(screen)")
            #expect(nginx.accessLog.isEmpty, "no request got past the handshake")
            let counters = try await sandbox.control("counters")
            #expect(counters["total_requests"] as? Int == 0, "\(counters)")
        }
    }
}
