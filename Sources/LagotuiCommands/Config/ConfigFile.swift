import Foundation
import TOMLKit
import LagoAPI

/// The parsed `config.toml`: named profiles and which one is the default.
///
/// ```toml
/// default_profile = "eu"
///
/// [profiles.eu]
/// api_url = "https://api.eu.getlago.com/api/v1"
/// api_key_command = "pass show lago/eu"
/// mode = "live"
/// readonly = true
/// theme = "dark"
/// download_dir = "~/Downloads/invoices"
/// ca_file = "/etc/ssl/corp-ca.pem"        # trusted in addition to the system CAs
/// client_cert = "~/.lago/client.pem"      # mutual TLS (client_key if the key is separate)
/// proxy = "http://proxy.corp:3128"        # else HTTPS_PROXY/HTTP_PROXY/NO_PROXY
///
/// [profiles.eu.keys]
/// finalize = "F"
///
/// [profiles.eu.freshness]
/// invoices = 30
/// plans = "2h"
/// ```
/// Profile keys written at the top level form the profile named `default`.
public struct ConfigFile: Sendable, Equatable {
    public var path: String
    public var defaultProfile: String?
    public var profiles: [String: ProfileConfig]
    /// Problems that do not stop the program (unknown keys, loose file permissions).
    public var warnings: [String]

    /// The keys a profile table takes (documented in `profileKeyDocumentation`).
    static let profileKeys = Set(profileKeyDocumentation.map(\.key))

