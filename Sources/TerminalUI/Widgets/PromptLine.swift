import LagoAPI

/// The state of a `:` command or `/` filter line being edited.
public struct PromptInfo: Sendable, Equatable {
    public enum Kind: Sendable, Equatable { case command, filter }
    public var kind: Kind
    public var text: String
    /// Cursor position in `text`, in characters.
    public var cursor: Int
    /// Fish-style ghost text completing the current word.
    public var suggestion: String?
    public var candidates: [String]
    public var message: String?

    public init(kind: Kind, text: String, cursor: Int? = nil, suggestion: String? = nil, candidates: [String] = [], message: String? = nil) {
        self.kind = kind; self.text = text; self.cursor = cursor ?? text.count
        self.suggestion = suggestion; self.candidates = candidates; self.message = message
    }
}

/// Draws the prompt on the bottom line (`:inv cus_123` with the completion ghosted after the
/// cursor) and, on the line above, the candidates or the parse message. The cursor cell is
/// drawn reverse so it shows without a hardware cursor.
public struct PromptLine {
    public var info: PromptInfo
    public init(_ info: PromptInfo) { self.info = info }

    /// Rows the prompt needs (2 when there are candidates or a message to show).
    public var height: Int { (info.candidates.isEmpty && info.message == nil) ? 1 : 2 }

    @MainActor
    public func draw(on canvas: Canvas, in rect: Rect) {
        guard rect.rows > 0 else { return }
        let row = rect.bottom - 1
        canvas.fill(row: row, column: rect.column, width: rect.columns, style: .plain)
        let sigil = info.kind == .command ? ":" : "/"
        var x = rect.column + canvas.text(sigil, row: row, column: rect.column, style: Style(.prompt))
        let text = TextSanitizer.sanitize(info.text)
        let chars = Array(text)
        let cursor = min(max(0, info.cursor), chars.count)
        // Keep the cursor in view: scroll the text left when it is longer than the line.
        let room = rect.right - x - 1
        var start = 0
        while start < cursor, String(chars[start..<cursor]).displayWidth > room { start += 1 }
        let before = String(chars[start..<cursor])
        x += canvas.text(before, row: row, column: x, style: Style(.promptInput))
        if cursor < chars.count {
            let under = String(chars[cursor])
            x += canvas.text(under, row: row, column: x, style: Style(.promptInput, .reverse))
            x += canvas.text(String(chars[(cursor + 1)...]), row: row, column: x, style: Style(.promptInput))
        } else if let ghost = info.suggestion, !ghost.isEmpty {
            let g = TextSanitizer.sanitize(ghost)
            x += canvas.text(String(g.prefix(1)), row: row, column: x, style: Style(.promptSuggestion, .reverse))
            canvas.text(String(g.dropFirst()), row: row, column: x, style: Style(.promptSuggestion))
        } else {
            canvas.text(" ", row: row, column: x, style: Style(.promptInput, .reverse))
        }
        if rect.rows > 1, height > 1 {
            let above = row - 1
            canvas.fill(row: above, column: rect.column, width: rect.columns, style: .plain)
            if let message = info.message {
                canvas.text(message, row: above, column: rect.column, style: Style(.dialogError))
            } else {
                var cx = rect.column
                for candidate in info.candidates where cx < rect.right {
                    cx += canvas.text(candidate, row: above, column: cx, style: Style(.promptSuggestion), maxWidth: rect.right - cx) + 2
                }
            }
        }
    }
}

/// A single-line text editor for prompts and dialog fields: insert, delete, move, word and
/// line kills, and bracketed paste (newlines in a paste become spaces; controls are dropped).
public struct LineEditor: Sendable, Equatable {
    public private(set) var text: String
    public private(set) var cursor: Int

    public init(_ text: String = "") { self.text = text; self.cursor = text.count }

    /// Applies a key; returns false when the key is not an editing key.
    @discardableResult
    public mutating func handle(_ key: Key) -> Bool {
        var chars = Array(text)
        switch key {
        case .character(let c):
            chars.insert(c, at: cursor); cursor += 1
        case .paste(let pasted):
            let clean = pasted.map { $0 == "\n" || $0 == "\r" ? " " : $0 }.filter { !$0.unicodeScalars.contains(where: TextSanitizer.isHazard) }
            chars.insert(contentsOf: clean, at: cursor); cursor += clean.count
        case .backspace:
            guard cursor > 0 else { return true }
            chars.remove(at: cursor - 1); cursor -= 1
        case .delete, .control("d"):
            guard cursor < chars.count else { return true }
            chars.remove(at: cursor)
        case .left, .control("b"): cursor = max(0, cursor - 1)
        case .right, .control("f"): cursor = min(chars.count, cursor + 1)
        case .home, .control("a"): cursor = 0
        case .end, .control("e"): cursor = chars.count
        case .control("u"): chars.removeFirst(cursor); cursor = 0
        case .control("k"): chars.removeLast(chars.count - cursor)
        case .control("w"):
            var i = cursor
            while i > 0, chars[i - 1] == " " { i -= 1 }
            while i > 0, chars[i - 1] != " " { i -= 1 }
            chars.removeSubrange(i..<cursor); cursor = i
        default: return false
        }
        text = String(chars)
        return true
    }
}
