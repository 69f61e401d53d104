import BrowserModel
import Foundation

/// Draws one `BrowserSnapshot`: header, breadcrumbs, the panes arranged for the terminal's
/// size (dashboard, list + tabs, single pane, or "too small"), footer hints or the prompt,
/// toasts and task progress, then the dialog or help overlay on top. It only reads the
/// snapshot; what it learns about space (rows per pane) comes back in the report.
@MainActor
public struct BrowserRenderer {
    public var glyphs: BoxGlyphs
    /// Colour or patterns for charts (monochrome under NO_COLOR and the monochrome theme).
    public var chartPalette: ChartPalette = .colour
    public var spinnerFrame: Int
    public var now: Date

    public init(glyphs: BoxGlyphs = .unicode, spinnerFrame: Int = 0, now: Date = Date()) {
        self.glyphs = glyphs; self.spinnerFrame = spinnerFrame; self.now = now
    }

    /// What the renderer found out while drawing: rows of data each visible pane can show,
    /// and which panes are visible at all (hidden panes stop polling).
    public struct Report: Equatable, Sendable {
        public var viewportRows: [PaneID: Int] = [:]
        public var visiblePanes: [PaneID] = []
        /// Where each visible table's data rows are on screen and the list index of the first
        /// one, so a mouse click can be turned into a row.
        public var tableRows: [PaneID: TableHitArea] = [:]
        public var mode: LayoutMode = .single
    }

    /// Which right-hand pane the tabs layout shows when the list has focus.
    public var rememberedTab: PaneID?

    public func render(_ snapshot: BrowserSnapshot, on screen: any Screen) -> Report {
        let layout = ScreenLayout(size: screen.size)
        let canvas = Canvas(screen: screen)
        var report = Report()
        report.mode = layout.mode
        if layout.mode == .tooSmall {
            TooSmallMessage.draw(on: canvas, size: screen.size, minimum: ScreenLayout.minimum)
            return report
        }
        let stale = snapshot.body.panes.contains { $0.stale }
        if let header = layout.header {
            HeaderBar(info: SnapshotMapping.header(snapshot.header, busy: snapshot.busy, stale: stale, now: now), spinnerFrame: spinnerFrame, now: now)
                .draw(on: canvas, row: header.row, in: header)
        }
        if let crumbs = layout.breadcrumbs {
            // The dashboard's own tabs sit at the right of the crumbs from 120 columns on
            // (narrower, `A` still switches; the crumbs then say which tab is shown).
            let tabs = snapshot.body.screenTabs
            let tabsWidth = tabs.reduce(0) { $0 + $1.displayWidth + 2 } + max(0, tabs.count - 1)
            if !tabs.isEmpty, layout.mode == .dashboard, crumbs.columns > tabsWidth + 20 {
                let (left, right) = crumbs.splitLeft(crumbs.columns - tabsWidth)
                Breadcrumbs(snapshot.breadcrumbs).draw(on: canvas, row: crumbs.row, in: left)
                TabBar(titles: tabs, active: snapshot.body.activeScreenTab).draw(on: canvas, row: crumbs.row, in: right)
            } else {
                Breadcrumbs(snapshot.breadcrumbs).draw(on: canvas, row: crumbs.row, in: crumbs)
            }
        }
        var body = layout.body
        // The prompt takes the footer line, and one more for candidates or its message.
        var promptRect: Rect?
        if let prompt = snapshot.prompt, let footer = layout.footer {
            let widget = PromptLine(SnapshotMapping.prompt(prompt))
            if widget.height > 1 && body.rows > 3 {
                let extra: Rect
                (body, extra) = body.splitBottom(1)
                promptRect = Rect(row: extra.row, column: footer.column, rows: 2, columns: footer.columns)
            } else {
                promptRect = footer
            }
        }
        drawBody(snapshot.body, mode: layout.mode, in: body, canvas: canvas, report: &report)
        if let footer = layout.footer {
            if let prompt = snapshot.prompt, let rect = promptRect {
                PromptLine(SnapshotMapping.prompt(prompt)).draw(on: canvas, in: rect)
            } else {
                FooterHints(SnapshotMapping.hints(snapshot.footerHints)).draw(on: canvas, row: footer.row, in: footer)
            }
        }
        let toasts = SnapshotMapping.toasts(snapshot.toasts, tasks: snapshot.tasks, spinnerFrame: spinnerFrame)
        if !toasts.isEmpty {
            ToastStack(toasts).draw(on: canvas, above: body.bottom - (body.rows > 4 ? 1 : 0), in: body)
        }
        if let help = snapshot.help {
            var overlay = SnapshotMapping.help(help)
            overlay.glyphs = glyphs
            overlay.draw(on: canvas, in: body)
        }
        if let dialog = snapshot.dialog {
            DialogWidget(SnapshotMapping.dialog(dialog), glyphs: glyphs).draw(on: canvas, in: Rect(size: screen.size))
        }
        return report
    }

