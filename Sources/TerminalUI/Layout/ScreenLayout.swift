/// How the body is arranged at the current terminal size.
public enum LayoutMode: Sendable, Equatable {
    /// Every pane at once: the list on the left, the others tiled on the right (≥ 120x30).
    case dashboard
    /// The list on the left and one tabbed pane on the right (≥ 80x20).
    case tabs
    /// One pane at a time, with a tab line to switch (below 80 columns).
    case single
    /// Smaller than the minimum: only a message.
    case tooSmall
}

/// The screen's regions for one frame: header, breadcrumbs, body, footer. Pure arithmetic on
/// the size, so every size (including absurd ones) is testable and nothing can crash.
public struct ScreenLayout: Sendable, Equatable {
    public static let minimum = Size(rows: 6, columns: 20)
    public static let dashboardMinimum = Size(rows: 30, columns: 120)
    public static let tabsMinimum = Size(rows: 20, columns: 80)

    public var size: Size
    public var mode: LayoutMode
    public var header: Rect?
    public var breadcrumbs: Rect?
    public var body: Rect
    public var footer: Rect?

    public init(size: Size) {
        self.size = size
        let full = Rect(size: size)
        if size.rows < Self.minimum.rows || size.columns < Self.minimum.columns {
            mode = .tooSmall; header = nil; breadcrumbs = nil; body = full; footer = nil
            return
        }
        if size.columns >= Self.dashboardMinimum.columns && size.rows >= Self.dashboardMinimum.rows {
            mode = .dashboard
        } else if size.columns >= Self.tabsMinimum.columns && size.rows >= Self.tabsMinimum.rows {
            mode = .tabs
        } else {
            mode = .single
        }
        var rest = full
        let top: Rect
        (top, rest) = rest.splitTop(1)
        header = top
        if size.rows >= 12 {
            let crumbs: Rect
            (crumbs, rest) = rest.splitTop(1)
            breadcrumbs = crumbs
        } else {
            breadcrumbs = nil
        }
        let bottom: Rect
        (rest, bottom) = rest.splitBottom(1)
        footer = bottom
        body = rest
    }

    /// The rectangles for the dashboard's panes: the first (the list) on the left, the others
    /// tiled on the right (``tiledRects(body:paneCount:)``). Fewer panes take the space of
    /// the missing ones.
    public static func dashboardRects(body: Rect, paneCount: Int) -> [Rect] {
        guard paneCount > 0 else { return [] }
        if paneCount == 1 { return [body] }
        let leftWidth = max(30, min(body.columns * 35 / 100, 60))
        let (left, right) = body.splitLeft(leftWidth)
        return [left] + tiledRects(body: right, paneCount: paneCount - 1)
    }

    /// A customer's own screen (no list on the left): the panes tiled as the dashboard's right
    /// side, so the invoices keep the most rows and the short lists share the bottom.
    public static func stackedRects(body: Rect, paneCount: Int) -> [Rect] {
        tiledRects(body: body, paneCount: paneCount)
    }

    /// The first pane across the top, the second in the middle, the rest at the bottom: the
    /// third and fourth side by side; from a fifth on, the third keeps the left half and the
    /// others stack in the right half, so none is squeezed into a sliver.
    static func tiledRects(body: Rect, paneCount: Int) -> [Rect] {
        switch paneCount {
        case ..<1: return []
        case 1: return [body]
        case 2:
            let (a, b) = body.splitTop(body.rows / 2)
            return [a, b]
        default:
            let topRows = body.rows * 3 / 10, middleRows = body.rows * 4 / 10
            let (a, rest) = body.splitTop(topRows)
            let (b, bottom) = rest.splitTop(middleRows)
            var rects = [a, b]
            let bottomCount = paneCount - 2
            if bottomCount <= 2 {
                var remaining = bottom
                for i in 0..<bottomCount {
                    let w = i == bottomCount - 1 ? remaining.columns : remaining.columns / (bottomCount - i)
                    let (piece, next) = remaining.splitLeft(w)
                    rects.append(piece)
                    remaining = next
                }
            } else {
                let (first, column) = bottom.splitLeft(bottom.columns / 2)
                rects.append(first)
                var remaining = column
                let stackCount = bottomCount - 1
                for i in 0..<stackCount {
                    let h = i == stackCount - 1 ? remaining.rows : remaining.rows / (stackCount - i)
                    let (piece, next) = remaining.splitTop(h)
                    rects.append(piece)
                    remaining = next
                }
            }
            return rects
        }
    }

    /// The two rectangles of the tabs layout: the list on the left, the tabbed pane on the right.
    public static func tabsRects(body: Rect) -> (list: Rect, tabLine: Rect, tabbed: Rect) {
        let leftWidth = max(28, body.columns * 38 / 100)
        let (left, right) = body.splitLeft(leftWidth)
        let (tabLine, tabbed) = right.splitTop(1)
        return (left, tabLine, tabbed)
    }
}
