import ArgumentParser
import LagoAPI

/// The `lagotui` root command: with no subcommand it opens the browser for the configured
/// profile; `--demo` opens it on the embedded sandbox.
public struct Lagotui: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "lagotui",
        abstract: "A terminal billing browser for Lago.",
        discussion: """
            Configuration precedence: flags, then LAGO_API_KEY / LAGO_API_URL, then the profile in \
            $XDG_CONFIG_HOME/lagotui/config.toml (default ~/.config/lagotui/config.toml).
            Exit codes: 0 ok, 1 generic, 2 usage, 3 auth, 4 not found, 5 validation/other 4xx, \
            6 rate limited, 7 server 5xx, 8 network/timeout.
            """,
        version: BuildInfo.current.versionLine,
        subcommands: [GetCommand.self, ExportCommand.self, BulkCommand.self, PaymentRequestCommand.self, LinkCommand.self, SyncCommand.self, CacheCommand.self,
                      DoctorCommand.self, DiagnoseCommand.self]
    )

    @OptionGroup public var global: GlobalOptions

    @Flag(name: .long, help: "Start the built-in Lago sandbox on a loopback port and browse it.")
    public var demo = false

    public init() {}

    public func run() async throws {
        if demo {
            try await DemoLauncher(global: global).run()
        } else {
            try await BrowserLauncher(global: global).run()
        }
    }
}