    private func drawBody(_ body: BodySnapshot, mode: LayoutMode, in rect: Rect, canvas: Canvas, report: inout Report) {
        let panes = body.panes
        guard !panes.isEmpty else { return }
        let focused = min(max(0, body.focusedIndex), panes.count - 1)
        switch (body.layout, mode) {
        case (.single, _) where panes.count == 1:
            drawPane(panes[0], in: rect, canvas: canvas, report: &report)
        case (.dashboard, .dashboard):
            for (pane, r) in zip(panes, ScreenLayout.dashboardRects(body: rect, paneCount: panes.count)) {
                drawPane(pane, in: r, canvas: canvas, report: &report)
            }
        case (.dashboard, .tabs) where panes.count > 1:
            let (list, tabLine, tabbed) = ScreenLayout.tabsRects(body: rect)
            drawPane(panes[0], in: list, canvas: canvas, report: &report)
            let rightIndex = focused > 0 ? focused : (panes.firstIndex { $0.id == rememberedTab } ?? 1)
            let others = Array(panes.dropFirst())
            TabBar(titles: others.map(\.title), active: rightIndex - 1).draw(on: canvas, row: tabLine.row, in: tabLine)
            drawPane(panes[rightIndex], in: tabbed, canvas: canvas, report: &report)
        case (.stacked, .dashboard):
            for (pane, r) in zip(panes, ScreenLayout.stackedRects(body: rect, paneCount: panes.count)) {
                drawPane(pane, in: r, canvas: canvas, report: &report)
            }
        default:
            // One pane at a time, with a tab line naming the others.
            var area = rect
            if panes.count > 1 {
                let tabLine: Rect
                (tabLine, area) = rect.splitTop(1)
                TabBar(titles: panes.map(\.title), active: focused).draw(on: canvas, row: tabLine.row, in: tabLine)
            }
            drawPane(panes[focused], in: area, canvas: canvas, report: &report)
        }
    }

