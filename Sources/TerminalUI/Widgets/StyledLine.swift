import LagoAPI

/// A run of text in one role.
public struct Span: Sendable, Equatable {
    public var text: String
    public var role: StyleRole
    public init(_ text: String, _ role: StyleRole = .text) { self.text = text; self.role = role }
}

/// A line made of spans, with indentation and an optional right-aligned part (totals).
public struct StyledLine: Sendable, Equatable {
    public var spans: [Span]
    public var indent: Int
    public var trailing: Span?

    public init(_ spans: [Span], indent: Int = 0, trailing: Span? = nil) { self.spans = spans; self.indent = indent; self.trailing = trailing }
    public init(_ text: String, role: StyleRole = .text, indent: Int = 0, trailing: Span? = nil) {
        self.init([Span(text, role)], indent: indent, trailing: trailing)
    }

    /// Draws the line in one row of `rect`: spans left (after the indent, two columns per
    /// level), the trailing part right-aligned; spans are cut before they reach it.
    @MainActor
    public func draw(on canvas: Canvas, row: Int, in rect: Rect, emphasis: Emphasis = []) {
        var trailingWidth = 0
        if let trailing {
            trailingWidth = min(rect.columns, TextSanitizer.sanitize(trailing.text).displayWidth)
            canvas.text(trailing.text, row: row, column: rect.right - trailingWidth, style: Style(trailing.role, emphasis))
        }
        var x = rect.column + min(indent * 2, max(0, rect.columns - 1))
        let limit = rect.right - (trailingWidth > 0 ? trailingWidth + 1 : 0)
        for span in spans where x < limit {
            x += canvas.text(span.text, row: row, column: x, style: Style(span.role, emphasis), maxWidth: limit - x)
        }
    }
}

/// A scrollable list of styled lines (detail trees, fee lines, raw JSON).
public struct TextView {
    public var lines: [StyledLine]
    public var scrollOffset: Int

    public init(lines: [StyledLine], scrollOffset: Int = 0) { self.lines = lines; self.scrollOffset = scrollOffset }

    @MainActor
    public func draw(on canvas: Canvas, in rect: Rect) {
        guard !rect.isEmpty else { return }
        let start = max(0, min(scrollOffset, max(0, lines.count - rect.rows)))
        for (offset, line) in lines.dropFirst(start).prefix(rect.rows).enumerated() {
            line.draw(on: canvas, row: rect.row + offset, in: rect)
        }
        if lines.count > rect.rows, rect.columns > 2 {
            let marker = "\(min(start + rect.rows, lines.count))/\(lines.count)"
            canvas.text(marker, row: rect.bottom - 1, column: rect.right - marker.displayWidth, style: Style(.dim))
        }
    }
}
