/// A key as the browser understands it, named the way users write keys in the config file:
/// single characters ("f", "F", ":", "/"), and named keys ("enter", "esc", "tab", "shift-tab",
/// "up", "down", "left", "right", "pgup", "pgdn", "home", "end", "backspace", "delete",
/// "space", "f1"…"f12") with an optional "ctrl-" prefix ("ctrl-r").
public struct KeyPress: Hashable, Sendable, CustomStringConvertible {
    /// Canonical name.
    public let name: String

    /// A key by its config name; names are case-sensitive for single characters
    /// ("f" ≠ "F") and lower-cased otherwise ("Enter" → "enter").
    public init(_ name: String) {
        if name.count == 1 {
            self.name = name == " " ? "space" : name
        } else {
            let lower = name.lowercased()
            switch lower {
            case "return": self.name = "enter"
            case "escape": self.name = "esc"
            case "backtab": self.name = "shift-tab"
            case "pageup": self.name = "pgup"
            case "pagedown": self.name = "pgdn"
            case "del": self.name = "delete"
            default: self.name = lower
            }
        }
    }

    /// A printable character key.
    public static func char(_ c: Character) -> KeyPress { KeyPress(String(c)) }

    public var description: String { name }

    /// The character this key types into a text field, or nil for named keys.
    public var character: Character? {
        if name == "space" { return " " }
        return name.count == 1 ? name.first : nil
    }

    public static let enter = KeyPress("enter")
    public static let escape = KeyPress("esc")
    public static let tab = KeyPress("tab")
    public static let backTab = KeyPress("shift-tab")
    public static let up = KeyPress("up")
    public static let down = KeyPress("down")
    public static let left = KeyPress("left")
    public static let right = KeyPress("right")
    public static let pageUp = KeyPress("pgup")
    public static let pageDown = KeyPress("pgdn")
    public static let home = KeyPress("home")
    public static let end = KeyPress("end")
    public static let backspace = KeyPress("backspace")
    public static let delete = KeyPress("delete")
    public static let space = KeyPress("space")

    /// Names accepted in the config file besides single characters.
    public static let namedKeys: Set<String> = Set([
        "enter", "esc", "tab", "shift-tab", "up", "down", "left", "right", "pgup", "pgdn",
        "home", "end", "backspace", "delete", "space",
    ] + (1...12).map { "f\($0)" })

    /// True when `name` is a key the config may bind (used to report bad bindings).
    public var isValid: Bool {
        if name.count == 1 { return true }
        if KeyPress.namedKeys.contains(name) { return true }
        if name.hasPrefix("ctrl-") {
            let rest = name.dropFirst(5)
            return rest.count == 1 && rest.first!.isLetter
        }
        return false
    }
}
