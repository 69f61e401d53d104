import LagoAPI

/// The navigation path, `customers › Acme › invoices › INV-0042`. When it does not fit, the
/// oldest crumbs give way to "…" so the current place stays visible.
public struct Breadcrumbs {
    public var crumbs: [String]
    public init(_ crumbs: [String]) { self.crumbs = crumbs }

    public static let separator = " › "

    @MainActor
    public func draw(on canvas: Canvas, row: Int, in rect: Rect) {
        guard !crumbs.isEmpty, rect.columns > 0 else { return }
        var shown = crumbs.map { TextSanitizer.sanitize($0) }
        var elided = false
        func width() -> Int { shown.map(\.displayWidth).reduce(0, +) + Self.separator.displayWidth * (shown.count - 1 + (elided ? 1 : 0)) + (elided ? 1 : 0) }
        while shown.count > 1 && width() > rect.columns { shown.removeFirst(); elided = true }
        var x = rect.column
        if elided { x += canvas.text("…" + Self.separator, row: row, column: x, style: Style(.crumbs)) }
        for (i, crumb) in shown.enumerated() {
            let last = i == shown.count - 1
            x += canvas.text(crumb, row: row, column: x, style: Style(last ? .crumbsActive : .crumbs), maxWidth: rect.right - x)
            if !last { x += canvas.text(Self.separator, row: row, column: x, style: Style(.crumbs)) }
        }
    }
}
