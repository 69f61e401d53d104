import BrowserModel
import Foundation

/// The entry point the `lagotui` command calls to open the browser on the terminal.
public enum TerminalBrowser {
    /// Runs `model` on the controlling terminal until the user quits (or SIGINT, SIGTERM,
    /// SIGHUP), and returns the process exit status. Checks first that stdin/stdout are a
    /// terminal and TERM can draw; if not, prints why to stderr and returns 2 without touching
    /// the terminal. The terminal is restored before this returns, whatever happened.
    ///
    /// - Parameters:
    ///   - model: the browser, not started yet (`start()` is called here).
    ///   - theme: from `loadTheme(named:)`.
    ///   - mouse: mouse support (off by default: it breaks text selection in most terminals).
    ///   - switchProfile: builds the session for `:profile NAME`.
    @MainActor
    public static func run(model: BrowserModel, theme: Theme, mouse: Bool = false,
                           environment: [String: String] = ProcessInfo.processInfo.environment,
                           switchProfile: (@MainActor (String) async throws -> BrowserSession)? = nil) async -> Int32 {
        if let failure = TerminalPreflight.check(environment: environment) {
            FileHandle.standardError.write(Data((failure.description + "\n").utf8))
            return failure.exitStatus
        }
        let view = BrowserView(model: model, switchProfile: switchProfile)
        let session: TerminalSession
        do {
            session = try TerminalSession(app: view, options: TerminalOptions(theme: theme, mouse: mouse, environment: environment))
        } catch {
            FileHandle.standardError.write(Data(("lagotui: \(error)\n").utf8))
            return 1
        }
        return await session.run()
    }

    /// The theme called `name` (nil: `light` on a terminal that reports a light background
    /// through COLORFGBG, else `dark`), from the user's theme directory or the built-in ones,
    /// over the default theme. Throws with file, line and key on a bad file.
    public static func loadTheme(named name: String?, environment: [String: String] = ProcessInfo.processInfo.environment) throws(ThemeError) -> Theme {
        try ThemeLoader(environment: environment).load(name ?? ThemeLoader.defaultThemeName(environment: environment))
    }
}
