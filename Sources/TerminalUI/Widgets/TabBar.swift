/// A row of tabs (`subscriptions │ invoices │ usage │ wallets`), the active one highlighted.
/// Used where the terminal is too small for every pane at once.
public struct TabBar {
    public var titles: [String]
    public var active: Int
    public init(titles: [String], active: Int) { self.titles = titles; self.active = active }

    @MainActor
    public func draw(on canvas: Canvas, row: Int, in rect: Rect) {
        var x = rect.column
        for (i, title) in titles.enumerated() where x < rect.right {
            let text = " \(title) "
            x += canvas.text(text, row: row, column: x, style: Style(i == active ? .tabActive : .tabInactive), maxWidth: rect.right - x)
            if i < titles.count - 1, x < rect.right { x += canvas.text("│", row: row, column: x, style: Style(.border)) }
        }
    }
}

/// What is drawn when the terminal is smaller than the minimum: the size and what is needed.
public enum TooSmallMessage {
    @MainActor
    public static func draw(on canvas: Canvas, size: Size, minimum: Size) {
        let lines = ["Terminal too small", "\(size.columns)x\(size.rows), need \(minimum.columns)x\(minimum.rows)", "q quits"]
        let top = max(0, (size.rows - lines.count) / 2)
        for (i, line) in lines.enumerated() where top + i < size.rows {
            let text = line.truncated(toWidth: size.columns)
            canvas.text(text, row: top + i, column: max(0, (size.columns - text.displayWidth) / 2), style: Style(i == 0 ? .statusWarning : .text))
        }
    }
}
