/// A titled, framed pane. The focused pane gets the focus colour and a heavier title; the
/// count and the active filter are part of the title so users always see what they are
/// looking at ("invoices (Acme) [42] /draft").
public struct Panel {
    public var title: String
    public var count: String?
    public var filter: String?
    public var focused: Bool
    public var glyphs: BoxGlyphs

    public init(title: String, count: String? = nil, filter: String? = nil, focused: Bool, glyphs: BoxGlyphs = .unicode) {
        self.title = title; self.count = count; self.filter = filter; self.focused = focused; self.glyphs = glyphs
    }

    /// Draws the frame and returns the inner rectangle (or `rect` itself, frameless, when
    /// there is no room for a frame).
    @MainActor
    @discardableResult
    public func draw(on canvas: Canvas, in rect: Rect) -> Rect {
        guard rect.rows >= 3, rect.columns >= 6 else {
            // Too small for a frame: one title line, content below.
            guard rect.rows >= 1 else { return rect }
            canvas.field(titleText, row: rect.row, column: rect.column, width: rect.columns, style: Style(focused ? .titleFocused : .title))
            return Rect(row: rect.row + 1, column: rect.column, rows: rect.rows - 1, columns: rect.columns)
        }
        canvas.box(rect, title: titleText, style: Style(focused ? .borderFocused : .border),
                   titleStyle: Style(focused ? .titleFocused : .title), glyphs: glyphs)
        return rect.inset(by: 1)
    }

    var titleText: String {
        var text = title
        if let count, !count.isEmpty { text += " [\(count)]" }
        if let filter, !filter.isEmpty { text += " /\(filter)" }
        return text
    }
}
