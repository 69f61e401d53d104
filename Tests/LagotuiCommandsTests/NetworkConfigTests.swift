import Foundation
import Testing
@testable import LagotuiCommands

/// The profile keys and flags of issue 18: `ca_file`, `client_cert`, `client_key`, `proxy`.
@Suite struct NetworkConfigTests {
    @Test func profileKeysAndFlagsResolveWithTheirSources() throws {
        let work = try TemporaryDirectory()
        defer { work.remove() }
        let ca = try work.write("-----BEGIN CERTIFICATE-----\n", to: "ca.pem")
        let flagCA = try work.write("-----BEGIN CERTIFICATE-----\n", to: "flag-ca.pem")
        let cert = try work.write("cert", to: "client.pem")
        let key = try work.write("key", to: "client.key", mode: 0o644)
        _ = try work.write("""
            [profiles.corp]
            api_url = "https://billing.example.com/lago/api/v1"
            ca_file = "\(ca)"
            client_cert = "\(cert)"
            client_key = "\(key)"
            proxy = "http://proxy.corp:3128"
            """, to: "config/lagotui/config.toml")
        let environment = ["XDG_CONFIG_HOME": work.path + "/config", "HOME": work.path, "HTTPS_PROXY": "http://env:1"]
        var commandLine = CommandLineSettings()
        commandLine.profile = "corp"
        let fromProfile = try Settings.resolve(commandLine: commandLine, environment: environment)
        #expect(fromProfile.network.caFile == .init(path: ca, source: .configFile(profile: "corp")))
        #expect(fromProfile.network.tls.clientCertificate == cert && fromProfile.network.tls.clientKey == key)
        #expect(fromProfile.network.proxyRoute(for: fromProfile.apiURL)?.display == "http://proxy.corp:3128")
        #expect(fromProfile.network.proxyRoute(for: fromProfile.apiURL)?.source == .configFile(profile: "corp"))
        #expect(fromProfile.warnings.contains { $0.contains("\(key) may hold a private key and is readable by group or others") })

        commandLine.network.caFile = flagCA
        commandLine.network.proxy = "none"
        let withFlags = try Settings.resolve(commandLine: commandLine, environment: environment)
        #expect(withFlags.network.caFile == .init(path: flagCA, source: .flag("--cacert")))
        #expect(withFlags.network.proxyRoute(for: withFlags.apiURL) == nil, "--proxy none overrides profile and environment")
    }

    @Test func environmentProxyIsTheDefaultAndNamedInItsSource() throws {
        var commandLine = CommandLineSettings()
        commandLine.apiURL = "https://api.getlago.com/api/v1"
        let settings = try Settings.resolve(commandLine: commandLine, environment: ["HOME": "/nonexistent", "HTTPS_PROXY": "http://u:p@env:3128"])
        let route = try #require(settings.network.proxyRoute(for: settings.apiURL))
        #expect(route.display == "http://env:3128" && route.source == .environment("HTTPS_PROXY"))
        #expect(settings.network.proxySecrets(for: settings.apiURL) == ["p"])
    }

    @Test func missingFilesAndBadProxiesAreUsageErrorsNamingTheSetting() throws {
        func failure(_ adjust: (inout CommandLineSettings) -> Void) -> String? {
            var commandLine = CommandLineSettings()
            commandLine.apiURL = "https://api.getlago.com/api/v1"
            adjust(&commandLine)
            do {
                _ = try Settings.resolve(commandLine: commandLine, environment: ["HOME": "/nonexistent"])
                return nil
            } catch let error as CommandFailure {
                #expect(error.status == .usage)
                return error.message
            } catch { return "\(error)" }
        }
        #expect(failure { $0.network.caFile = "/nonexistent/ca.pem" } == "ca_file /nonexistent/ca.pem (from flag --cacert) does not exist")
        #expect(failure { $0.network.clientKey = "/etc/passwd" }?.contains("needs client_cert") == true)
        #expect(failure { $0.network.proxy = "proxy.corp:3128" }?.contains("is not a URL such as http://proxy.example.com:3128") == true)
        #expect(failure { $0.network.proxy = "ftp://a:secret@proxy" }?.contains("secret") == false, "no password in the message")
    }

    @Test func unknownKeyWarningsDoNotFireForNetworkKeys() throws {
        let file = try ConfigFile.parse("""
            [profiles.p]
            ca_file = "/a"
            proxy = "none"
            """, path: "/c.toml")
        #expect(file.warnings.isEmpty)
        #expect(file.profiles["p"]?.network.caFile == "/a" && file.profiles["p"]?.network.proxy == "none")
    }
}
