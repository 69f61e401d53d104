import LagoAPI

/// An error in a theme file, naming the file, the line and the key, e.g.
/// `ocean.theme:12: key "status.danger": unknown colour "rde"`.
public struct ThemeError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var key: String?
    public var problem: String

    /// One line for stderr: anything the file said (a key, a value) is shown inertly, in caret
    /// form, and clipped, so a theme file cannot send escape sequences to the terminal.
    public var description: String {
        let text = key.map { "\(file):\(line): key \"\($0)\": \(problem)" } ?? "\(file):\(line): \(problem)"
        let clean = TextSanitizer.printable(text)
        return clean.count > 400 ? String(clean.prefix(400)) + "…" : clean
    }
}

/// The parsed content of one theme file, before it is laid over its base theme.
public struct ThemeFile: Sendable, Equatable {
    public var name: String?
    public var base: String?
    public var glyphs: GlyphSet?
    public var styles: [StyleRole: ThemeStyle]
}

/// Reads the theme format: one `key = value` per line, `#` comments. Keys are role names
/// (`status.danger`, `table.header`, …, see themes/README.md) plus `name`, `extends` and
/// `frame.glyphs`. A value is space-separated words: attributes (`bold dim italic underline
/// reverse`), a foreground colour and optionally `on` and a background colour.
public enum ThemeParser {
    public static func parse(_ text: String, file: String) throws(ThemeError) -> ThemeFile {
        var result = ThemeFile(name: nil, base: nil, glyphs: nil, styles: [:])
        let roles = Dictionary(uniqueKeysWithValues: StyleRole.allCases.map { ($0.rawValue, $0) })
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let lineNumber = index + 1
            var line = Substring(rawLine)
            var search = line.startIndex
            while let hash = line[search...].firstIndex(of: "#") {
                if isColourHash(line, at: hash) { search = line.index(after: hash); continue }
                line = line[..<hash]
                break
            }
            let trimmed = line.trimmingSpaces()
            if trimmed.isEmpty { continue }
            guard let eq = trimmed.firstIndex(of: "=") else {
                throw ThemeError(file: file, line: lineNumber, key: nil, problem: "expected `key = value`")
            }
            let key = trimmed[..<eq].trimmingSpaces()
            let value = trimmed[trimmed.index(after: eq)...].trimmingSpaces()
            guard !key.isEmpty else { throw ThemeError(file: file, line: lineNumber, key: nil, problem: "missing key before `=`") }
            switch key {
            case "name": result.name = value
            case "extends": result.base = value
            case "frame.glyphs":
                guard let glyphs = GlyphSet(rawValue: value) else {
                    throw ThemeError(file: file, line: lineNumber, key: key, problem: "expected one of unicode, heavy, ascii, got \"\(value)\"")
                }
                result.glyphs = glyphs
            default:
                guard let role = roles[key] else {
                    throw ThemeError(file: file, line: lineNumber, key: key, problem: "unknown key (see themes/README.md for the list)")
                }
                do {
                    result.styles[role] = try parseStyle(value)
                } catch let problem {
                    throw ThemeError(file: file, line: lineNumber, key: key, problem: problem.message)
                }
            }
        }
        return result
    }

    struct Problem: Error { var message: String }

    static func parseStyle(_ value: String) throws(Problem) -> ThemeStyle {
        var style = ThemeStyle()
        var sawForeground = false
        var expectBackground = false
        for word in value.split(separator: " ").map(String.init) where !word.isEmpty {
            switch word.lowercased() {
            case "bold": style.emphasis.insert(.bold)
            case "dim": style.emphasis.insert(.dim)
            case "italic": style.emphasis.insert(.italic)
            case "underline": style.emphasis.insert(.underline)
            case "reverse": style.emphasis.insert(.reverse)
            case "plain", "none": break
            case "on":
                if expectBackground { throw Problem(message: "`on` twice") }
                expectBackground = true
            default:
                guard let colour = ThemeColor.parse(word) else {
                    throw Problem(message: "unknown colour or attribute \"\(word)\" (colours: default, black…white, bright-*, gray, 0-255, #rrggbb)")
                }
                if expectBackground {
                    style.background = colour
                    expectBackground = false
                } else {
                    if sawForeground { throw Problem(message: "two foreground colours; write `FG on BG`") }
                    style.foreground = colour
                    sawForeground = true
                }
            }
        }
        if expectBackground { throw Problem(message: "`on` must be followed by a background colour") }
        return style
    }

    private static func isColourHash(_ line: Substring, at index: Substring.Index) -> Bool {
        let rest = line[line.index(after: index)...]
        return rest.prefix(6).count == 6 && rest.prefix(6).allSatisfy(\.isHexDigit)
            && (rest.dropFirst(6).first.map { $0 == " " || $0 == "\t" } ?? true)
    }
}

extension Substring {
    fileprivate func trimmingSpaces() -> String {
        String(drop(while: { $0 == " " || $0 == "\t" || $0 == "\r" }).reversed().drop(while: { $0 == " " || $0 == "\t" || $0 == "\r" }).reversed())
    }
}

extension String {
    fileprivate func trimmingSpaces() -> String { Substring(self).trimmingSpaces() }
}
