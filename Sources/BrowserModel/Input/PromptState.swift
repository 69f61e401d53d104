/// The `:` command line or `/` filter line while it is being edited.
struct PromptState {
    var kind: PromptSnapshot.Kind
    var text: String = ""
    var cursor: Int = 0
    var message: String?
    /// Position while walking history with ↑/↓ (nil: editing fresh text).
    var historyIndex: Int?
    /// The filter that was active when `/` was pressed (restored on Esc).
    var previousFilter: String?

    /// Applies an editing key; returns false when the key is not an editing key.
    mutating func edit(_ key: KeyPress) -> Bool {
        var chars = Array(text)
        switch key {
        case .backspace:
            guard cursor > 0 else { return true }
            chars.remove(at: cursor - 1)
            cursor -= 1
        case .delete:
            guard cursor < chars.count else { return true }
            chars.remove(at: cursor)
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(chars.count, cursor + 1)
        case .home, KeyPress("ctrl-a"): cursor = 0
        case .end, KeyPress("ctrl-e"): cursor = chars.count
        case KeyPress("ctrl-u"):
            chars.removeFirst(cursor)
            cursor = 0
        case KeyPress("ctrl-w"):
            var i = cursor
            while i > 0, chars[i - 1] == " " { i -= 1 }
            while i > 0, chars[i - 1] != " " { i -= 1 }
            chars.removeSubrange(i..<cursor)
            cursor = i
        default:
            guard let c = key.character else { return false }
            chars.insert(c, at: cursor)
            cursor += 1
        }
        text = String(chars)
        message = nil
        return true
    }
}