    /// The first line holding a table header that toml++ (inside TOMLKit) does not reject but
    /// asserts on, aborting the whole program: `[=]`, `[[[`, `[[ [a]]`. Found by the reliability
    /// suite; checked before the text reaches the parser.
    static func malformedTableHeaderLine(_ text: String) -> Int? {
        func isKeyStart(_ c: Character) -> Bool {
            c.isASCII && (c.isLetter || c.isNumber || c == "_" || c == "-") || c == "\"" || c == "'" || c == "]"
        }
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = raw.drop { $0 == " " || $0 == "\t" || $0 == "\u{FEFF}" }
            guard rest.first == "[" else { continue }
            rest = rest.dropFirst()
            let double = rest.first == "["
            if double { rest = rest.dropFirst() }
            let afterBrackets = rest.drop { $0 == " " || $0 == "\t" }
            guard let next = afterBrackets.first else { continue }
            if isKeyStart(next) { continue }
            if next == "[", !double, afterBrackets.startIndex != rest.startIndex { continue }  // "[ [a]]": toml++ reports it
            return index + 1
        }
        return nil
    }

    /// Reads the file at `path`; `nil` when there is no file.
    public static func load(path: String) throws -> ConfigFile? {
        let fm = FileManager.default
        guard fm.fileExists(atPath: path) else { return nil }
        guard let data = fm.contents(atPath: path) else {
            throw ConfigError(path: path, line: nil, key: nil, problem: "cannot be read (check its permissions)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigError(path: path, line: nil, key: nil, problem: "is not UTF-8 text")
        }
        var file = try parse(text, path: path)
        var info = stat()
        if stat(path, &info) == 0, info.st_mode & 0o077 != 0 {
            let mode = String(info.st_mode & 0o777, radix: 8)
            file.warnings.insert(
                "\(path) is readable by group or others (mode \(mode)); it may hold API keys: run chmod 600 \(path)",
                at: 0)
        }
        return file
    }

    /// Parses config text; `path` is only used in messages.
    public static func parse(_ text: String, path: String) throws -> ConfigFile {
        let locator = ConfigLineLocator(text: text)
        if let line = malformedTableHeaderLine(text) {
            throw ConfigError(path: path, line: line, key: nil, problem: "not valid TOML: a table header must start with a key ([profiles.NAME])")
        }
        let root: TOMLTable
        do {
            root = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ConfigError(path: path, line: error.source.begin.line, key: nil, problem: "not valid TOML: \(error.description)")
        }
        var file = ConfigFile(path: path, defaultProfile: nil, profiles: [:], warnings: [])
        var topLevel = ProfileConfig(name: "default")
        var hasTopLevelProfile = false
        for key in root.keys.sorted() {
            guard let value = root[key] else { continue }
            switch key {
            case "default_profile", "profile":
                file.defaultProfile = try string(value, key: key, table: [], path: path, locator: locator)
            case "profiles":
                guard let profiles = value.table else {
                    throw ConfigError(path: path, line: locator.line(of: key, in: []), key: key,
                                      problem: "expected a table of profiles ([profiles.NAME]), found \(value.type)")
                }
                for name in profiles.keys.sorted() {
                    guard let table = profiles[name]?.table else {
                        throw ConfigError(path: path, line: locator.line(of: name, in: ["profiles"]), key: "profiles.\(name)",
                                          problem: "expected a table ([profiles.\(name)]), found \(profiles[name]!.type)")
                    }
                    file.profiles[name] = try profile(named: name, table: table, scope: ["profiles", name],
                                                      path: path, locator: locator, warnings: &file.warnings)
                }
            default:
                if profileKeys.contains(key) {
                    hasTopLevelProfile = true
                } else {
                    file.warnings.append("\(path):\(locator.line(of: key, in: []).map(String.init) ?? "?"): unknown key \(key) (ignored)")
                }
            }
        }
        if hasTopLevelProfile {
            topLevel = try profile(named: "default", table: root, scope: [], path: path, locator: locator,
                                   warnings: &file.warnings, ignoring: ["profiles", "default_profile", "profile"])
            if file.profiles["default"] == nil { file.profiles["default"] = topLevel }
        }
        return file
    }

    private static func profile(
        named name: String, table: TOMLTable, scope: [String], path: String, locator: ConfigLineLocator,
        warnings: inout [String], ignoring: Set<String> = []
    ) throws -> ProfileConfig {
        var profile = ProfileConfig(name: name)
        let dotted = scope.joined(separator: ".")
        func qualified(_ key: String) -> String { dotted.isEmpty ? key : dotted + "." + key }
        for key in table.keys.sorted() where !ignoring.contains(key) {
            guard let value = table[key] else { continue }
            switch key {
            case "api_url": profile.apiURL = try string(value, key: key, table: scope, path: path, locator: locator)
            case "api_key": profile.apiKey = try string(value, key: key, table: scope, path: path, locator: locator)
            case "api_key_command":
                profile.apiKeyCommand = try string(value, key: key, table: scope, path: path, locator: locator)
            case "mode":
                let raw = try string(value, key: key, table: scope, path: path, locator: locator)
                guard let mode = ProfileMode(rawValue: raw) else {
                    throw ConfigError(path: path, line: locator.line(of: key, in: scope), key: qualified(key),
                                      problem: "expected \"live\" or \"test\", found \"\(TextSanitizer.printable(raw))\"")
                }
                profile.mode = mode
            case "readonly":
                guard let flag = value.bool, value.type == .bool else {
                    throw typeError(key: key, expected: "true or false", found: value, scope: scope, path: path, locator: locator)
                }
                profile.readonly = flag
            case "theme": profile.theme = try string(value, key: key, table: scope, path: path, locator: locator)
            case "download_dir": profile.downloadDir = try string(value, key: key, table: scope, path: path, locator: locator)
            case "ca_file", "client_cert", "client_key", "proxy":
                _ = profile.network.set(key, to: try string(value, key: key, table: scope, path: path, locator: locator))
            case "cache_max_mb":
                guard value.type == .int, let mb = value.int, mb > 0 else {
                    throw typeError(key: key, expected: "a positive whole number of megabytes", found: value, scope: scope,
                                    path: path, locator: locator)
                }
                profile.cacheMaxMegabytes = mb
            case "keys":
                guard let keys = value.table else {
                    throw typeError(key: key, expected: "a table (action = \"key\")", found: value, scope: scope, path: path, locator: locator)
                }
                for action in keys.keys.sorted() {
                    let entry = keys[action]!
                    if let list = entry.array {
                        profile.keys[action] = try list.map {
                            try string($0, key: action, table: scope + ["keys"], path: path, locator: locator)
                        }
                    } else {
                        profile.keys[action] = [try string(entry, key: action, table: scope + ["keys"], path: path, locator: locator)]
                    }
                }
            case "freshness":
                guard let table = value.table else {
                    throw typeError(key: key, expected: "a table (resource = seconds)", found: value, scope: scope, path: path, locator: locator)
                }
                for resource in table.keys.sorted() {
                    let entry = table[resource]!
                    let seconds: Int?
                    if entry.type == .int { seconds = entry.int } else if let text = entry.string { seconds = parseDuration(text) } else { seconds = nil }
                    guard let seconds, seconds >= 0 else {
                        throw typeError(key: resource, expected: "seconds (30) or a duration (\"5m\", \"1h\")", found: entry,
                                        scope: scope + ["freshness"], path: path, locator: locator)
                    }
                    profile.freshness[resource] = seconds
                }
            default:
                warnings.append("\(path):\(locator.line(of: key, in: scope).map(String.init) ?? "?"): unknown key \(qualified(key)) (ignored)")
            }
        }
        return profile
    }

    private static func string(_ value: TOMLValueConvertible, key: String, table: [String], path: String,
                               locator: ConfigLineLocator) throws -> String {
        guard value.type == .string, let text = value.string else {
            throw typeError(key: key, expected: "a string", found: value, scope: table, path: path, locator: locator)
        }
        return text
    }

    private static func typeError(key: String, expected: String, found: TOMLValueConvertible, scope: [String], path: String,
                                  locator: ConfigLineLocator) -> ConfigError {
        let qualified = (scope + [key]).joined(separator: ".")
        return ConfigError(path: path, line: locator.line(of: key, in: scope), key: qualified,
                           problem: "expected \(expected), found \(found.type.description)")
    }

    /// `"90"`, `"30s"`, `"5m"`, `"1h"`, `"2d"` → seconds.
    static func parseDuration(_ text: String) -> Int? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let unit = trimmed.last else { return nil }
        let multipliers: [Character: Int] = ["s": 1, "m": 60, "h": 3600, "d": 86400]
        if let multiplier = multipliers[unit], let n = Int(trimmed.dropLast()), n >= 0 { return n * multiplier }
        return Int(trimmed)
    }
}
