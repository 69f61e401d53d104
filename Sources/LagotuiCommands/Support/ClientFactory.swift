import Foundation
import LagoAPI

/// Builds the `LagoClient` for resolved settings: resolves the key (registering it for
/// redaction before anything can print it), wraps the libcurl transport so `--verbose` can
/// describe failures, and prints the settings' warnings once.
public enum ClientFactory {
    /// Options a command may tune.
    public struct Tuning: Sendable {
        public var perPage = 100
        public var concurrency = 8
        public var retry: RetryPolicy = .standard
        /// Attach a ``ConnectionReport`` to responses (doctor).
        public var inspectConnections = false
        public init() {}
    }

    /// A client for `settings`.
    public static func makeClient(_ settings: Settings, tuning: Tuning = Tuning()) throws -> LagoClient {
        let (key, _) = try settings.resolveAPIKey()
        Diagnostics.shared.addSecret(key)
        let transport = CurlTransport(options: transportOptions(settings, tuning: tuning))
        let configuration = LagoClientConfiguration(
            baseURL: settings.apiURL, apiKey: key, insecure: settings.insecure, perPage: tuning.perPage, retry: tuning.retry,
            pageConcurrency: tuning.concurrency)
        return try LagoClient(configuration: configuration, transport: RecordingTransport(transport))
    }

    /// The libcurl options for settings: concurrency, the profile's CA file, client
    /// certificate and proxy.
    static func transportOptions(_ settings: Settings, tuning: Tuning) -> CurlTransport.Options {
        CurlTransport.Options(maxConcurrentRequests: max(1, tuning.concurrency), tls: settings.network.tls,
                              proxy: settings.network.proxy, inspectConnections: tuning.inspectConnections)
    }

    /// Resolves settings from global options and the process environment, applies `--verbose`
    /// and prints warnings.
    public static func settings(_ global: GlobalOptions, environment: [String: String] = ProcessInfo.processInfo.environment)
        throws -> Settings
    {
        Diagnostics.shared.setVerbose(global.verbose)
        if let key = global.apiKey { Diagnostics.shared.addSecret(key) }
        if let key = environment["LAGO_API_KEY"] { Diagnostics.shared.addSecret(key) }
        let settings = try Settings.resolve(commandLine: global.commandLine, environment: environment)
        for secret in settings.network.proxySecrets(for: settings.apiURL) { Diagnostics.shared.addSecret(secret) }
        for warning in settings.warnings { Diagnostics.shared.warn(warning) }
        return settings
    }
}
