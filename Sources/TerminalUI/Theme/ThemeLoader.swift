import Foundation

/// Finds and loads themes by name: user themes in `$XDG_CONFIG_HOME/lagotui/themes/NAME.theme`
/// (or `~/.config/lagotui/themes`) first, then the built-in ones. Every theme is laid over its
/// `extends` base (default: `dark`), so missing keys fall back to the default theme.
public struct ThemeLoader: Sendable {
    public var userDirectory: URL?

    public init(userDirectory: URL?) { self.userDirectory = userDirectory }

    /// A loader for the user's theme directory from the environment.
    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        if let xdg = environment["XDG_CONFIG_HOME"], !xdg.isEmpty {
            userDirectory = URL(fileURLWithPath: xdg).appendingPathComponent("lagotui/themes")
        } else if let home = environment["HOME"], !home.isEmpty {
            userDirectory = URL(fileURLWithPath: home).appendingPathComponent(".config/lagotui/themes")
        } else {
            userDirectory = nil
        }
    }

    /// The theme to use when the user chose none: `light` when the terminal says its
    /// background is light (COLORFGBG's last field 7 or 15, as rxvt, Konsole and others set
    /// it), otherwise `dark`.
    public static func defaultThemeName(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let value = environment["COLORFGBG"], let last = value.split(separator: ";").last, let bg = Int(last), bg == 7 || bg == 15 {
            return "light"
        }
        return BuiltinThemes.defaultName
    }

    /// Names of every theme available: built-in and user.
    public func availableThemes() -> [String] {
        var names = Set(BuiltinThemes.sources.keys)
        if let dir = userDirectory, let files = try? FileManager.default.contentsOfDirectory(atPath: dir.path) {
            for file in files where file.hasSuffix(".theme") { names.insert(String(file.dropLast(6))) }
        }
        return names.sorted()
    }

    /// Loads the theme `name`. Throws `ThemeError` for a malformed file or an unknown name.
    public func load(_ name: String) throws(ThemeError) -> Theme {
        try load(name, seen: [])
    }

    private func load(_ name: String, seen: [String]) throws(ThemeError) -> Theme {
        if seen.contains(name) {
            throw ThemeError(file: "\(name).theme", line: 1, key: "extends", problem: "themes extend each other in a cycle: \((seen + [name]).joined(separator: " → "))")
        }
        let (source, fileName) = try sourceText(for: name)
        let file = try ThemeParser.parse(source, file: fileName)
        var theme: Theme
        if name == BuiltinThemes.defaultName && file.base == nil {
            theme = Theme(name: name, styles: [:])
        } else {
            theme = try load(file.base ?? BuiltinThemes.defaultName, seen: seen + [name])
        }
        theme.name = file.name ?? name
        for (role, style) in file.styles { theme.styles[role] = style }
        if let glyphs = file.glyphs { theme.glyphs = glyphs }
        return theme
    }

    private func sourceText(for name: String) throws(ThemeError) -> (String, String) {
        if name.contains("/") || name.hasPrefix(".") || name.isEmpty {
            throw ThemeError(file: name, line: 0, key: nil, problem: "theme names are plain names like \"light\", not paths")
        }
        if let dir = userDirectory {
            let url = dir.appendingPathComponent(name + ".theme")
            if FileManager.default.fileExists(atPath: url.path) {
                guard let data = FileManager.default.contents(atPath: url.path), let text = String(data: data, encoding: .utf8) else {
                    throw ThemeError(file: url.path, line: 0, key: nil, problem: "cannot read the file as UTF-8")
                }
                return (text, url.path)
            }
        }
        if let text = BuiltinThemes.sources[name] { return (text, "themes/\(name).theme") }
        throw ThemeError(file: "\(name).theme", line: 0, key: nil,
                         problem: "no theme named \"\(name)\" (available: \(availableThemes().joined(separator: ", ")))")
    }
}
