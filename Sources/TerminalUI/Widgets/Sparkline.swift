/// A one-row chart of a series (events per minute, usage per day): one column per value,
/// newest on the right, heights in eighth blocks scaled to the largest value. A zero is a
/// baseline dot and a negative value counts as zero, so the line always reads left to right.
/// Used alone for live rates and by `BarChart` when a rectangle is too short for bars.
public struct Sparkline: Sendable {
    public var values: [Int64]
    public var palette: ChartPalette
    public var kind: ChartBarKind

    public init(values: [Int64], palette: ChartPalette = .colour, kind: ChartBarKind = .normal) {
        self.values = values; self.palette = palette; self.kind = kind
    }

    /// The glyphs for the last `width` values.
    public func glyphs(width: Int) -> [Character] {
        let shown = values.suffix(max(0, width))
        let maximum = UInt64(max(0, shown.max() ?? 0))
        return shown.map { value in
            value <= 0 ? "·" : ChartScale.lowerBlocks[ChartScale.steps(UInt64(value), of: maximum, in: 8)]
        }
    }

    /// Draws the line in one row of `rect`, right-aligned (the newest value at the right edge).
    @MainActor
    public func draw(on canvas: Canvas, row: Int, in rect: Rect) {
        let line = glyphs(width: rect.columns)
        let style = Style(palette.role(for: kind, negative: false))
        for (index, glyph) in line.enumerated() {
            canvas.text(String(glyph), row: row, column: rect.right - line.count + index, style: glyph == "·" ? Style(.dim) : style)
        }
    }
}
