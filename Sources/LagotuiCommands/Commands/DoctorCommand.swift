import ArgumentParser
import Foundation
import LagoAPI

/// `lagotui doctor`: checks configuration, key, network, clock, cache and terminal, one line
/// each (OK / WARN / FAIL) with what to do. Exits non-zero with the first failure's code.
public struct DoctorCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Check configuration, API key, network, clock, cache and terminal."
    )

    @OptionGroup public var global: GlobalOptions

    public init() {}

    public func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        var checks: [DoctorCheck] = []
        let sink = StandardOutputSink()
        func emit(_ new: [DoctorCheck]) throws {
            for check in new { try sink.write(check.line + "\n") }
            try sink.commit()
            checks += new
        }

        Diagnostics.shared.setVerbose(global.verbose)
        if let key = global.apiKey { Diagnostics.shared.addSecret(key) }
        if let key = environment["LAGO_API_KEY"] { Diagnostics.shared.addSecret(key) }
        let configPath = Settings.configPath(environment: environment)
        var settings: Settings?
        do {
            let resolved = try Settings.resolve(commandLine: global.commandLine, environment: environment)
            settings = resolved
            try emit(DoctorCommand.settingsChecks(resolved))
        } catch {
            let (status, message) = ErrorReporter.classify(error)
            try emit([DoctorCheck(.fail, "config", Diagnostics.shared.redact(message),
                                  advice: "fix \(configPath) or the flags", failure: status)])
        }

        try emit(DoctorCommand.installChecks(theme: settings?.theme, environment: environment))
        if let settings {
            try emit(await DoctorCommand.apiChecks(settings))
            try emit(await CacheReport.doctorChecks(profile: settings.profileName, settings: settings, environment: environment))
        }
        try emit(TerminalProbe(environment: environment).checks())

        if let failed = checks.first(where: { $0.level == .fail }) {
            throw ExitCode(failed.failure.rawValue)
        }
    }

    static func settingsChecks(_ settings: Settings) -> [DoctorCheck] {
        var out: [DoctorCheck] = []
        if settings.configFound {
            out.append(DoctorCheck(.ok, "config", "found at \(settings.configPath)"))
        } else {
            out.append(DoctorCheck(.warn, "config", "no file at \(settings.configPath)",
                                   advice: "create it with a [profiles.NAME] table to keep settings, or use flags and LAGO_API_KEY"))
        }
        for warning in settings.warnings {
            out.append(DoctorCheck(.warn, "config", warning))
        }
        out.append(DoctorCheck(.ok, "profile", "\(settings.profileName) (from \(settings.profileSource)), mode \(settings.mode.rawValue)\(settings.readonly ? ", read-only" : "")"))
        let insecure = settings.apiURL.scheme == "http" && !Settings.isLoopback(settings.apiURL.host ?? "")
        out.append(DoctorCheck(insecure ? .warn : .ok, "api url", "\(settings.apiURL.absoluteString) (from \(settings.apiURLSource))",
                               advice: insecure ? "use https: plain http sends the key unencrypted" : nil))
        return out
    }

    /// Key found, key accepted, round-trip time and clock skew, from one cheap list request.
    static func apiChecks(_ settings: Settings) async -> [DoctorCheck] {
        var out: [DoctorCheck] = []
        let source: SettingSource
        do {
            (_, source) = try settings.resolveAPIKey()
            out.append(DoctorCheck(.ok, "api key", "from \(source)"))
            if case .configFile = source {
                out.append(DoctorCheck(.warn, "api key", "stored in plain text in \(settings.configPath)",
                                       advice: "prefer api_key_command (e.g. \"pass show lago\")"))
            }
        } catch {
            let (status, message) = ErrorReporter.classify(error)
            out.append(DoctorCheck(.fail, "api key", message, advice: "set LAGO_API_KEY or api_key_command", failure: status))
            return out
        }
        var tuning = ClientFactory.Tuning()
        tuning.retry = .never
        tuning.inspectConnections = true
        out += routeChecks(settings)
        do {
            let client = try ClientFactory.makeClient(settings, tuning: tuning)
            let clock = ContinuousClock()
            let started = clock.now
            let response = try await client.send(.get, "/customers", query: [
                URLQueryItem(name: "page", value: "1"), URLQueryItem(name: "per_page", value: "1"),
            ])
            let elapsed = clock.now - started
            let milliseconds = Int(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)
            out.append(DoctorCheck(.ok, "api", "key accepted by \(settings.apiURL.host ?? "the API")"))
            out += connectionChecks(response.connection, settings: settings)
            out.append(DoctorCheck(milliseconds < 1000 ? .ok : .warn, "latency", "round trip \(milliseconds) ms",
                                   advice: milliseconds < 1000 ? nil : "a slow link: the browser will lean on its cache"))
            out.append(clockCheck(dateHeader: response.header("date"), roundTrip: elapsed))
        } catch let error as LagoError {
            let status = ErrorReporter.exitStatus(for: error)
            let advice: String
            switch status {
            case .authentication: advice = "check the key, and that it belongs to this API URL's region (US or EU)"
            case .network: advice = "check the API URL and your network"
            case .notFound: advice = "the API URL should end in /api/v1"
            default: advice = "retry later; run with --verbose for details"
            }
            out.append(DoctorCheck(.fail, "api", error.message, advice: advice, failure: status))
        } catch {
            let (status, message) = ErrorReporter.classify(error)
            out.append(DoctorCheck(.fail, "api", message, failure: status))
        }
        return out
    }

    /// Compares the server's `Date` header with the local clock (half the round trip allowed).
    static func clockCheck(dateHeader: String?, roundTrip: Duration, now: Date = Date()) -> DoctorCheck {
        guard let dateHeader, let serverDate = httpDate(dateHeader) else {
            return DoctorCheck(.warn, "clock", "the server sent no Date header; skew unknown")
        }
        let skew = now.timeIntervalSince(serverDate) - Double(roundTrip.components.seconds) / 2
        let seconds = Int(skew.rounded())
        if abs(seconds) <= 30 {
            return DoctorCheck(.ok, "clock", "skew \(seconds) s from the server")
        }
        return DoctorCheck(.warn, "clock", "local clock is \(abs(seconds)) s \(seconds > 0 ? "ahead of" : "behind") the server",
                           advice: "sync the clock (NTP): ages and freshness would be wrong")
    }

    /// Parses an RFC 9110 IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`).
    static func httpDate(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        return formatter.date(from: text)
    }
}