    private func drawPane(_ pane: PaneSnapshot, in rect: Rect, canvas fullCanvas: Canvas, report: inout Report) {
        report.visiblePanes.append(pane.id)
        var filter = pane.filter
        if let search = pane.serverSearch { filter = (filter.map { $0 + " " } ?? "") + "search:" + search }
        let title = pane.stale ? pane.title + " (cached" + (pane.cachedAge.map { " " + ConnectionState.ago($0) } ?? "") + ")" : pane.title
        var inner = Panel(title: title, count: pane.countText, filter: filter, focused: pane.focused, glyphs: glyphs).draw(on: fullCanvas.clipped(to: rect), in: rect)
        guard !inner.isEmpty else { report.viewportRows[pane.id] = 1; return }
        // Everything inside the frame is clipped to it.
        let canvas = fullCanvas.clipped(to: inner)
        // Status line: loading, refreshing, failure.
        switch pane.state {
        case .loading:
            canvas.text("\(Spinner.frame(spinnerFrame)) Loading…", row: inner.row, column: inner.column, style: Style(.dim))
            report.viewportRows[pane.id] = max(1, TableWidget.visibleRowCount(in: inner))
            return
        case .failed(let message):
            if inner.rows > 2 || pane.isEmpty {
                canvas.text("✗ " + message, row: inner.row, column: inner.column, style: Style(.statusDanger))
                inner = Rect(row: inner.row + 1, column: inner.column, rows: inner.rows - 1, columns: inner.columns)
            }
        case .idle, .refreshing:
            break
        }
        // Summary lines (totals, period) above the content, leaving room for content.
        let summaryRows = min(pane.summary.count, max(0, inner.rows - 2))
        for (i, line) in pane.summary.prefix(summaryRows).enumerated() {
            SnapshotMapping.line(line).draw(on: canvas, row: inner.row + i, in: inner)
        }
        inner = Rect(row: inner.row + summaryRows, column: inner.column, rows: inner.rows - summaryRows, columns: inner.columns)
        switch pane.content {
        case .table(let table):
            report.viewportRows[pane.id] = max(1, TableWidget.visibleRowCount(in: inner))
            if table.rows.isEmpty, let empty = pane.emptyMessage {
                TableWidget(content: SnapshotMapping.table(table), focused: pane.focused).draw(on: canvas, in: Rect(row: inner.row, column: inner.column, rows: 1, columns: inner.columns))
                if inner.rows > 1 { canvas.text(empty, row: inner.row + 1, column: inner.column, style: Style(.dim)) }
            } else {
                TableWidget(content: SnapshotMapping.table(table), focused: pane.focused).draw(on: canvas, in: inner)
            }
            report.tableRows[pane.id] = TableHitArea(rect: Rect(row: inner.row + 1, column: inner.column, rows: min(table.rows.count, inner.rows - 1), columns: inner.columns),
                                                     firstRowIndex: table.firstRowIndex)
        case .charts(let charts):
            report.viewportRows[pane.id] = max(1, inner.rows)
            ChartsView(charts: charts, palette: chartPalette).draw(on: canvas, in: inner)
        case .chart(let chart):
            report.viewportRows[pane.id] = max(1, inner.rows)
            drawChart(chart, in: inner, canvas: canvas)
        case .text(let text):
            var area = inner
            if text.tabs.count > 1, area.rows > 1 {
                let tabLine: Rect
                (tabLine, area) = area.splitTop(1)
                TabBar(titles: text.tabs, active: text.activeTab).draw(on: canvas, row: tabLine.row, in: tabLine)
            }
            report.viewportRows[pane.id] = max(1, area.rows)
            let isJSON = text.activeTab < text.tabs.count && text.tabs[text.activeTab].lowercased().contains("json")
            var source = text.lines
            var offset = text.scrollOffset
            if text.wraps {
                let pieces = text.lines.map { $0.wrapped(toWidth: area.columns) }
                offset = pieces.prefix(text.scrollOffset).reduce(0) { $0 + $1.count }
                source = pieces.flatMap { $0 }
            }
            let lines = source.map { isJSON ? StyledLine(JSONHighlighter.spans(forLine: String(repeating: "  ", count: $0.indent) + $0.text)) : SnapshotMapping.line($0) }
            if lines.isEmpty, let empty = pane.emptyMessage {
                canvas.text(empty, row: area.row, column: area.column, style: Style(.dim))
            } else {
                TextView(lines: lines, scrollOffset: offset).draw(on: canvas, in: area)
            }
        }
    }
}

/// The screen rectangle of a table's data rows and the list index of its first row.
public struct TableHitArea: Equatable, Sendable {
    public var rect: Rect
    public var firstRowIndex: Int
}

extension PaneSnapshot {
    var isEmpty: Bool {
        switch content {
        case .table(let t): return t.rows.isEmpty
        case .text(let t): return t.lines.isEmpty
        case .charts(let c): return c.panels.isEmpty
        case .chart(let c): return c.bars.isEmpty && c.meters.isEmpty && c.lines.isEmpty
        }
    }
}
