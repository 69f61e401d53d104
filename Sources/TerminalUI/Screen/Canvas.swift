import LagoAPI

/// Drawing helpers over a `Screen`, clipped to a rectangle. Every string drawn through a
/// canvas is sanitised and measured in display columns, so widgets never have to remember to.
@MainActor
public struct Canvas {
    public let screen: any Screen
    public let bounds: Rect

    public init(screen: any Screen, bounds: Rect? = nil) {
        self.screen = screen
        let full = Rect(size: screen.size)
        self.bounds = bounds.map { $0.intersection(full) } ?? full
    }

    /// A canvas clipped to `rect` (given in screen coordinates) within this one.
    public func clipped(to rect: Rect) -> Canvas { Canvas(screen: screen, bounds: rect.intersection(bounds)) }

    /// Draws `text` at (row, column), cut with "…" at `maxWidth` columns (default: to the
    /// clip edge). Returns the number of columns drawn.
    @discardableResult
    public func text(_ text: String, row: Int, column: Int, style: Style = .plain, maxWidth: Int? = nil) -> Int {
        guard row >= bounds.row, row < bounds.bottom, column < bounds.right else { return 0 }
        let limit = min(maxWidth ?? Int.max, bounds.right - column)
        guard limit > 0 else { return 0 }
        let safe = TextSanitizer.sanitize(text).truncated(toWidth: limit)
        var col = column
        for grapheme in safe {
            let w = DisplayWidth.of(grapheme)
            if w == 0 { continue }
            if col >= bounds.column, col + w <= bounds.right {
                let isPlaceholder = grapheme.unicodeScalars.first.map { (0x2400...0x2421).contains($0.value) || $0.value == 0xFFFD } ?? false
                screen.put(grapheme, width: w, row: row, column: col, style: isPlaceholder && style.role == .text ? Style(.placeholder, style.emphasis) : style)
            }
            col += w
        }
        return col - column
    }

    /// Draws `text` padded or cut to exactly `width` columns with the given alignment.
    public func field(_ value: String, row: Int, column: Int, width: Int, style: Style = .plain, alignment: TextAlignment = .left) {
        guard width > 0 else { return }
        let shown = TextSanitizer.sanitize(value).truncated(toWidth: width)
        let gap = width - shown.displayWidth
        let lead: Int
        switch alignment {
        case .left: lead = 0
        case .right: lead = gap
        case .center: lead = gap / 2
        }
        fill(row: row, column: column, width: width, style: style)
        text(shown, row: row, column: column + lead, style: style, maxWidth: width - lead)
    }

    /// Fills `width` cells of a row with spaces in `style` (a background band).
    public func fill(row: Int, column: Int, width: Int, style: Style = .plain) {
        guard row >= bounds.row, row < bounds.bottom else { return }
        let start = max(column, bounds.column), end = min(column + width, bounds.right)
        guard start < end else { return }
        for col in start..<end { screen.put(" ", width: 1, row: row, column: col, style: style) }
    }

    /// Fills a rectangle with spaces in `style`.
    public func fill(_ rect: Rect, style: Style = .plain) {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        for r in area.row..<area.bottom { fill(row: r, column: area.column, width: area.columns, style: style) }
    }

    /// Draws a box frame around `rect` with an optional title in the top edge.
    public func box(_ rect: Rect, title: String? = nil, style: Style = Style(.border), titleStyle: Style = Style(.title), glyphs: BoxGlyphs = .unicode) {
        guard rect.rows >= 2, rect.columns >= 2 else { return }
        let top = rect.row, bottom = rect.bottom - 1, left = rect.column, right = rect.right - 1
        put(glyphs.topLeft, top, left, style); put(glyphs.topRight, top, right, style)
        put(glyphs.bottomLeft, bottom, left, style); put(glyphs.bottomRight, bottom, right, style)
        if right - left > 1 {
            for c in (left + 1)..<right { put(glyphs.horizontal, top, c, style); put(glyphs.horizontal, bottom, c, style) }
        }
        if bottom - top > 1 {
            for r in (top + 1)..<bottom { put(glyphs.vertical, r, left, style); put(glyphs.vertical, r, right, style) }
        }
        if let title, !title.isEmpty, rect.columns > 4 {
            text(" " + title + " ", row: top, column: left + 1, style: titleStyle, maxWidth: rect.columns - 2)
        }
    }

    /// A horizontal rule across `width` columns.
    public func hline(row: Int, column: Int, width: Int, style: Style = Style(.border), glyph: Character = "─") {
        guard width > 0 else { return }
        for c in column..<(column + width) { put(glyph, row, c, style) }
    }

    private func put(_ glyph: Character, _ row: Int, _ column: Int, _ style: Style) {
        guard row >= bounds.row, row < bounds.bottom, column >= bounds.column, column < bounds.right else { return }
        screen.put(glyph, width: 1, row: row, column: column, style: style)
    }
}

/// Characters for box frames: Unicode box drawing by default, plain ASCII as a fallback.
public struct BoxGlyphs: Sendable {
    public var horizontal: Character, vertical: Character
    public var topLeft: Character, topRight: Character, bottomLeft: Character, bottomRight: Character
    public static let unicode = BoxGlyphs(horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘")
    public static let heavy = BoxGlyphs(horizontal: "━", vertical: "┃", topLeft: "┏", topRight: "┓", bottomLeft: "┗", bottomRight: "┛")
    public static let ascii = BoxGlyphs(horizontal: "-", vertical: "|", topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+")
}
