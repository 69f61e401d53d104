import Foundation
import LagoSandbox

/// Opens the terminal browser for resolved settings.
public struct BrowserLauncher {
    public let global: GlobalOptions

    public init(global: GlobalOptions) { self.global = global }

    public func run() async throws {
        let settings = try ClientFactory.settings(global)
        try await BrowserLauncher.open(settings: settings, demoServer: nil, baseURL: settings.apiURL)
    }

    /// Runs the browser until the user quits. While the terminal front end is not linked in,
    /// a demo keeps its sandbox serving (for other clients) until interrupted.
    static func open(settings: Settings, demoServer: SandboxServer?, baseURL: URL) async throws {
        if demoServer != nil {
            Diagnostics.shared.line("lagotui demo: Lago sandbox listening on \(baseURL.absoluteString) (API key lago-sandbox-key); Ctrl-C stops it")
            await SignalWait.untilInterrupted()
            return
        }
        print(Lagotui.helpMessage())
    }
}
