/// One bar of a chart: what it is (`label`, a period or a name), its exact value in integer
/// units (cents, event counts) and that value already formatted for people (`valueLabel`,
/// "€1,250.00"). The chart scales `value` and prints `valueLabel`; it never rounds money.
public struct ChartBar: Sendable, Equatable {
    public var label: String
    public var value: Int64
    public var valueLabel: String
    public var kind: ChartBarKind

    public init(label: String, value: Int64, valueLabel: String, kind: ChartBarKind = .normal) {
        self.label = label; self.value = value; self.valueLabel = valueLabel; self.kind = kind
    }
}

/// A level drawn across a chart (an alert threshold, a progressive-billing step).
public struct ChartReference: Sendable, Equatable {
    public var value: Int64
    public var label: String
    public init(value: Int64, label: String) { self.value = value; self.label = label }
}

/// A labelled bar chart drawn with Unicode eighth blocks, as an immutable value: build it
/// from the data and draw it into a rectangle. `.vertical` puts bars side by side (periods
/// under them, values over them, a scale on the left when there is room); `.horizontal` puts
/// one bar per row (label, bar, value). Negative values grow the other way from zero, a zero
/// value draws no block but keeps its label, and a non-zero value is never invisible.
/// When bars outnumber the columns the newest (last) ones are kept and "‹" marks the cut.
public struct BarChart: Sendable {
    public enum Orientation: Sendable { case vertical, horizontal }

    public var bars: [ChartBar]
    public var orientation: Orientation
    public var palette: ChartPalette
    /// What each kind means ("invoiced", "projected"), drawn as a legend when there is room.
    public var legend: [(kind: ChartBarKind, text: String)]
    public var reference: ChartReference?
    /// Formats a scale value (the largest and smallest bar) for the axis on the left.
    public var axisLabel: @Sendable (Int64) -> String
    /// Shown when there are no bars.
    public var emptyText: String

    public init(bars: [ChartBar], orientation: Orientation = .vertical, palette: ChartPalette = .colour,
                legend: [(kind: ChartBarKind, text: String)] = [], reference: ChartReference? = nil,
                emptyText: String = "no data", axisLabel: @escaping @Sendable (Int64) -> String = { String($0) }) {
        self.bars = bars; self.orientation = orientation; self.palette = palette; self.legend = legend
        self.reference = reference; self.emptyText = emptyText; self.axisLabel = axisLabel
    }

    /// Draws the chart inside `rect`, never outside it.
    @MainActor
    public func draw(on canvas: Canvas, in rect: Rect) {
        let area = rect.intersection(canvas.bounds)
        guard !area.isEmpty else { return }
        let clipped = canvas.clipped(to: area)
        guard !bars.isEmpty else {
            clipped.field(emptyText, row: area.row + (area.rows - 1) / 2, column: area.column, width: area.columns, style: Style(.dim), alignment: .center)
            return
        }
        switch orientation {
        case .vertical: drawVertical(on: clipped, in: area)
        case .horizontal: drawHorizontal(on: clipped, in: area)
        }
    }

    /// The legend line: one swatch and text per kind, in the kind's role.
    @MainActor
    func drawLegend(on canvas: Canvas, row: Int, in rect: Rect) {
        var x = rect.column
        for entry in legend where x < rect.right {
            let role = palette.role(for: entry.kind, negative: false)
            x += canvas.text(String(palette.swatch(for: entry.kind)), row: row, column: x, style: Style(role))
            x += canvas.text(" " + entry.text + "  ", row: row, column: x, style: Style(.dim), maxWidth: rect.right - x)
        }
    }
}

// MARK: - Vertical

