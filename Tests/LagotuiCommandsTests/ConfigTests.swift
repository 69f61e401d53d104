import Foundation
import Testing
@testable import LagotuiCommands

@Suite struct ConfigTests {
    let sample = """
        default_profile = "eu"

        [profiles.eu]
        api_url = "https://api.eu.getlago.com/api/v1"
        api_key = "key-from-file"
        mode = "live"
        readonly = true
        theme = "dark"

        [profiles.eu.keys]
        finalize = "F"

        [profiles.eu.freshness]
        invoices = 30
        plans = "2h"

        [profiles.local]
        api_url = "http://127.0.0.1:3000/api/v1"
        mode = "test"
        """

    @Test func parsesProfiles() throws {
        let file = try ConfigFile.parse(sample, path: "/x/config.toml")
        #expect(file.defaultProfile == "eu")
        let eu = try #require(file.profiles["eu"])
        #expect(eu.apiURL == "https://api.eu.getlago.com/api/v1")
        #expect(eu.mode == .live)
        #expect(eu.readonly == true)
        #expect(eu.keys == ["finalize": ["F"]])
        #expect(eu.freshness == ["invoices": 30, "plans": 7200])
        #expect(file.profiles["local"]?.mode == .test)
    }

    @Test func typeErrorsNameFileLineAndKey() {
        let text = """
            [profiles.prod]
            api_url = "https://api.getlago.com/api/v1"
            readonly = "yes"
            """
        #expect {
            try ConfigFile.parse(text, path: "/home/a/config.toml")
        } throws: { error in
            let e = error as? ConfigError
            return e?.line == 3 && e?.key == "profiles.prod.readonly"
                && e?.description == "/home/a/config.toml:3: profiles.prod.readonly: expected true or false, found string"
        }
    }

    @Test func syntaxErrorsNameTheLine() {
        let text = "[profiles.a]\napi_url = \"x\"\nmode = live\n"
        #expect {
            try ConfigFile.parse(text, path: "/c.toml")
        } throws: { error in
            (error as? ConfigError)?.line == 3 && (error as? ConfigError)?.description.hasPrefix("/c.toml:3:") == true
        }
    }

    @Test(arguments: [
        ("[profiles.a]\nmode = \"staging\"\n", 2, "profiles.a.mode"),
        ("[profiles.a]\nfreshness = 5\n", 2, "profiles.a.freshness"),
        ("[profiles.a.freshness]\ninvoices = \"soon\"\n", 2, "profiles.a.freshness.invoices"),
        ("profiles = 3\n", 1, "profiles"),
        ("[profiles.a]\ncache_max_mb = -1\n", 2, "profiles.a.cache_max_mb"),
    ])
    func wrongValuesAreRejected(_ text: String, _ line: Int, _ key: String) {
        #expect {
            try ConfigFile.parse(text, path: "/c.toml")
        } throws: { error in
            (error as? ConfigError)?.line == line && (error as? ConfigError)?.key == key
        }
    }

    @Test func unknownKeysWarnWithTheirLine() throws {
        let file = try ConfigFile.parse("[profiles.a]\napi_urll = \"x\"\n", path: "/c.toml")
        #expect(file.warnings == ["/c.toml:2: unknown key profiles.a.api_urll (ignored)"])
    }

    @Test func looseFilePermissionsWarn() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try dir.write(sample, to: "lagotui/config.toml", mode: 0o644)
        let file = try #require(try ConfigFile.load(path: path))
        #expect(file.warnings.first?.contains("readable by group or others (mode 644)") == true)
        let tight = try dir.write(sample, to: "other/config.toml", mode: 0o600)
        #expect(try ConfigFile.load(path: tight)?.warnings.isEmpty == true)
    }

    @Test func missingFileIsNotAnError() throws {
        #expect(try ConfigFile.load(path: "/nonexistent/lagotui/config.toml") == nil)
    }

    @Test func precedenceFlagsThenEnvironmentThenConfig() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        _ = try dir.write(sample, to: "lagotui/config.toml")
        let base = ["XDG_CONFIG_HOME": dir.path, "HOME": "/nonexistent"]

        // Config only.
        var settings = try Settings.resolve(commandLine: CommandLineSettings(), environment: base)
        #expect(settings.profileName == "eu")
        #expect(settings.apiURL.absoluteString == "https://api.eu.getlago.com/api/v1")
        #expect(settings.apiURLSource == .configFile(profile: "eu"))
        #expect(try settings.resolveAPIKey().key == "key-from-file")
        #expect(settings.readonly)

        // Environment beats config.
        var env = base
        env["LAGO_API_URL"] = "https://lago.example.com/api/v1/"
        env["LAGO_API_KEY"] = "key-from-env"
        settings = try Settings.resolve(commandLine: CommandLineSettings(), environment: env)
        #expect(settings.apiURL.absoluteString == "https://lago.example.com/api/v1")
        #expect(try settings.resolveAPIKey().key == "key-from-env")
        #expect(try settings.resolveAPIKey().source == .environment("LAGO_API_KEY"))

        // Flags beat environment.
        var flags = CommandLineSettings()
        flags.apiURL = "http://localhost:9999/api/v1"
        flags.apiKey = "key-from-flag"
        flags.profile = "local"
        settings = try Settings.resolve(commandLine: flags, environment: env)
        #expect(settings.apiURL.absoluteString == "http://localhost:9999/api/v1")
        #expect(try settings.resolveAPIKey().key == "key-from-flag")
        #expect(settings.profileName == "local")
        #expect(settings.mode == .test)
        #expect(settings.warnings.contains { $0.contains("--api-key is visible") })
    }

    @Test func unknownProfileIsAUsageError() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        _ = try dir.write(sample, to: "lagotui/config.toml")
        var flags = CommandLineSettings()
        flags.profile = "nope"
        #expect {
            try Settings.resolve(commandLine: flags, environment: ["XDG_CONFIG_HOME": dir.path])
        } throws: { error in
            let failure = error as? CommandFailure
            return failure?.status == .usage && failure?.message.contains("profiles in") == true && failure?.message.contains("eu, local") == true
        }
    }

    @Test(arguments: ["ftp://x/api/v1", "not a url", "https://user:pw@x/api/v1", "http://lago.example.com/api/v1", "https:///api/v1"])
    func badURLsAreUsageErrors(_ url: String) {
        var flags = CommandLineSettings()
        flags.apiURL = url
        #expect {
            try Settings.resolve(commandLine: flags, environment: ["HOME": "/nonexistent"])
        } throws: { error in (error as? CommandFailure)?.status == .usage }
    }

    @Test func insecureAllowsPlainHTTPWithAWarning() throws {
        var flags = CommandLineSettings()
        flags.apiURL = "http://lago.internal/api/v1"
        flags.insecure = true
        let settings = try Settings.resolve(commandLine: flags, environment: ["HOME": "/nonexistent"])
        #expect(settings.apiURL.absoluteString == "http://lago.internal/api/v1")
        #expect(settings.warnings.contains { $0.hasPrefix("--insecure") })
    }

    @Test func apiKeyCommandOutputIsTrimmed() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        _ = try dir.write("""
            [profiles.default]
            api_url = "http://127.0.0.1:1/api/v1"
            api_key_command = "printf '  secret-from-command\\n'"
            """, to: "lagotui/config.toml")
        let settings = try Settings.resolve(commandLine: CommandLineSettings(), environment: ["XDG_CONFIG_HOME": dir.path, "PATH": "/usr/bin:/bin"])
        let (key, source) = try settings.resolveAPIKey()
        #expect(key == "secret-from-command")
        #expect(source == .keyCommand(profile: "default"))
    }

    @Test func failingApiKeyCommandIsAnAuthError() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        _ = try dir.write("[profiles.default]\napi_key_command = \"echo leaked-secret >&2; exit 3\"\n", to: "lagotui/config.toml")
        let settings = try Settings.resolve(commandLine: CommandLineSettings(), environment: ["XDG_CONFIG_HOME": dir.path, "PATH": "/usr/bin:/bin"])
        #expect {
            try settings.resolveAPIKey()
        } throws: { error in
            let failure = error as? CommandFailure
            return failure?.status == .authentication && failure?.message.contains("exit status 3") == true
                && failure?.message.contains("leaked-secret") == false
        }
    }

    @Test func missingKeyIsAnAuthError() throws {
        let settings = try Settings.resolve(commandLine: CommandLineSettings(), environment: ["HOME": "/nonexistent"])
        #expect(throws: CommandFailure.self) { try settings.resolveAPIKey() }
    }

    @Test func keysWithControlCharactersAreRefused() throws {
        let settings = try Settings.resolve(commandLine: CommandLineSettings(), environment: ["HOME": "/nonexistent", "LAGO_API_KEY": "abc\r\nX-Evil: 1"])
        #expect {
            try settings.resolveAPIKey()
        } throws: { error in
            (error as? CommandFailure)?.message.contains("X-Evil") == false
        }
    }
}
