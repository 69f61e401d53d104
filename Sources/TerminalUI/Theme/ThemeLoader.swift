import Foundation

/// Finds and loads themes by name: user themes in `$XDG_CONFIG_HOME/lagotui/themes/NAME.theme`
/// (or `~/.config/lagotui/themes`) first, then installed ones (`share/lagotui/themes` next to
/// the binary's `bin`, then `/usr/share/lagotui/themes`, where the `.deb` puts them), then the
/// built-in ones. Every theme is laid over its `extends` base (default: `dark`), so missing
/// keys fall back to the default theme.
public struct ThemeLoader: Sendable {
    public var userDirectory: URL?
    /// Directories of installed themes, searched in order after the user's.
    public var installedDirectories: [URL]

    public init(userDirectory: URL?, installedDirectories: [URL] = []) {
        self.userDirectory = userDirectory
        self.installedDirectories = installedDirectories
    }

    /// A loader for the user's theme directory from the environment and the installed themes
    /// found from this executable's location.
    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        if let xdg = environment["XDG_CONFIG_HOME"], !xdg.isEmpty {
            userDirectory = URL(fileURLWithPath: xdg).appendingPathComponent("lagotui/themes")
        } else if let home = environment["HOME"], !home.isEmpty {
            userDirectory = URL(fileURLWithPath: home).appendingPathComponent(".config/lagotui/themes")
        } else {
            userDirectory = nil
        }
        installedDirectories = ThemeLoader.installedDirectories(executable: Bundle.main.executableURL)
    }

    /// `PREFIX/share/lagotui/themes` for a binary in `PREFIX/bin` (a tarball unpacked anywhere,
    /// `/usr/local`, `/usr`), then `/usr/share/lagotui/themes`; only directories that exist.
    public static func installedDirectories(executable: URL?) -> [URL] {
        var candidates: [URL] = []
        if let executable {
            let prefix = executable.resolvingSymlinksInPath().deletingLastPathComponent().deletingLastPathComponent()
            candidates.append(prefix.appendingPathComponent("share/lagotui/themes"))
        }
        candidates.append(URL(fileURLWithPath: "/usr/share/lagotui/themes"))
        var seen = Set<String>()
        return candidates.filter { url in
            var isDirectory: ObjCBool = false
            let path = url.standardizedFileURL.path
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else { return false }
            return seen.insert(path).inserted
        }
    }

    /// Where a theme's text comes from.
    public enum Location: Sendable, Equatable {
        case user(String)
        case installed(String)
        case builtIn
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
        for dir in searchDirectories {
            names.formUnion(ThemeLoader.themeNames(in: dir))
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
        switch location(of: name) {
        case let .user(path), let .installed(path):
            guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                throw ThemeError(file: path, line: 0, key: nil, problem: "cannot read the file as UTF-8")
            }
            return (text, path)
        case .builtIn?:
            if let text = BuiltinThemes.sources[name] { return (text, "themes/\(name).theme") }
        case nil:
            break
        }
        throw ThemeError(file: "\(name).theme", line: 0, key: nil,
                         problem: "no theme named \"\(name)\" (available: \(availableThemes().joined(separator: ", ")))")
    }

    /// The user's directory, then the installed ones.
    private var searchDirectories: [URL] { (userDirectory.map { [$0] } ?? []) + installedDirectories }

    /// Where the theme `name` would be loaded from; nil when there is none of that name.
    public func location(of name: String) -> Location? {
        if name.contains("/") || name.hasPrefix(".") || name.isEmpty { return nil }
        if let dir = userDirectory, FileManager.default.fileExists(atPath: dir.appendingPathComponent(name + ".theme").path) {
            return .user(dir.appendingPathComponent(name + ".theme").path)
        }
        for dir in installedDirectories where FileManager.default.fileExists(atPath: dir.appendingPathComponent(name + ".theme").path) {
            return .installed(dir.appendingPathComponent(name + ".theme").path)
        }
        return BuiltinThemes.sources[name] == nil ? nil : .builtIn
    }

    /// Names of the `.theme` files in `directory` (none when it is missing).
    public static func themeNames(in directory: URL) -> [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return files.filter { $0.hasSuffix(".theme") }.map { String($0.dropLast(6)) }.sorted()
    }
}
