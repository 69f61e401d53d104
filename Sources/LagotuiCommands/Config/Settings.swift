import Foundation
import LagoAPI

/// Where a setting came from, for doctor and `--verbose`.
public enum SettingSource: Sendable, Equatable, CustomStringConvertible {
    case flag(String)
    case environment(String)
    case configFile(profile: String)
    case keyCommand(profile: String)
    case builtIn

    public var description: String {
        switch self {
        case let .flag(name): return "flag \(name)"
        case let .environment(name): return "environment \(name)"
        case let .configFile(profile): return "config profile \(profile)"
        case let .keyCommand(profile): return "api_key_command of profile \(profile)"
        case .builtIn: return "built-in default"
        }
    }
}

/// What the command line asked for, before configuration is consulted.
public struct CommandLineSettings: Sendable, Equatable {
    public var apiURL: String?
    public var apiKey: String?
    public var profile: String?
    public var insecure = false
    public var readonly = false
    public var theme: String?
    public var verbose = false
    /// `--cacert`, `--client-cert`, `--client-key`, `--proxy`.
    public var network = ProfileNetworkConfig()
    public init() {}
}

/// Every setting resolved with its precedence: flags, then environment (`LAGO_API_KEY`,
/// `LAGO_API_URL`), then the profile in config.toml, then built-in defaults.
/// The key itself is resolved lazily (`resolveAPIKey`) because `api_key_command` may prompt
/// a password manager and most commands (`cache info`, `--help`) never need it.
public struct Settings: Sendable {
    public var profileName: String
    public var profileSource: SettingSource
    public var profile: ProfileConfig?
    public var configPath: String
    public var configFound: Bool
    public var apiURL: URL
    public var apiURLSource: SettingSource
    public var mode: ProfileMode
    public var readonly: Bool
    public var insecure: Bool
    public var theme: String?
    public var verbose: Bool
    public var downloadDir: String?
    public var keys: [String: [String]]
    public var freshness: [String: Int]
    public var cacheMaxMegabytes: Int?
    /// CA file, client certificate and proxy, each with where it came from.
    public var network: NetworkSettings
    /// Warnings to print once on stderr (loose permissions, --api-key visible, --insecure …).
    public var warnings: [String]
    var flagKey: String?
    var environment: [String: String]

