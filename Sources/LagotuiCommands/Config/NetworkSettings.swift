import Foundation
import LagoAPI

/// The resolved network route of a profile: extra CA bundle, client certificate for mutual
/// TLS and proxy, each with where it came from (flag, then profile; the proxy falls back to
/// `HTTPS_PROXY`/`HTTP_PROXY`/`NO_PROXY`). Files are checked here so a typo is a usage error
/// (exit 2) naming the setting, not a TLS failure later.
public struct NetworkSettings: Sendable {
    /// A file setting and its source.
    public struct File: Sendable, Equatable {
        public var path: String
        public var source: SettingSource
    }

    public var caFile: File?
    public var clientCert: File?
    public var clientKey: File?
    /// The explicit proxy (flag or profile) and its source; `nil` means the environment decides.
    public var explicitProxy: (url: String, source: SettingSource)?
    /// Proxy selection for the transport (explicit value plus the environment's variables).
    public var proxy: ProxySettings
    /// Warnings for doctor and stderr (a private key readable by others).
    public var warnings: [String]

    /// What the libcurl transport needs.
    public var tls: TLSSettings {
        TLSSettings(caFile: caFile?.path, clientCertificate: clientCert?.path, clientKey: clientKey?.path)
    }

    /// Flags win over the profile; the proxy falls back to the environment.
    static func resolve(commandLine: ProfileNetworkConfig, profile: ProfileConfig?, profileName: String,
                        environment: [String: String]) throws -> NetworkSettings {
        let configured = profile?.network ?? ProfileNetworkConfig()
        func pick(_ flag: String?, _ flagName: String, _ file: String?) -> (String, SettingSource)? {
            if let flag { return (flag, .flag(flagName)) }
            if let file { return (file, .configFile(profile: profileName)) }
            return nil
        }
        func checkedFile(_ choice: (String, SettingSource)?, key: String) throws -> File? {
            guard let choice else { return nil }
            let (raw, source) = choice
            // Absolute, so doctor shows the file libcurl really reads whatever the working directory.
            let path = URL(fileURLWithPath: expandHome(raw, environment: environment)).standardizedFileURL.path
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
                throw CommandFailure(.usage, "\(key) \(TextSanitizer.printable(path)) (from \(source)) does not exist")
            }
            guard FileManager.default.isReadableFile(atPath: path) else {
                throw CommandFailure(.usage, "\(key) \(TextSanitizer.printable(path)) (from \(source)) cannot be read")
            }
            return File(path: path, source: source)
        }
        let caFile = try checkedFile(pick(commandLine.caFile, "--cacert", configured.caFile), key: "ca_file")
        let clientCert = try checkedFile(pick(commandLine.clientCert, "--client-cert", configured.clientCert), key: "client_cert")
        let clientKey = try checkedFile(pick(commandLine.clientKey, "--client-key", configured.clientKey), key: "client_key")
        if clientKey != nil, clientCert == nil {
            throw CommandFailure(.usage, "client_key (from \(clientKey!.source)) needs client_cert (or --client-cert) too")
        }
        var warnings: [String] = []
        if let keyFile = clientKey ?? clientCert, isReadableByOthers(keyFile.path) {
            warnings.append("\(keyFile.path) may hold a private key and is readable by group or others: run chmod 600 \(keyFile.path)")
        }
        let explicit = pick(commandLine.proxy, "--proxy", configured.proxy)
        if let explicit { try validateProxy(explicit.0, source: explicit.1) }
        return NetworkSettings(
            caFile: caFile, clientCert: clientCert, clientKey: clientKey,
            explicitProxy: explicit.map { (url: $0.0, source: $0.1) },
            proxy: ProxySettings(explicit: explicit?.0, environment: environment), warnings: warnings)
    }

    /// The proxy requests to `url` take, and where that came from; `nil` when direct.
    public func proxyRoute(for url: URL) -> (display: String, source: SettingSource)? {
        guard let route = proxy.route(for: url) else { return nil }
        let source = route.source == "explicit" ? explicitProxy?.source ?? .builtIn : .environment(route.source)
        return (route.display, source)
    }

    /// The proxy's password, if its URL carries one (registered for redaction).
    public func proxySecrets(for url: URL) -> [String] {
        guard let route = proxy.route(for: url), let components = URLComponents(string: route.url) else { return [] }
        let forms = [components.password, components.percentEncodedPassword].compactMap { $0 }.filter { !$0.isEmpty }
        return forms.enumerated().filter { !forms.prefix($0.offset).contains($0.element) }.map(\.element)
    }

    static func validateProxy(_ raw: String, source: SettingSource) throws {
        let trimmed = raw.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty || trimmed.lowercased() == "none" { return }
        let schemes: Set<String> = ["http", "https", "socks4", "socks4a", "socks5", "socks5h"]
        guard let components = URLComponents(string: trimmed), let scheme = components.scheme?.lowercased(),
              schemes.contains(scheme), let host = components.host, !host.isEmpty
        else {
            let shown = TextSanitizer.printable(ProxySettings.redact(String(trimmed.prefix(200))))
            throw CommandFailure(.usage, "proxy \(shown) (from \(source)) is not a URL such as http://proxy.example.com:3128 (or none)")
        }
    }

    static func expandHome(_ path: String, environment: [String: String]) -> String {
        guard path == "~" || path.hasPrefix("~/") else { return path }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return home + path.dropFirst()
    }

    private static func isReadableByOthers(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_mode & 0o077 != 0
    }
}
