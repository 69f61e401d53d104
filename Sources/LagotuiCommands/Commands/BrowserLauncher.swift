import ArgumentParser
import BrowserModel
import Foundation
import LagoAPI
import LagoSandbox
import PageCache
import TerminalUI

/// Opens the terminal browser for resolved settings: a `CachedLagoDataSource` over the
/// profile's page cache and a `LagoClient`, the `BrowserModel`, and the ncurses `BrowserView`.
public struct BrowserLauncher {
    public let global: GlobalOptions

    public init(global: GlobalOptions) { self.global = global }

    public func run() async throws {
        let settings = try ClientFactory.settings(global)
        try await BrowserLauncher.open(settings: settings, demoServer: nil, baseURL: settings.apiURL)
    }

    /// Runs the browser until the user quits. A demo without a terminal keeps its sandbox
    /// serving (for `lagotui get`/`export` from another shell) until interrupted.
    @MainActor
    static func open(settings: Settings, demoServer: SandboxServer?, baseURL: URL) async throws {
        let environment = ProcessInfo.processInfo.environment
        if let failure = TerminalPreflight.check(environment: environment) {
            guard demoServer != nil else {
                throw CommandFailure(.usage, failure.description.replacingOccurrences(of: "lagotui: ", with: ""))
            }
            Diagnostics.shared.line("lagotui demo: Lago sandbox listening on \(baseURL.absoluteString) (API key lago-sandbox-key); Ctrl-C stops it")
            await SignalWait.untilInterrupted()
            return
        }
        let themeName = settings.theme ?? BuiltinThemes.defaultName
        let theme: Theme
        do { theme = try ThemeLoader(environment: environment).load(themeName) } catch {
            throw CommandFailure(.usage, "theme \(TextSanitizer.printable(themeName)): \(error)")
        }
        let session = try makeSession(settings)
        var configuration = BrowserConfiguration()
        configuration.keyBindings = settings.keys
        if let dir = settings.downloadDir {
            configuration.downloadDirectory = URL(fileURLWithPath: (dir as NSString).expandingTildeInPath)
        }
        let model = BrowserModel(session: session, configuration: configuration)
        let view = BrowserView(model: model, switchProfile: { name in
            var commandLine = CommandLineSettings()
            commandLine.profile = name
            commandLine.readonly = settings.readonly
            commandLine.insecure = settings.insecure
            let other = try Settings.resolve(commandLine: commandLine, environment: environment)
            return try makeSession(other)
        })
        let terminal: TerminalSession
        do {
            terminal = try TerminalSession(app: view, options: TerminalOptions(theme: theme, environment: environment))
        } catch {
            throw CommandFailure(.usage, "cannot start the terminal: \(error)")
        }
        let status = await terminal.run()
        if status != 0 { throw ExitCode(status) }
    }

    /// A browser session (profile header + cached data source) for settings.
    static func makeSession(_ settings: Settings) throws -> BrowserSession {
        let client = try ClientFactory.makeClient(settings)
        let cache = PageCache(configuration: CacheReport.configuration(profile: settings.profileName, settings: settings),
                              fetcher: LagoPageFetcher(client: client))
        let profile = ProfileInfo(
            name: settings.profileName, environment: settings.mode == .test ? .test : .live, readOnly: settings.readonly,
            apiHost: settings.apiURL.host ?? settings.apiURL.absoluteString, webAppURL: ProfileInfo.webApp(forAPI: settings.apiURL))
        return BrowserSession(profile: profile, dataSource: CachedLagoDataSource(client: client, cache: cache))
    }
}