    /// The config file path: `$XDG_CONFIG_HOME/lagotui/config.toml`, else `~/.config/lagotui/config.toml`.
    public static func configPath(environment: [String: String]) -> String {
        if let xdg = environment["XDG_CONFIG_HOME"], !xdg.isEmpty, xdg.hasPrefix("/") {
            return xdg + "/lagotui/config.toml"
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return home + "/.config/lagotui/config.toml"
    }

    /// Resolves settings from flags, environment and the config file.
    public static func resolve(commandLine: CommandLineSettings, environment: [String: String]) throws -> Settings {
        let path = configPath(environment: environment)
        let file: ConfigFile?
        do { file = try ConfigFile.load(path: path) } catch let error as ConfigError {
            throw CommandFailure(.usage, error.description)
        }
        var warnings = file?.warnings ?? []

        let profileName: String
        let profileSource: SettingSource
        if let name = commandLine.profile {
            guard !name.isEmpty else { throw CommandFailure(.usage, "--profile needs a name") }
            profileName = name
            profileSource = .flag("--profile")
        } else if let name = environment["LAGOTUI_PROFILE"], !name.isEmpty {
            profileName = name
            profileSource = .environment("LAGOTUI_PROFILE")
        } else if let name = file?.defaultProfile {
            profileName = name
            profileSource = .configFile(profile: name)
        } else {
            profileName = "default"
            profileSource = .builtIn
        }
        let profile = file?.profiles[profileName]
        if profile == nil, profileSource != .builtIn {
            let known = file.map { $0.profiles.keys.sorted().joined(separator: ", ") } ?? ""
            let location = file == nil ? "no config file at \(path)" : "profiles in \(path): \(known.isEmpty ? "none" : known)"
            throw CommandFailure(.usage, "profile \(TextSanitizer.printable(profileName)) not found (\(location))")
        }

        let rawURL: String
        let urlSource: SettingSource
        if let flag = commandLine.apiURL {
            rawURL = flag; urlSource = .flag("--api-url")
        } else if let env = environment["LAGO_API_URL"], !env.isEmpty {
            rawURL = env; urlSource = .environment("LAGO_API_URL")
        } else if let configured = profile?.apiURL {
            rawURL = configured; urlSource = .configFile(profile: profileName)
        } else {
            rawURL = "https://api.getlago.com/api/v1"; urlSource = .builtIn
        }
        let url = try validateAPIURL(rawURL, source: urlSource, insecure: commandLine.insecure)

        if commandLine.apiKey != nil {
            warnings.append("--api-key is visible to other users in the process list; prefer LAGO_API_KEY or api_key_command in config.toml")
        }
        if commandLine.insecure {
            warnings.append("--insecure: plain http to a non-loopback host sends the API key and billing data unencrypted")
        }
        let network = try NetworkSettings.resolve(commandLine: commandLine.network, profile: profile,
                                                  profileName: profileName, environment: environment)
        warnings += network.warnings
        if profile?.apiKey != nil, profile?.apiKeyCommand != nil {
            warnings.append("profile \(profileName) sets both api_key and api_key_command; api_key_command is used")
        }

        return Settings(
            profileName: profileName, profileSource: profileSource, profile: profile, configPath: path,
            configFound: file != nil, apiURL: url, apiURLSource: urlSource,
            mode: profile?.mode ?? .live, readonly: commandLine.readonly || (profile?.readonly ?? false),
            insecure: commandLine.insecure, theme: commandLine.theme ?? profile?.theme, verbose: commandLine.verbose,
            downloadDir: profile?.downloadDir, keys: profile?.keys ?? [:], freshness: profile?.freshness ?? [:],
            cacheMaxMegabytes: profile?.cacheMaxMegabytes, network: network, warnings: warnings, flagKey: commandLine.apiKey,
            environment: environment)
    }

    /// Checks an API URL: http(s), a host, no credentials or query in it; plain http only to
    /// loopback unless `--insecure`.
    static func validateAPIURL(_ raw: String, source: SettingSource, insecure: Bool) throws -> URL {
        let trimmed = raw.trimmingCharacters(in: .whitespaces)
        let shown = TextSanitizer.printable(String(trimmed.prefix(200)))
        guard let components = URLComponents(string: trimmed), let scheme = components.scheme?.lowercased(),
              scheme == "http" || scheme == "https", let host = components.host, !host.isEmpty
        else {
            throw CommandFailure(.usage, "API URL \(shown) (from \(source)) is not an http(s) URL such as https://api.getlago.com/api/v1")
        }
        if components.user != nil || components.password != nil || components.query != nil || components.fragment != nil {
            throw CommandFailure(.usage, "API URL (from \(source)) must not carry credentials, a query or a fragment")
        }
        if scheme == "http", !insecure, !isLoopback(host) {
            throw CommandFailure(.usage, "API URL \(shown) (from \(source)) uses plain http to a non-loopback host; use https (or --insecure, at your own risk)")
        }
        var text = trimmed
        while text.hasSuffix("/") { text.removeLast() }
        guard let url = URL(string: text) else {
            throw CommandFailure(.usage, "API URL \(shown) (from \(source)) is not a valid URL")
        }
        return url
    }

    static func isLoopback(_ host: String) -> Bool {
        let h = host.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        return h == "localhost" || h == "::1" || h.hasPrefix("127.")
    }

    /// The API key and where it came from: `--api-key`, `LAGO_API_KEY`, `api_key_command`, `api_key`.
    public func resolveAPIKey() throws -> (key: String, source: SettingSource) {
        let (key, source) = try locateAPIKey()
        guard key.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F }) else {
            throw CommandFailure(.authentication, "the API key from \(source) contains spaces or control characters")
        }
        return (key, source)
    }

    private func locateAPIKey() throws -> (key: String, source: SettingSource) {
        if let flagKey, !flagKey.isEmpty { return (flagKey, .flag("--api-key")) }
        if let env = environment["LAGO_API_KEY"], !env.isEmpty { return (env, .environment("LAGO_API_KEY")) }
        if let command = profile?.apiKeyCommand {
            return (try ApiKeyCommand.run(command, profile: profileName, environment: environment), .keyCommand(profile: profileName))
        }
        if let key = profile?.apiKey, !key.isEmpty { return (key, .configFile(profile: profileName)) }
        throw CommandFailure(.authentication,
                             "no API key: set LAGO_API_KEY, or api_key_command in profile \(profileName) of \(configPath)")
    }
}
