import Foundation
import Testing
@testable import LagoAPI

/// Proxy selection, the combined CA bundle and the TLS failure texts, without a network.
@Suite struct NetworkRouteTests {
    let https = URL(string: "https://billing.example.com/lago/api/v1")!
    let http = URL(string: "http://127.0.0.1:3000/api/v1")!

    @Test func explicitProxyWinsOverTheEnvironmentAndNoneMeansDirect() {
        let environment = ["HTTPS_PROXY": "http://env:3128"]
        #expect(ProxySettings(explicit: "http://flag:8080", environment: environment).route(for: https)?.url == "http://flag:8080")
        #expect(ProxySettings(explicit: "none", environment: environment).route(for: https) == nil)
        #expect(ProxySettings(explicit: "", environment: environment).route(for: https) == nil)
        #expect(ProxySettings.direct.route(for: https) == nil)
    }

    @Test func environmentVariablesPerSchemeLowerCaseFirstThenAllProxy() {
        let both = ProxySettings(environment: ["https_proxy": "http://lower:1", "HTTPS_PROXY": "http://upper:2", "HTTP_PROXY": "http://plain:3"])
        #expect(both.route(for: https) == ProxySettings.Route(url: "http://lower:1", source: "https_proxy"))
        #expect(both.route(for: http) == ProxySettings.Route(url: "http://plain:3", source: "HTTP_PROXY"),
                "upper-case HTTP_PROXY is honoured (libcurl alone ignores it)")
        #expect(ProxySettings(environment: ["ALL_PROXY": "socks5h://all:4"]).route(for: https)?.source == "ALL_PROXY")
        #expect(ProxySettings(environment: [:]).route(for: https) == nil)
    }

    @Test func noProxyExemptsHostsDomainsAndEverything() {
        func exempt(_ list: String, _ host: String) -> Bool { ProxySettings(environment: ["NO_PROXY": list]).isExempt(host) }
        #expect(exempt("example.com", "billing.example.com"))
        #expect(exempt(".example.com", "billing.example.com"))
        #expect(exempt("localhost, 127.0.0.1:8443", "127.0.0.1"))
        #expect(exempt("*", "anything"))
        #expect(exempt("[::1]", "[::1]"))
        #expect(!exempt("ample.com", "billing.example.com"))
        #expect(!exempt("example.com.evil", "example.com"))
        let settings = ProxySettings(explicit: "http://flag:8080", environment: ["no_proxy": "billing.example.com"])
        #expect(settings.route(for: https) == nil, "NO_PROXY applies to an explicit proxy too, as in curl")
    }

    @Test func proxyCredentialsAreRedactedForDisplay() {
        #expect(ProxySettings.redact("http://ana:s3cret@proxy.corp:3128") == "http://proxy.corp:3128")
        #expect(ProxySettings.redact("http://proxy.corp:3128") == "http://proxy.corp:3128")
        #expect(ProxySettings.Route(url: "http://a:b@p:1", source: "explicit").display == "http://p:1")
    }

    /// `--cacert` is added to verification: the bundle keeps every system CA (so public CAs
    /// such as Lago Cloud's still verify) and appends the file's.
    @Test func caFileIsAddedToTheSystemBundleNotSubstituted() throws {
        let system = try #require(CertificateBundle.systemBundlePath, "a system CA bundle (ca-certificates)")
        let systemCount = CertificateBundle.certificateCount(try Data(contentsOf: URL(fileURLWithPath: system)))
        #expect(systemCount > 50)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lagotui-ca-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let extra = directory.appendingPathComponent("corp.pem")
        let pemBody = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n"
        try Data(pemBody.utf8).write(to: extra)
        let bundle = try CertificateBundle.load(extraPath: extra.path)
        let pem = try #require(bundle.pem)
        #expect(CertificateBundle.certificateCount(pem) == systemCount + 1)
        #expect(pem.starts(with: try Data(contentsOf: URL(fileURLWithPath: system)).prefix(64)))
        #expect(bundle.summary == "system bundle \(system) + \(extra.path) (1 certificate)")
        #expect(try CertificateBundle.load(extraPath: nil).pem == nil, "no file: libcurl's default store, untouched")
    }

    /// The combined bundle verifies a certificate signed by one of the system's CAs, checked
    /// with openssl against a root taken from the system bundle itself.
    @Test func publicCAsStillVerifyAgainstTheCombinedBundle() throws {
        let openssl = "/usr/bin/openssl"
        guard FileManager.default.isExecutableFile(atPath: openssl), let system = CertificateBundle.systemBundlePath else {
            print("skipping: needs openssl and a system CA bundle")
            return
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lagotui-ca-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let text = try String(contentsOfFile: system, encoding: .utf8)
        let end = "-----END CERTIFICATE-----"
        let firstRoot = try #require(text.range(of: end).map { String(text[..<$0.upperBound]) + "\n" })
        let root = directory.appendingPathComponent("root.pem")
        try firstRoot.write(to: root, atomically: true, encoding: .utf8)
        let extra = directory.appendingPathComponent("corp.pem")
        try firstRoot.write(to: extra, atomically: true, encoding: .utf8)
        let combined = directory.appendingPathComponent("combined.pem")
        try #require(try CertificateBundle.load(extraPath: extra.path).pem).write(to: combined)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: openssl)
        process.arguments = ["verify", "-CAfile", combined.path, root.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }

    @Test func unreadableOrNonPEMCAFilesAreRefused() throws {
        #expect(throws: LagoError.invalidConfiguration("CA file /nonexistent/ca.pem cannot be read")) {
            try CertificateBundle.load(extraPath: "/nonexistent/ca.pem")
        }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("lagotui-notpem-\(UUID().uuidString)")
        try Data("not a certificate".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        #expect(throws: LagoError.self) { try CertificateBundle.load(extraPath: file.path) }
        let transport = CurlTransport(options: .init(tls: TLSSettings(caFile: file.path)))
        if case .success = transport.certificates { Issue.record("a transport with a bad CA file must refuse to send") }
    }

    @Test func certificateDatesAndTLSLinesParse() {
        let date = ConnectionReport.certificateDate("Dec  3 01:40:53 2027 GMT")
        #expect(date == Date(timeIntervalSince1970: 1_827_798_053))
        let tls = ConnectionReport.tlsParameters(fromDebugLine: "SSL connection using TLSv1.3 / TLS_AES_256_GCM_SHA384\n")
        #expect(tls?.version == "TLSv1.3" && tls?.cipher == "TLS_AES_256_GCM_SHA384")
    }

    @Test func gatewayRefusalsOfMutualTLSAreConnectionFailures() {
        let page = Data("<html><head><title>400 No required SSL certificate was sent</title></head></html>".utf8)
        let response = HTTPResponse(status: 400, body: page, url: https)
        #expect(LagoError.from(response: response, method: .get, path: "/invoices")
            == .connectionFailed("billing.example.com requires a client certificate; set client_cert and client_key (or --client-cert and --client-key)"))
        let lago400 = HTTPResponse(status: 400, body: Data(#"{"status":400,"error":"Bad Request"}"#.utf8), url: https)
        if case .connectionFailed = LagoError.from(response: lago400, method: .get, path: "/invoices") {
            Issue.record("a Lago 400 stays a Lago 400")
        }
    }
}
