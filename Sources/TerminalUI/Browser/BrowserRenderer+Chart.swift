import BrowserModel

extension BrowserRenderer {
    /// A chart pane: its heading, the bar chart in what is left after the meters and lines
    /// (at least three rows when there is room), then one row per meter and the lines.
    func drawChart(_ chart: ChartSnapshot, in rect: Rect, canvas: Canvas) {
        guard !rect.isEmpty else { return }
        let below = chart.meters.count * 2 + chart.lines.count
        var area = rect
        canvas.text(chart.chartTitle, row: area.row, column: area.column, style: Style(.title))
        area = area.splitTop(1).1
        let chartRows = max(min(area.rows, 3), area.rows - below)
        let (chartRect, rest) = area.splitTop(chartRows)
        BarChart(bars: chart.bars.map(Self.bar), palette: chartPalette,
                 legend: chart.legend.map { (kind: Self.kind($0.kind), text: $0.text) },
                 emptyText: chart.emptyChart).draw(on: canvas, in: chartRect)
        var row = rest.row
        for meter in chart.meters where row + 1 < rest.bottom {
            canvas.text(meter.title, row: row, column: rest.column, style: Style(.text), maxWidth: rest.columns)
            ProgressMeter(value: meter.value, target: meter.target, label: meter.label, palette: chartPalette)
                .draw(on: canvas, row: row + 1, in: Rect(row: row + 1, column: rest.column, rows: 1, columns: rest.columns))
            row += 2
        }
        for line in chart.lines where row < rest.bottom {
            SnapshotMapping.line(line).draw(on: canvas, row: row, in: rest)
            row += 1
        }
    }

    static func bar(_ bar: ChartSnapshot.Bar) -> ChartBar {
        ChartBar(label: bar.label, value: bar.value, valueLabel: bar.valueLabel, kind: kind(bar.kind))
    }

    static func kind(_ kind: ChartSnapshot.BarKind) -> ChartBarKind {
        switch kind {
        case .normal: return .normal
        case .highlight: return .highlight
        case .estimate: return .estimate
        }
    }
}
