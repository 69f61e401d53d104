import BrowserModel

/// Draws the analytics view: a caption (currency, window, keys), then the series as labelled
/// bar charts — all of them at once when the pane has room (two columns from 120 columns), else
/// a tab bar of the series with the selected one full size. A series without figures shows its
/// message (loading, "not available on this Lago plan", an error) where its chart would be.
struct ChartsView {
    var charts: ChartsSnapshot
    var palette: ChartPalette

    /// Rows a panel needs to be worth drawing in the grid.
    static let minimumPanelRows = 9

    @MainActor
    func draw(on canvas: Canvas, in rect: Rect) {
        guard rect.rows > 1, rect.columns > 0 else { return }
        let (captionLine, area) = rect.splitTop(1)
        canvas.text(charts.caption, row: captionLine.row, column: captionLine.column, style: Style(.dim), maxWidth: captionLine.columns)
        let columns = area.columns >= 120 ? 2 : 1
        let gridRows = (charts.panels.count + columns - 1) / max(1, columns)
        if charts.panels.count > 1, gridRows > 0, area.rows / gridRows >= Self.minimumPanelRows {
            let height = area.rows / gridRows, width = area.columns / columns
            for (i, panel) in charts.panels.enumerated() {
                let cell = Rect(row: area.row + (i / columns) * height, column: area.column + (i % columns) * width,
                                rows: height, columns: i % columns == columns - 1 ? area.columns - (columns - 1) * width : width - 1)
                draw(panel, selected: i == charts.selected, on: canvas, in: cell)
            }
            return
        }
        guard !charts.panels.isEmpty else { return }
        let (tabLine, body) = area.splitTop(1)
        TabBar(titles: charts.panels.map(\.title), active: charts.selected).draw(on: canvas, row: tabLine.row, in: tabLine)
        draw(charts.panels[min(charts.selected, charts.panels.count - 1)], selected: true, on: canvas, in: body)
    }

    /// One series: its title and headline (latest month, change on the month before), the
    /// chart, and under it the latest month's parts when there is room.
    @MainActor
    func draw(_ panel: ChartPanelSnapshot, selected: Bool, on canvas: Canvas, in rect: Rect) {
        guard rect.rows > 0 else { return }
        let clipped = canvas.clipped(to: rect)
        let (titleLine, rest) = rect.splitTop(1)
        var x = titleLine.column
        x += clipped.text(panel.title, row: titleLine.row, column: x, style: Style(selected ? .title : .text, .bold), maxWidth: titleLine.columns)
        if !panel.headline.isEmpty, x + 2 < titleLine.right {
            clipped.text("  " + panel.headline, row: titleLine.row, column: x, style: Style(SnapshotMapping.role(panel.headlineRole)), maxWidth: titleLine.right - x)
        }
        guard rest.rows > 0 else { return }
        if let message = panel.message {
            clipped.field(message.text, row: rest.row + (rest.rows - 1) / 2, column: rest.column, width: rest.columns,
                          style: Style(SnapshotMapping.role(message.role)), alignment: .center)
            return
        }
        var chartArea = rest
        let noteRows = rest.rows >= 12 ? min(panel.notes.count, 3) : 0
        if noteRows > 0 {
            let notes: Rect
            (chartArea, notes) = rest.splitBottom(noteRows)
            for (i, note) in panel.notes.prefix(noteRows).enumerated() {
                SnapshotMapping.line(note).draw(on: clipped, row: notes.row + i, in: notes)
            }
        }
        let labels = Dictionary(panel.bars.map { ($0.value, $0.valueLabel) }, uniquingKeysWith: { first, _ in first })
        BarChart(bars: panel.bars.map { ChartBar(label: $0.label, value: $0.value, valueLabel: $0.valueLabel) },
                 palette: palette, emptyText: "no figures", axisLabel: { labels[$0] ?? ($0 == 0 ? "0" : String($0)) })
            .draw(on: clipped, in: chartArea)
    }
}
