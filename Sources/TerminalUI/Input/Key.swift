/// A decoded key press or input event, independent of ncurses' key codes so the model layer,
/// tests and the real terminal all speak the same language.
public enum Key: Hashable, Sendable, CustomStringConvertible {
    case character(Character)
    case control(Character)     // ctrl-a … ctrl-z, lowercase letter
    case up, down, left, right
    case pageUp, pageDown, home, end
    case tab, backTab, enter, escape, backspace, delete, insert
    case function(Int)
    case paste(String)          // bracketed paste, delivered whole
    case mouse(MouseEvent)
    case resize

    /// The key's name as help and footers show it: "j", "↑", "ctrl-d", "Enter", "Esc".
    public var description: String {
        switch self {
        case .character(" "): return "Space"
        case .character(let c): return String(c)
        case .control(let c): return "ctrl-\(c)"
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .home: return "Home"
        case .end: return "End"
        case .tab: return "Tab"
        case .backTab: return "Shift-Tab"
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .backspace: return "Backspace"
        case .delete: return "Del"
        case .insert: return "Ins"
        case .function(let n): return "F\(n)"
        case .paste: return "paste"
        case .mouse: return "mouse"
        case .resize: return "resize"
        }
    }

    /// Parses a key name as written in key scripts and key maps: "j", "G", "enter", "esc",
    /// "tab", "ctrl-d", "up", "pgdn", "f1", "space".
    public init?(name: String) {
        let lower = name.lowercased()
        switch lower {
        case "up", "↑": self = .up
        case "down", "↓": self = .down
        case "left", "←": self = .left
        case "right", "→": self = .right
        case "pgup", "pageup": self = .pageUp
        case "pgdn", "pagedown": self = .pageDown
        case "home": self = .home
        case "end": self = .end
        case "tab": self = .tab
        case "shift-tab", "backtab": self = .backTab
        case "enter", "return": self = .enter
        case "esc", "escape": self = .escape
        case "backspace", "bs": self = .backspace
        case "del", "delete": self = .delete
        case "space": self = .character(" ")
        default:
            if lower.hasPrefix("ctrl-"), lower.count == 6, let c = lower.last, c.isLetter { self = .control(c); return }
            if lower.hasPrefix("f"), let n = Int(lower.dropFirst()), (1...24).contains(n) { self = .function(n); return }
            if name.count == 1, let c = name.first { self = .character(c); return }
            return nil
        }
    }
}

/// A mouse event (only when mouse support is turned on).
public struct MouseEvent: Hashable, Sendable {
    public enum Kind: Hashable, Sendable { case press, wheelUp, wheelDown }
    public var kind: Kind
    public var row: Int
    public var column: Int
    public init(kind: Kind, row: Int, column: Int) { self.kind = kind; self.row = row; self.column = column }
}