extension BarChart {
    /// Rows of the vertical chart, top to bottom: legend (when ≥ 8 rows), a headroom row for
    /// value labels, the positive bars, the negative bars, a row for their labels, periods.
    @MainActor
    func drawVertical(on canvas: Canvas, in rect: Rect) {
        var area = rect
        if !legend.isEmpty, area.rows >= 8 {
            drawLegend(on: canvas, row: area.row, in: area)
            area = area.splitTop(1).1
        }
        let maxPositive = UInt64(max(0, bars.map(\.value).max() ?? 0, reference.map { max(0, $0.value) } ?? 0))
        let maxNegative = bars.map(\.value).min().map { $0 < 0 ? $0.magnitude : 0 } ?? 0
        let footroom = maxNegative > 0 ? 1 : 0
        guard let split = ChartSplit(maxPositive: maxPositive, maxNegative: maxNegative, cells: area.rows - 2 - footroom) else {
            Sparkline(values: bars.map(\.value), palette: palette).draw(on: canvas, row: area.row, in: area)
            return
        }
        let plotTop = area.row + 1
        let zeroRow = plotTop + split.positiveCells

        // Scale on the left: the largest bar, zero, the smallest bar, each on the row it reaches.
        var ticks: [(row: Int, text: String)] = []
        if let highest = bars.map(\.value).max(), highest > 0 { ticks.append((zeroRow - split.cells(highest), axisLabel(highest))) }
        ticks.append((zeroRow - 1, axisLabel(0)))
        if let lowest = bars.map(\.value).min(), lowest < 0 { ticks.append((zeroRow + split.cells(lowest) - 1, axisLabel(lowest))) }
        let tickWidth = ticks.map { $0.text.displayWidth }.max() ?? 0
        let gutter = area.columns >= 30 && tickWidth + 2 <= area.columns / 4 ? tickWidth + 2 : 0
        if gutter > 0 {
            for row in plotTop..<(zeroRow + split.negativeCells) {
                canvas.text("│", row: row, column: area.column + gutter - 1, style: Style(.border))
            }
            for tick in ticks {
                canvas.field(tick.text, row: tick.row, column: area.column, width: tickWidth, style: Style(.dim), alignment: .right)
                canvas.text("┤", row: tick.row, column: area.column + gutter - 1, style: Style(.border))
            }
        }

        let plotLeft = area.column + gutter, plotWidth = area.columns - gutter
        guard plotWidth > 0 else { return }
        let shown = Array(bars.suffix(plotWidth))
        let slot = min(plotWidth / shown.count, 14)
        let barWidth = slot >= 4 ? min(slot - 2, 10) : max(1, slot - 1)
        let labelRow = area.bottom - 1

        if let reference, reference.value > 0 {
            let row = zeroRow - split.cells(reference.value)
            canvas.hline(row: row, column: plotLeft, width: shown.count * slot, style: Style(.statusWarning), glyph: "╌")
            let text = " " + reference.label
            canvas.text(text, row: row, column: max(plotLeft, plotLeft + shown.count * slot - text.displayWidth), style: Style(.statusWarning))
        }

        let valueStride = ChartScale.labelStride(width: shown.map { $0.valueLabel.displayWidth }.max() ?? 0, slot: slot)
        let periodStride = ChartScale.labelStride(width: shown.map { $0.label.displayWidth }.max() ?? 0, slot: slot)
        // Bars first, then labels, so a label never gets drawn over by a later bar and can
        // check that the cells it needs are free of every bar.
        var extents: [(left: Int, right: Int, top: Int, bottom: Int)] = []
        for (index, bar) in shown.enumerated() {
            let left = plotLeft + index * slot + (slot - barWidth) / 2
            let negative = bar.value < 0
            let role = palette.role(for: bar.kind, negative: negative)
            let run = ChartScale.run(eighths: split.eighths(bar.value), pattern: palette.pattern(for: bar.kind, negative: negative)) {
                negative ? ChartScale.coarse($0, eighth: "▔", half: "▀") : ChartScale.lowerBlocks[$0]
            }
            for (offset, glyph) in run.enumerated() {
                let row = negative ? zeroRow + offset : zeroRow - 1 - offset
                for column in left..<(left + barWidth) { canvas.text(String(glyph), row: row, column: column, style: Style(role)) }
            }
            extents.append(negative ? (left, left + barWidth, zeroRow, zeroRow + run.count) : (left, left + barWidth, zeroRow - run.count, zeroRow))
        }
        func free(row: Int, from start: Int, to end: Int) -> Bool {
            !extents.contains { $0.left < end && start < $0.right && $0.top <= row && row < $0.bottom }
        }
        for (index, bar) in shown.enumerated() {
            let slotLeft = plotLeft + index * slot
            let fromNewest = shown.count - 1 - index
            let emphasis: Emphasis = bar.kind == .highlight ? .bold : []
            // Values are never cut: a label that does not fit its slots, or would cover a bar, is left out.
            let valueSpan = slot * valueStride - (valueStride > 1 ? 1 : 0)
            if fromNewest % valueStride == 0, bar.valueLabel.displayWidth <= valueSpan {
                let row = bar.value < 0 ? extents[index].bottom : extents[index].top - 1
                let start = centredStart(bar.valueLabel, slotLeft: slotLeft, slot: slot, in: canvas.bounds)
                if free(row: row, from: start, to: start + bar.valueLabel.displayWidth) {
                    canvas.text(bar.valueLabel, row: row, column: start, style: Style(.text, emphasis))
                }
            }
            if fromNewest % periodStride == 0 {
                let span = slot * periodStride - (periodStride > 1 ? 1 : 0)
                let text = bar.label.truncated(toWidth: span)
                canvas.text(text, row: labelRow, column: centredStart(text, slotLeft: slotLeft, slot: slot, in: canvas.bounds),
                            style: Style(bar.kind == .highlight ? .text : .dim, emphasis), maxWidth: span)
            }
        }
        if shown.count < bars.count, gutter > 0 {
            canvas.text("‹", row: labelRow, column: area.column + gutter - 1, style: Style(.dim))
        }
    }

    /// The column where `text` starts when centred on a slot, kept inside `bounds`.
    private func centredStart(_ text: String, slotLeft: Int, slot: Int, in bounds: Rect) -> Int {
        let width = text.displayWidth
        return max(bounds.column, min(slotLeft + slot / 2 - width / 2, bounds.right - width))
    }
}
