import ArgumentParser

extension ShellCompletion {
    /// The subcommands whose filter flags depend on the stream named on the command line.
    static let filteredCommands = ["export", "sync", "get"]

    /// swift-argument-parser's completion script for `shell`; for bash, the filter flags
    /// offered after `export`, `sync` and `get` are narrowed to the ones the named streams take
    /// (the generator only knows flags per command, not per positional value).
    static func script(for shell: CompletionShell) -> String {
        let script = Lagotui.completionScript(for: shell)
        return shell == .bash ? narrowingBashFilters(script) : script
    }

    /// Inserts a call to `__lagotui_narrow_filters` before the generated flag offer in each
    /// filtered subcommand's function, and the function itself before the final `complete`
    /// line. A script whose shape is not the expected one is returned as it is (every flag offered).
    static func narrowingBashFilters(_ script: String) -> String {
        var lines = script.components(separatedBy: "\n")
        var inserted = 0
        for command in filteredCommands {
            guard let start = lines.firstIndex(of: "_lagotui_\(command)() {"),
                  let offer = lines[start...].firstIndex(where: { $0.hasPrefix("    __lagotui_offer_flags_options ") })
            else { continue }
            lines.insert("    __lagotui_narrow_filters", at: offer)
            inserted += 1
        }
        guard inserted > 0, let complete = lines.lastIndex(where: { $0.hasPrefix("complete ") }) else { return script }
        lines.insert(contentsOf: bashNarrowingFunction().components(separatedBy: "\n"), at: complete)
        return lines.joined(separator: "\n")
    }

    /// `__lagotui_narrow_filters`: removes from the offered options and flags every filter that
    /// none of the streams on the command line takes; with no stream typed yet, offers them all.
    static func bashNarrowingFunction() -> String {
        let allFilters = ExportFilter.allCases.map(\.flag)
        let cases = ExportStream.allCases.map { stream in
            "        \(stream.rawValue)) taken+=(\(filterFlags(for: stream).joined(separator: " "))); named=true ;;"
        }
        let arrays = ["repeating_flags", "non_repeating_flags", "repeating_options", "non_repeating_options"]
        let rebuilds = arrays.map { array in
            """
                kept=()
                for word in "${\(array)[@]}"; do [[ " ${dropped[*]} " = *" ${word} "* ]] || kept+=("${word}"); done
                \(array)=("${kept[@]}")
            """
        }
        return """
            # Filter flags per stream (from lagotui's stream catalogue): after a stream name, only the
            # filters that stream takes are offered.
            __lagotui_narrow_filters() {
                local -a taken=() dropped=() kept=()
                local named=false word flag
                for word in "${unparsed_words[@]}"; do
                    case "${word}" in
            \(cases.joined(separator: "\n"))
                    esac
                done
                "${named}" || return 0
                for flag in \(allFilters.joined(separator: " ")); do
                    [[ " ${taken[*]} " = *" ${flag} "* ]] || dropped+=("${flag}")
                done
            \(rebuilds.joined(separator: "\n"))
            }

            """
    }
}
