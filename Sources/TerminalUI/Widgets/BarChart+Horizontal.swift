extension BarChart {
    /// One bar per row: label (up to a third of the width), the bar, its value right-aligned
    /// in a column of its own. With negative values a zero column splits the bar area in
    /// proportion; negative bars grow left from it. Rows beyond the rectangle are not drawn
    /// (the caller pages a ranking). A reference is a dotted column at its value.
    @MainActor
    func drawHorizontal(on canvas: Canvas, in rect: Rect) {
        var area = rect
        if !legend.isEmpty, area.rows > bars.count {
            drawLegend(on: canvas, row: area.bottom - 1, in: area)
            area = area.splitBottom(1).rest
        }
        let labelWidth = min(bars.map { $0.label.displayWidth }.max() ?? 0, area.columns / 3)
        let valueWidth = bars.map { $0.valueLabel.displayWidth }.max() ?? 0
        let barLeft = area.column + labelWidth + (labelWidth > 0 ? 1 : 0)
        let barWidth = area.right - barLeft - valueWidth - 1
        let maxPositive = UInt64(max(0, bars.map(\.value).max() ?? 0, reference.map { max(0, $0.value) } ?? 0))
        let maxNegative = bars.map(\.value).min().map { $0 < 0 ? $0.magnitude : 0 } ?? 0
        let split = ChartSplit(maxPositive: maxPositive, maxNegative: maxNegative, cells: barWidth)
        let zeroColumn = barLeft + (split?.negativeCells ?? 0)

        // The reference goes first so bars crossing it cover it.
        if let reference, reference.value > 0, let split, split.positiveCells > 0 {
            let column = zeroColumn + split.cells(reference.value) - 1
            for offset in 0..<min(bars.count, area.rows) {
                canvas.text("┊", row: area.row + offset, column: column, style: Style(.statusWarning))
            }
        }

        for (offset, bar) in bars.prefix(area.rows).enumerated() {
            let row = area.row + offset
            let labelStyle = Style(bar.kind == .highlight ? .text : .dim, bar.kind == .highlight ? .bold : [])
            canvas.field(bar.label, row: row, column: area.column, width: labelWidth, style: labelStyle)
            canvas.field(bar.valueLabel, row: row, column: area.right - valueWidth, width: valueWidth,
                         style: Style(.text, bar.kind == .highlight ? .bold : []), alignment: .right)
            guard let split else { continue }
            let negative = bar.value < 0
            let cells = ChartScale.run(eighths: split.eighths(bar.value), pattern: palette.pattern(for: bar.kind, negative: negative)) {
                negative ? ChartScale.coarse($0, eighth: "▕", half: "▐") : ChartScale.leftBlocks[$0]
            }
            let style = Style(palette.role(for: bar.kind, negative: negative))
            for (index, glyph) in cells.enumerated() {
                let column = negative ? zeroColumn - 1 - index : zeroColumn + index
                canvas.text(String(glyph), row: row, column: column, style: style)
            }
        }
    }
}
