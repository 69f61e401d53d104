import Foundation
import LagoAPI
import LagoTesting
import Testing
@testable import LagotuiCommands

/// `lagotui` against real servers started on loopback: nginx terminating TLS with a private
/// CA (HTTP/2, path prefix, gzip) in front of the sandbox, and tinyproxy as the HTTP proxy.
/// Refusals are proven to send nothing: the sandbox's request counter does not move.
@Suite(.serialized, .enabled(if: NetworkSuite.enabled, "needs nginx, tinyproxy and openssl (scripts/setup)"))
struct NetworkPathTests {
    @Test func exportVerifiesWithCACertOverHTTP2UnderAPrefixWithGzip() async throws {
        try await withNginx { f in
            let result = try await f.lagotui(["export", "invoices", "--quiet"] + f.apiURL + f.cacert)
            #expect(result.status == 0, "stderr: \(result.stderr)")
            let expected = try await f.sandbox.stats()["invoices"] ?? -1
            #expect(lines(result.stdout).count == expected)
            let log = f.nginx.accessLog
            #expect(!log.isEmpty)
            #expect(log.allSatisfy { $0.serverProtocol == "HTTP/2.0" && $0.status == 200 }, "\(log)")
            #expect(log.allSatisfy { $0.uri.hasPrefix("/lago/api/v1/invoices") })
            #expect(log.contains { ($0.gzipRatio ?? 0) > 1 }, "nginx compressed the JSON: \(log.map(\.gzipRatio))")
        }
    }

    /// Each refusal: one line naming the cause, exit 8, and not one request reached the sandbox.
    @Test(arguments: ["no CA", "expired", "wrong host"])
    func refusedCertificatesSendNothing(_ scenario: String) async throws {
        let certificate: (TestCertificates) -> (certificate: String, key: String) = { certificates in
            switch scenario {
            case "expired": certificates.expired
            case "wrong host": certificates.wrongHost
            default: certificates.server
            }
        }
        let cause = ["no CA": "signed by an unknown authority; add your CA with --cacert FILE or ca_file",
                     "expired": "the TLS certificate of 127.0.0.1 has expired",
                     "wrong host": "the TLS certificate presented by 127.0.0.1 is for another host name"][scenario]!
        try await withNginx(certificate: certificate) { f in
            let before = try await f.sandboxRequests()
            let trust = scenario == "no CA" ? [] : f.cacert
            let export = try await f.lagotui(["export", "invoices", "--quiet"] + f.apiURL + trust)
            #expect(export.status == 8, "stderr: \(export.stderr)")
            #expect(lines(export.stderr).count == 1, "one line: \(export.stderr)")
            #expect(export.stderr.contains("cannot reach Lago: ") && export.stderr.contains(cause), "\(export.stderr)")
            #expect(export.stdout.isEmpty)

            let doctor = try await f.lagotui(["doctor"] + f.apiURL + trust)
            #expect(doctor.status == 8, "doctor: \(doctor.stdout)")
            let api = try #require(doctorLine(doctor.stdout, "api"), "\(doctor.stdout)")
            #expect(api.hasPrefix("FAIL") && api.contains(cause), "\(api)")
            let ca = try #require(doctorLine(doctor.stdout, "ca"))
            #expect(ca.contains("system bundle"))
            #expect(ca.contains(f.certificates.caCertificate) == (scenario != "no CA"), "\(ca)")

            #expect(try await f.sandboxRequests() == before, "no request reached the sandbox")
            #expect(f.nginx.accessLog.isEmpty, "nginx served nothing: \(f.nginx.accessLog)")
        }
    }

    @Test func doctorShowsCATLSHTTPVersionAndCertificateExpiry() async throws {
        try await withNginx { f in
            let doctor = try await f.lagotui(["doctor"] + f.apiURL + f.cacert)
            let output = doctor.stdout
            let ca = try #require(doctorLine(output, "ca"), "\(output)")
            #expect(ca.hasPrefix("OK") && ca.contains("+ \(f.certificates.caCertificate) (1 certificate) (from flag --cacert)"), "\(ca)")
            let tls = try #require(doctorLine(output, "tls"), "\(output)")
            #expect(tls.hasPrefix("OK") && tls.contains("TLSv1.3") && tls.contains("certificate verified"), "\(tls)")
            #expect(doctorLine(output, "http")?.contains("OK    http       HTTP/2") == true, "\(output)")
            let cert = try #require(doctorLine(output, "cert"), "\(output)")
            let days = TestCertificates.serverDays
            #expect(cert.hasPrefix("OK") && cert.contains("CN = localhost") && (cert.contains("(in \(days - 1) days)") || cert.contains("(in \(days) days)")), "\(cert)")
            #expect(doctorLine(output, "proxy")?.contains("none (direct connection)") == true, "\(output)")
            #expect(doctorLine(output, "api")?.hasPrefix("OK") == true, "\(output)")
            #expect(!output.contains(f.sandbox.options.apiKey) && !doctor.stderr.contains(f.sandbox.options.apiKey))
        }
    }

