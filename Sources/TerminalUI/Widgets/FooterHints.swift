/// A key hint: the key, what it does, and whether it is possible right now.
public struct Hint: Sendable, Equatable {
    public var key: String
    public var title: String
    public var enabled: Bool
    public var dangerous: Bool
    public init(key: String, title: String, enabled: Bool = true, dangerous: Bool = false) {
        self.key = key; self.title = title; self.enabled = enabled; self.dangerous = dangerous
    }
}

/// The bottom line: key hints of the focused pane (`f finalize  r refresh  ? help`). Hints
/// that do not fit are dropped from the end, but `? help` always stays so everything else is
/// one key away. Disabled hints are dimmed rather than hidden, so the keys don't move around.
public struct FooterHints {
    public var hints: [Hint]
    public init(_ hints: [Hint]) { self.hints = hints }

    @MainActor
    public func draw(on canvas: Canvas, row: Int, in rect: Rect) {
        canvas.fill(row: row, column: rect.column, width: rect.columns, style: .plain)
        var items = hints
        let help = items.firstIndex { $0.key == "?" }.map { items.remove(at: $0) } ?? Hint(key: "?", title: "help")
        func width(_ h: Hint) -> Int { h.key.displayWidth + 1 + h.title.displayWidth + 2 }
        let budget = rect.columns - width(help)
        var used = 0
        var shown: [Hint] = []
        for hint in items {
            if used + width(hint) > budget { break }
            shown.append(hint)
            used += width(hint)
        }
        var x = rect.column
        for hint in shown + [help] where x < rect.right {
            // Keys of actions that change billing data stand out (warning colour, bold in mono).
            let keyRole: StyleRole = !hint.enabled ? .hintDisabled : (hint.dangerous ? .statusWarning : .hintKey)
            x += canvas.text(hint.key, row: row, column: x, style: Style(keyRole))
            x += 1
            x += canvas.text(hint.title, row: row, column: x, style: Style(hint.enabled ? .hintText : .hintDisabled), maxWidth: rect.right - x)
            x += 2
        }
    }
}
