import ArgumentParser
import Foundation
import TerminalUI

/// The dynamic parts of the shell completions swift-argument-parser generates
/// (`lagotui --generate-completion-script bash|zsh|fish`). Each closure runs when the user
/// presses Tab (the script calls `lagotui ---completion …`), so the candidates are what this
/// binary and this user's files hold at that moment, never a list frozen into the script.
enum ShellCompletion {
    /// Stream names (`export`, `sync`, `get`).
    static let streams = CompletionKind.custom { _, _, _ in ExportStream.allCases.map(\.rawValue) }

    /// Profile names from the config file the binary would read (`$XDG_CONFIG_HOME` or `~/.config`).
    static let profiles = CompletionKind.custom { _, _, _ in profileNames(environment: ProcessInfo.processInfo.environment) }

    /// Theme names: built-in, installed and the user's own.
    static let themes = CompletionKind.custom { _, _, _ in ThemeLoader(environment: ProcessInfo.processInfo.environment).availableThemes() }

    /// The values a filter takes for the stream already on the command line (every stream's
    /// before one is typed), from the catalogue's value domains (`--status`, `--fee-type`…).
    static func values(of filter: ExportFilter) -> CompletionKind {
        .custom { words, _, _ in
            let streams = stream(in: words).map { [$0] } ?? ExportStream.allCases
            return uniqueSorted(streams.flatMap { knownValues(of: filter, for: $0) })
        }
    }

    /// The catalogue's values for `filter` on `stream`: its own row's, else its parent's.
    static func knownValues(of filter: ExportFilter, for stream: ExportStream) -> [String] {
        guard let resource = stream.resource else { return [] }
        let entries = [resource.entry] + (resource.parent.map { [$0.entry] } ?? [])
        return entries.lazy.compactMap { $0.filter(flag: filter.name) }.first?.domain.knownValues ?? []
    }

    static func profileNames(environment: [String: String]) -> [String] {
        guard let file = try? ConfigFile.load(path: Settings.configPath(environment: environment)) else { return [] }
        return file.profiles.keys.sorted()
    }

    /// The first word naming a stream; words are passed verbatim by the shell.
    static func stream(in words: [String]) -> ExportStream? {
        words.lazy.compactMap { ExportStream(rawValue: $0) }.first
    }

    /// The filter flags a stream takes, as typed (`--payment-status`): its catalogue row's
    /// filters (`ExportStream.filters` is their projection), so completion and validation agree.
    static func filterFlags(for stream: ExportStream) -> [String] {
        stream.filters.map(\.flag)
    }

    private static func uniqueSorted(_ values: [String]) -> [String] { Array(Set(values)).sorted() }
}