    @Test func mutualTLSWithAndWithoutTheClientCertificate() async throws {
        try await withNginx(adjust: { configuration, certificates in configuration.clientCA = certificates.clientCA }) { f in
            let before = try await f.sandboxRequests()
            let refused = try await f.lagotui(["export", "invoices", "--quiet"] + f.apiURL + f.cacert)
            #expect(refused.status == 8, "stderr: \(refused.stderr)")
            #expect(lines(refused.stderr).count == 1 && refused.stderr.contains("127.0.0.1 requires a client certificate"), "\(refused.stderr)")
            let doctorRefused = try await f.lagotui(["doctor"] + f.apiURL + f.cacert)
            #expect(doctorLine(doctorRefused.stdout, "api")?.contains("requires a client certificate") == true, "\(doctorRefused.stdout)")
            #expect(doctorLine(doctorRefused.stdout, "client tls") == nil)
            #expect(try await f.sandboxRequests() == before, "nginx turned it away before the sandbox")

            // The same, configured through the profile's keys rather than flags.
            let config = """
                [profiles.default]
                api_url = "\(f.nginx.baseURL.absoluteString)"
                ca_file = "\(f.certificates.caCertificate)"
                client_cert = "\(f.certificates.client.certificate)"
                client_key = "\(f.certificates.client.key)"
                """
            _ = try f.runner.workDirectory.write(config, to: "config/lagotui/config.toml")
            let accepted = try await f.lagotui(["export", "invoices", "--quiet"])
            #expect(accepted.status == 0, "stderr: \(accepted.stderr)")
            #expect(lines(accepted.stdout).count == (try await f.sandbox.stats()["invoices"] ?? -1))
            let doctor = try await f.lagotui(["doctor"])
            let client = try #require(doctorLine(doctor.stdout, "client tls"), "\(doctor.stdout)")
            #expect(client.contains("certificate \(f.certificates.client.certificate), key \(f.certificates.client.key) (from config profile default)"))
            #expect(doctorLine(doctor.stdout, "api")?.hasPrefix("OK") == true, "\(doctor.stdout)")
            #expect(!doctor.stdout.contains("BEGIN"), "no key or certificate material is printed")
        }
    }

    /// With latency on the sandbox and four pages in flight, every request of the export
    /// rides one HTTP/2 connection, and some of them overlap in time on it.
    @Test func exportMultiplexesConcurrentPagesOnOneHTTP2Connection() async throws {
        try await withNginx(sandboxFaults: "latency:150ms") { f in
            let result = try await f.lagotui(["export", "invoices", "--quiet", "--per-page", "3", "--concurrency", "4"] + f.apiURL + f.cacert)
            #expect(result.status == 0, "stderr: \(result.stderr)")
            let log = f.nginx.accessLog
            #expect(log.count >= 4, "\(log)")
            #expect(log.allSatisfy { $0.serverProtocol == "HTTP/2.0" })
            #expect(Set(log.map(\.connection)).count == 1, "one connection: \(log.map(\.connection))")
            #expect(log.map(\.connectionRequest).max() == log.count, "\(log.map(\.connectionRequest))")
            let overlapping = log.enumerated().contains { index, entry in
                log.dropFirst(index + 1).contains { other in entry.started < other.finished && other.started < entry.finished }
            }
            #expect(overlapping, "requests were in flight together on the connection: \(log.map { ($0.started, $0.finished) })")
        }
    }

    @Test func exportAndDoctorGoThroughTheProxyAndHonourNoProxy() async throws {
        let proxy = try await TinyproxyServer.start()
        do {
            try await withNginx { f in
                let target = "127.0.0.1:\(f.nginx.port)"
                let explicit = try await f.lagotui(["export", "invoices", "--quiet", "--proxy", proxy.url] + f.apiURL + f.cacert)
                #expect(explicit.status == 0, "stderr: \(explicit.stderr)")
                #expect(proxy.tunnels.contains(target), "tinyproxy tunnelled to nginx: \(proxy.tunnels)")

                let tunnelsBefore = proxy.tunnels.count
                let withPassword = proxy.url.replacingOccurrences(of: "http://", with: "http://ana:pr0xy-s3cret@")
                let doctor = try await f.lagotui(["doctor"] + f.apiURL + f.cacert, environment: ["HTTPS_PROXY": withPassword])
                #expect(doctorLine(doctor.stdout, "proxy")?.contains("\(proxy.url) (from environment HTTPS_PROXY)") == true, "\(doctor.stdout)")
                #expect(doctorLine(doctor.stdout, "http")?.contains("HTTP/2 via proxy \(proxy.url)") == true, "\(doctor.stdout)")
                #expect(proxy.tunnels.count == tunnelsBefore + 1)
                #expect(!(doctor.stdout + doctor.stderr).contains("pr0xy-s3cret"), "the proxy password is never printed")

                let bypass = try await f.lagotui(["export", "invoices", "--quiet"] + f.apiURL + f.cacert,
                                                 environment: ["HTTPS_PROXY": proxy.url, "NO_PROXY": "localhost,127.0.0.1"])
                #expect(bypass.status == 0, "stderr: \(bypass.stderr)")
                #expect(proxy.tunnels.count == tunnelsBefore + 1, "NO_PROXY sent it direct")
            }
            await proxy.stop()
        } catch {
            await proxy.stop()
            throw error
        }
    }
}
