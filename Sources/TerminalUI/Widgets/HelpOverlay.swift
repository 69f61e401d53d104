/// One entry of the help overlay.
public struct HelpEntry: Sendable, Equatable {
    public var key: String
    public var title: String
    public var enabled: Bool
    public var reason: String?
    public var dangerous: Bool
    public init(key: String, title: String, enabled: Bool = true, reason: String? = nil, dangerous: Bool = false) {
        self.key = key; self.title = title; self.enabled = enabled; self.reason = reason; self.dangerous = dangerous
    }
}

/// A titled group of help entries (pane actions, navigation, global keys).
public struct HelpSection: Sendable, Equatable {
    public var title: String
    public var entries: [HelpEntry]
    public init(title: String, entries: [HelpEntry]) { self.title = title; self.entries = entries }
}

/// The `?` overlay: every key of the current context, generated from the action registry,
/// laid out in as many columns as fit; disabled actions show why; dangerous ones are marked.
/// Scrolls when it does not fit.
public struct HelpOverlay {
    public var sections: [HelpSection]
    public var notes: [String]
    public var scrollOffset: Int
    public var glyphs: BoxGlyphs

    public init(sections: [HelpSection], notes: [String] = [], scrollOffset: Int = 0, glyphs: BoxGlyphs = .unicode) {
        self.sections = sections; self.notes = notes; self.scrollOffset = scrollOffset; self.glyphs = glyphs
    }

    /// The overlay as lines for one column of `width`.
    func lines(width: Int) -> [StyledLine] {
        var out: [StyledLine] = []
        let keyWidth = min(12, sections.flatMap(\.entries).map { $0.key.displayWidth }.max() ?? 1)
        for section in sections {
            if !out.isEmpty { out.append(StyledLine("")) }
            out.append(StyledLine(section.title, role: .helpSection))
            for entry in section.entries {
                var spans = [Span(entry.key.padded(toWidth: keyWidth), entry.enabled ? .helpKey : .hintDisabled), Span(" ")]
                spans.append(Span(entry.title + (entry.dangerous ? " ⚠" : ""), entry.enabled ? (entry.dangerous ? .statusWarning : .text) : .hintDisabled))
                if !entry.enabled, let reason = entry.reason { spans.append(Span(" — " + reason, .dim)) }
                out.append(StyledLine(spans))
            }
        }
        for note in notes { out.append(StyledLine("")); out.append(StyledLine(note, role: .statusWarning)) }
        return out
    }

    @MainActor
    public func draw(on canvas: Canvas, in area: Rect) {
        let rect = area.columns >= 40 && area.rows >= 10 ? area.inset(by: 1) : area
        canvas.fill(rect, style: Style(.dialog))
        canvas.box(rect, title: "Help — Esc closes", style: Style(.borderFocused), titleStyle: Style(.dialogTitle), glyphs: glyphs)
        let inner = rect.inset(by: 1)
        guard !inner.isEmpty else { return }
        // As many columns as the widest entry allows (long reasons are cut with "…").
        let natural = lines(width: inner.columns).map(\.width).max() ?? 1
        let columnWidth = min(max(natural, 26), 50)
        let columnCount = max(1, min(3, (inner.columns + 2) / (columnWidth + 2)))
        let width = columnCount == 1 ? inner.columns : (inner.columns - 2 * (columnCount - 1)) / columnCount
        let all = lines(width: width)
        let perColumn = max(1, (all.count + columnCount - 1) / columnCount)
        let rowsShown = inner.rows
        let start = columnCount == 1 ? max(0, min(scrollOffset, all.count - rowsShown)) : 0
        for col in 0..<columnCount {
            let slice = columnCount == 1 ? Array(all.dropFirst(start)) : Array(all.dropFirst(col * perColumn).prefix(perColumn))
            let x = inner.column + col * (width + 2)
            let colRect = Rect(row: inner.row, column: x, rows: inner.rows, columns: width)
            for (i, line) in slice.prefix(rowsShown).enumerated() { line.draw(on: canvas, row: inner.row + i, in: colRect) }
        }
        if columnCount == 1, all.count > rowsShown {
            let marker = " \(min(start + rowsShown, all.count))/\(all.count) "
            canvas.text(marker, row: rect.bottom - 1, column: rect.right - marker.displayWidth - 1, style: Style(.dim))
        }
    }
}
