import ArgumentParser
import Foundation
import PageCache
import LagoAPI

/// `lagotui cache info|clear`: the profile's local page cache.
public struct CacheCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "cache",
        abstract: "Show or clear the profile's local page cache.",
        subcommands: [Info.self, Clear.self]
    )

    public init() {}

    /// The profile whose cache is meant: `--profile`, else the configured default. A profile
    /// that is no longer in config.toml can still have its cache inspected or cleared.
    static func profile(_ global: GlobalOptions) -> (name: String, settings: Settings?) {
        let environment = ProcessInfo.processInfo.environment
        if let settings = try? Settings.resolve(commandLine: global.commandLine, environment: environment) {
            return (settings.profileName, settings)
        }
        return (global.profile ?? environment["LAGOTUI_PROFILE"] ?? "default", nil)
    }

    /// `lagotui cache info`.
    public struct Info: AsyncParsableCommand {
        public static let configuration = CommandConfiguration(commandName: "info", abstract: "Path, size, pages, records, oldest entry.")
        @OptionGroup public var global: GlobalOptions
        public init() {}

        public func run() async throws {
            let (name, settings) = CacheCommand.profile(global)
            let info = await PageCache.info(configuration: CacheReport.configuration(profile: name, settings: settings))
            let sink = StandardOutputSink()
            try sink.write("profile   \(TextSanitizer.printable(name))\n")
            for line in CacheReport.lines(info) { try sink.write(line + "\n") }
            try sink.commit()
        }
    }

    /// `lagotui cache clear [--profile NAME]`.
    public struct Clear: AsyncParsableCommand {
        public static let configuration = CommandConfiguration(commandName: "clear", abstract: "Delete the profile's cached pages and records.")
        @OptionGroup public var global: GlobalOptions
        public init() {}

        public func run() async throws {
            let (name, settings) = CacheCommand.profile(global)
            let configuration = CacheReport.configuration(profile: name, settings: settings)
            do {
                try PageCache.clear(configuration: configuration)
            } catch {
                throw CommandFailure(.generic, "cannot clear the cache of profile \(name): \(error.localizedDescription)")
            }
            Diagnostics.shared.line("cleared the cache of profile \(name)")
        }
    }
}
