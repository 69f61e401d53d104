import BrowserModel
import Foundation

/// The man page sections swift-argument-parser's manual generator cannot know: KEYS (from the
/// action registry), CONFIGURATION (from the config file's key list), ENVIRONMENT, FILES and
/// EXIT STATUS (from `ExitStatus`). `scripts/package` puts them after the generated
/// DESCRIPTION, in place of the generator's generic EXIT STATUS. Written in mdoc(7).
public enum ManualSections {
    /// The environment variables lagotui reads, with what each changes.
    static let environment: [(name: String, summary: String)] = [
        ("LAGO_API_KEY", "The API key, when no --api-key is given (the name Lago's own clients use)."),
        ("LAGO_API_URL", "The API base URL, when no --api-url is given."),
        ("LAGOTUI_PROFILE", "The profile to use, when no --profile is given."),
        ("XDG_CONFIG_HOME", "Where config.toml and user themes live (default ~/.config)."),
        ("XDG_CACHE_HOME", "Where the page cache lives (default ~/.cache)."),
        ("NO_COLOR", "When set and not empty, no colours: the monochrome form of every theme."),
        ("COLORFGBG", "A light terminal background (last field 7 or 15) picks the light theme by default."),
        ("TERM", "The terminal type; dumb terminals get no progress display."),
        ("LANG, LC_ALL, LC_CTYPE", "A UTF-8 locale is needed for box drawing and wide characters."),
    ]

    /// All five sections, in man page order.
    public static func mdoc() -> String {
        [keys(), configuration(), environmentSection(), files(), exitStatus()].joined()
    }

    static func keys() -> String {
        let registry = ActionRegistry(readOnly: false)
        var text = ".Sh KEYS\n"
        text += "The browser's keys, from its action registry (the in-program help, ? , shows the same list).\n"
        text += "Remap them per profile under " + bold("[profiles.NAME.keys]") + " with the action names below.\n"
        text += "Actions that change data ask for confirmation first and are removed by --readonly.\n"
        var sections: [String] = []
        for spec in registry.specs where !sections.contains(spec.section) { sections.append(spec.section) }
        for section in sections {
            text += ".Ss \(escape(section))\n.Bl -tag -width 14n -compact\n"
            for spec in registry.specs where spec.section == section {
                text += ".It " + spec.defaultKeys.map { "Sy \(escape($0.name))" }.joined(separator: " Ns , ") + "\n"
                text += escape("\(spec.title) (\(spec.id.rawValue))\(spec.dangerous ? ", changes data" : "")") + "\n"
            }
            text += ".El\n"
        }
        return text
    }

    static func configuration() -> String {
        var text = ".Sh CONFIGURATION\n"
        text += "Settings come from flags, then the environment, then the profile in\n.Pa config.toml\n"
        text += "(see FILES). Profiles are tables " + bold("[profiles.NAME]") + "; " + bold("default_profile")
            + " names the one used when none is chosen. A profile takes:\n.Bl -tag -width 16n\n"
        for (key, summary) in ConfigFile.profileKeyDocumentation {
            text += ".It Sy \(escape(key))\n\(escape(summary))\n"
        }
        return text + ".El\n"
    }

    static func environmentSection() -> String {
        var text = ".Sh ENVIRONMENT\n.Bl -tag -width 16n\n"
        for (name, summary) in environment {
            text += ".It Ev \(escape(name))\n\(escape(summary))\n"
        }
        return text + ".El\n"
    }

    static func files() -> String {
        let entries: [(String, String)] = [
            ("$XDG_CONFIG_HOME/lagotui/config.toml", "Profiles and settings; default ~/.config/lagotui/config.toml."),
            ("$XDG_CONFIG_HOME/lagotui/themes/NAME.theme", "User themes, found first."),
            ("PREFIX/share/lagotui/themes/NAME.theme", "Installed themes, next to the binary's PREFIX/bin (a tarball unpacked anywhere), then /usr/share/lagotui/themes; the built-in themes serve when none is installed."),
            ("$XDG_CACHE_HOME/lagotui/PROFILE.sqlite", "The profile's page cache (default ~/.cache/lagotui), mode 0600."),
        ]
        var text = ".Sh FILES\n.Bl -tag -width Ds\n"
        for (path, summary) in entries {
            text += ".It Pa \(escape(path))\n\(escape(summary))\n"
        }
        text += ".El\n.Pp\nlagotui doctor prints which of these it found.\n"
        return text
    }

    static func exitStatus() -> String {
        var text = ".Sh EXIT STATUS\nThe same table as Lago's official command line; scripts may rely on it.\n.Bl -tag -width 4n\n"
        for status in ExitStatus.allCases {
            text += ".It \(status.rawValue)\n\(escape(status.label))\n"
        }
        text += ".It 130\ninterrupted (128 + SIGINT)\n"
        return text + ".El\n"
    }

    private static func bold(_ text: String) -> String { "\\fB\(escape(text))\\fR" }

    /// Text safe on an mdoc line: backslashes written as `\e`, and a leading `.` or `'` (which
    /// roff would take for a request) guarded with `\&`.
    static func escape(_ text: String) -> String {
        var out = text.replacingOccurrences(of: "\\", with: "\\e")
        if out.hasPrefix(".") || out.hasPrefix("'") { out = "\\&" + out }
        return out
    }
}
