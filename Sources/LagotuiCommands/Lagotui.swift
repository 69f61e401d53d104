import ArgumentParser
import LagoAPI

/// The `lagotui` root command: with no subcommand it opens the browser for the configured profile.
public struct Lagotui: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "lagotui",
        abstract: "A terminal billing browser for Lago.",
        version: LagotuiVersion.current
    )

    public init() {}

    public func run() async throws {
        print(Lagotui.helpMessage())
    }
}
