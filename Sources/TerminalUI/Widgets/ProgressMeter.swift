/// How far an integer amount has got towards a target (lifetime usage towards the next
/// progressive-billing threshold, current usage towards an alert): a bar of eighth blocks on a
/// dotted track, then the exact percentage and a caller's label ("€620.00 of €1,000.00").
/// It turns `statusWarning` from 80 % and `statusDanger` at 100 %; in monochrome the filled
/// part is a pattern past 80 % so the state reads without colour too.
public struct ProgressMeter: Sendable {
    public var value: Int64
    public var target: Int64
    public var label: String
    public var palette: ChartPalette

    public init(value: Int64, target: Int64, label: String = "", palette: ChartPalette = .colour) {
        self.value = value; self.target = target; self.label = label; self.palette = palette
    }

    /// Whole percent reached, rounded down (so 99.9 % is not shown as done) and capped at
    /// 9999; nil without a target.
    public var percent: Int? {
        guard target > 0 else { return nil }
        let reached = UInt64(max(0, value))
        let product = reached.multipliedFullWidth(by: 100)
        guard product.high < UInt64(target) else { return 9999 }
        return Int(min(UInt64(target).dividingFullWidth(product).quotient, 9999))
    }

    /// The kind of bar the state calls for: highlight from 80 %.
    var kind: ChartBarKind { (percent ?? 0) >= 80 ? .highlight : .normal }

    /// Draws the bar in one row of `rect`: bar first, then "62 %" and the label, which give
    /// way to the bar only down to 4 cells.
    @MainActor
    public func draw(on canvas: Canvas, row: Int, in rect: Rect) {
        let percentText = percent.map { "\($0)%" } ?? "—"
        let tail = " " + percentText + (label.isEmpty ? "" : " " + label)
        let tailWidth = min(tail.displayWidth, max(0, rect.columns - 4))
        let barWidth = rect.columns - tailWidth
        guard barWidth > 0 else { return }
        let reached = max(0, value), limit = max(0, target)
        let eighths = limit == 0 ? 0 : ChartScale.steps(UInt64(min(reached, limit)), of: UInt64(limit), in: barWidth * 8)
        let role: StyleRole = (percent ?? 0) >= 100 ? .statusDanger : palette.role(for: kind, negative: false)
        let cells = ChartScale.run(eighths: eighths, pattern: palette.pattern(for: kind, negative: false)) { ChartScale.leftBlocks[$0] }
        for column in 0..<barWidth {
            if column < cells.count {
                canvas.text(String(cells[column]), row: row, column: rect.column + column, style: Style(role))
            } else {
                canvas.text("·", row: row, column: rect.column + column, style: Style(.dim))
            }
        }
        canvas.text(tail, row: row, column: rect.column + barWidth, style: Style(.text), maxWidth: tailWidth)
    }
}
