import Foundation
import LagoSandbox
import PageCache

/// `lagotui --demo`: starts the built-in Lago sandbox in this process on a free loopback port,
/// with live usage events, and browses it with the sandbox's demo key.
public struct DemoLauncher {
    public let global: GlobalOptions

    public init(global: GlobalOptions) { self.global = global }

    /// The sandbox options of the demo: seeded data and a trickle of live events.
    public static var sandboxOptions: SandboxOptions {
        var options = SandboxOptions()
        options.host = "127.0.0.1"
        options.port = 0
        options.liveEventsPerSecond = 2
        return options
    }

    public func run() async throws {
        let options = DemoLauncher.sandboxOptions
        let server = SandboxServer(options: options)
        let baseURL = try await server.start()
        var global = self.global
        global.apiURL = baseURL.absoluteString
        global.apiKey = nil
        let environment = ProcessInfo.processInfo.environment.merging(["LAGO_API_KEY": options.apiKey]) { _, new in new }
        Diagnostics.shared.setVerbose(global.verbose)
        var commandLine = global.commandLine
        commandLine.profile = nil
        var settings = try Settings.resolve(commandLine: commandLine, environment: environment.filter { $0.key != "LAGOTUI_PROFILE" })
        settings.profileName = "demo"
        settings.mode = .test
        // Each demo seeds a new sandbox: pages cached by an earlier demo would show its data
        // (and its changes) until they aged out.
        try? PageCache.clear(configuration: CacheReport.configuration(profile: settings.profileName, settings: settings))
        try await BrowserLauncher.open(settings: settings, demoServer: server, baseURL: baseURL)
        await server.stop()
    }
}
