import Foundation
import LagoAPI
import LagoSandbox
import LagoTesting
import Testing
@testable import LagotuiCommands

/// A sandbox behind nginx (TLS, HTTP/2, a path prefix, gzip) with fresh certificates, for the
/// real-network suites. Everything started is stopped when the body ends, however it ends.
struct NginxFixture {
    let sandbox: SandboxFixture
    let nginx: NginxServer
    let certificates: TestCertificates
    let runner: BinaryRunner

    /// The sandbox's request count, read from its control endpoint (not through nginx).
    func sandboxRequests() async throws -> Int {
        try await sandbox.counters()["total_requests"]?.intValue ?? -1
    }

    /// Runs `lagotui` with the sandbox key in the environment.
    func lagotui(_ arguments: [String], environment: [String: String] = [:]) async throws -> BinaryRunner.Result {
        var env = ["LAGO_API_KEY": sandbox.options.apiKey]
        for (name, value) in environment { env[name] = value }
        return try await runner.run(arguments, environment: env)
    }

    /// `--api-url` of the nginx front.
    var apiURL: [String] { ["--api-url", nginx.baseURL.absoluteString] }
    var cacert: [String] { ["--cacert", certificates.caCertificate] }
}

/// Starts certificates, a sandbox and nginx (configured by `adjust`), runs `body`, stops all.
func withNginx<T>(
    certificate: (TestCertificates) -> (certificate: String, key: String) = { $0.server },
    sandboxFaults: String = "", customers: Int = 12,
    adjust: (inout NginxServer.Configuration, TestCertificates) -> Void = { _, _ in },
    _ body: (NginxFixture) async throws -> T
) async throws -> T {
    let certificates = try TestCertificates.make()
    defer { certificates.remove() }
    let sandbox = try await SandboxFixture.start(customers: customers, faults: sandboxFaults)
    let work = try TemporaryDirectory()
    defer { work.remove() }
    do {
        var configuration = NginxServer.Configuration(certificate: certificate(certificates), upstreamPort: sandbox.baseURL.port ?? 0)
        adjust(&configuration, certificates)
        let nginx = try await NginxServer.start(configuration)
        let fixture = NginxFixture(sandbox: sandbox, nginx: nginx, certificates: certificates, runner: BinaryRunner(workDirectory: work))
        do {
            let result = try await body(fixture)
            await nginx.stop()
            await sandbox.stop()
            return result
        } catch {
            await nginx.stop()
            throw error
        }
    } catch {
        await sandbox.stop()
        throw error
    }
}

/// The real-network suites run when nginx, tinyproxy and openssl are installed; missing
/// ones skip them with a message locally and fail them under CI.
enum NetworkSuite {
    static var enabled: Bool { NetworkTools.available }
}

/// Under CI a missing program is a failure, never a quiet skip.
@Suite struct NetworkToolsInstalled {
    @Test func nginxTinyproxyAndOpensslAreInstalledWhereTheSuiteMustRun() {
        if NetworkTools.isCI {
            #expect(NetworkTools.missing.isEmpty, "\(NetworkTools.missingMessage)")
        } else if !NetworkTools.available {
            print("skipping the real-network suites: \(NetworkTools.missingMessage)")
        }
    }
}

/// Non-empty lines of a text.
func lines(_ text: String) -> [String] {
    text.split(separator: "\n").map(String.init).filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
}

/// The doctor line for a check name (`OK    tls        TLSv1.3 …`).
func doctorLine(_ output: String, _ name: String) -> String? {
    lines(output).first { line in
        line.dropFirst(6).hasPrefix(name.padding(toLength: 10, withPad: " ", startingAt: 0))
    }
}
