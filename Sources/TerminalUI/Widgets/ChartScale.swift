/// What a bar stands for, so a chart tells bars apart without colour: in colour each kind has
/// a theme role, in monochrome its own fill pattern (see `ChartPalette`).
public enum ChartBarKind: Sendable, Hashable, CaseIterable {
    /// An ordinary value (an invoiced period).
    case normal
    /// The bar to notice (the open period, a value at or over its threshold).
    case highlight
    /// An estimate rather than a fact (projected usage).
    case estimate
}

/// How a chart looks: `.colour` gives each kind a theme role and draws every bar in eighth
/// blocks; `.monochrome` (NO_COLOR, the monochrome theme) gives each kind a fill pattern so
/// bars still read apart with no colour at all.
public enum ChartPalette: Sendable, Equatable {
    case colour, monochrome

    /// `.monochrome` when the terminal shows no colour or the theme gives bars no colour.
    public static func resolve(colorMode: ColorMode, theme: Theme) -> ChartPalette {
        if colorMode == .none { return .monochrome }
        let bar = theme.style(for: .progress)
        return bar.foreground == .terminalDefault && bar.background == .terminalDefault ? .monochrome : .colour
    }

    /// The role a bar of `kind` is drawn in (negative bars are always `statusDanger`).
    public func role(for kind: ChartBarKind, negative: Bool) -> StyleRole {
        if negative { return .statusDanger }
        switch kind {
        case .normal: return .progress
        case .highlight: return .statusWarning
        case .estimate: return .dim
        }
    }

    /// The pattern a bar is filled with, or nil for solid eighth blocks (exact to 1/8 cell).
    public func pattern(for kind: ChartBarKind, negative: Bool) -> Character? {
        guard self == .monochrome else { return nil }
        if negative { return "▒" }
        switch kind {
        case .normal: return nil
        case .highlight: return "▓"
        case .estimate: return "░"
        }
    }

    /// The glyph a legend shows for `kind`.
    public func swatch(for kind: ChartBarKind) -> Character { pattern(for: kind, negative: false) ?? "█" }
}

/// Exact integer arithmetic for charts: values are cents or units (never Double), scaled to
/// eighths of a cell with full-width multiplication so even `Int64.max` cannot overflow.
enum ChartScale {
    /// Blocks filling a cell from the bottom, index = eighths (0 = empty).
    static let lowerBlocks: [Character] = [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
    /// Blocks filling a cell from the left, index = eighths (0 = empty).
    static let leftBlocks: [Character] = [" ", "▏", "▎", "▍", "▌", "▋", "▊", "▉", "█"]

    /// `value × steps ÷ maximum`, rounded half up; `value` may exceed `maximum` as long as the
    /// result fits. A non-zero value never rounds to nothing: it gets at least one step.
    static func steps(_ value: UInt64, of maximum: UInt64, in steps: Int) -> Int {
        guard maximum > 0, value > 0, steps > 0 else { return 0 }
        let product = value.multipliedFullWidth(by: UInt64(steps))
        guard product.high < maximum else { return steps }
        let (quotient, remainder) = maximum.dividingFullWidth(product)
        let rounded = quotient + (remainder >= maximum - remainder ? 1 : 0)
        return max(1, Int(min(rounded, UInt64(Int.max))))
    }

    /// Whether `a ÷ b` is greater than `c ÷ d` (all non-negative, b and d positive), exactly.
    static func ratio(_ a: UInt64, over b: UInt64, exceeds c: UInt64, over d: UInt64) -> Bool {
        let left = a.multipliedFullWidth(by: d), right = c.multipliedFullWidth(by: b)
        return left.high != right.high ? left.high > right.high : left.low > right.low
    }

    /// How many of `count` items to skip between labels `width` columns wide so that labels
    /// centred on slots `slot` columns apart never touch (1 = label every item).
    static func labelStride(width: Int, slot: Int) -> Int {
        guard slot > 0 else { return Int.max }
        return width + 1 <= slot ? 1 : (width + slot) / slot
    }

    /// The glyphs of one bar `eighths` long, from the zero line outwards: whole cells, then
    /// the partial cell `partial(rest)` gives. A patterned bar (monochrome) is rounded to
    /// whole cells of its pattern, at least one.
    static func run(eighths: Int, pattern: Character?, partial: (Int) -> Character) -> [Character] {
        guard eighths > 0 else { return [] }
        if let pattern { return Array(repeating: pattern, count: max(1, (eighths + 4) / 8)) }
        var cells = Array(repeating: Character("█"), count: eighths / 8)
        if eighths % 8 > 0 { cells.append(partial(eighths % 8)) }
        return cells
    }

    /// Unicode has blocks growing from the top (▔ ▀) and the right (▕ ▐) only in eighths and
    /// halves, so a bar growing down or left ends in the nearest of those.
    static func coarse(_ rest: Int, eighth: Character, half: Character) -> Character {
        rest <= 2 ? eighth : rest <= 5 ? half : "█"
    }
}

/// How a bar area of `cells` rows or columns is shared between positive and negative
/// values, on ONE scale for both signs (the side whose largest value needs more per cell
/// sets it), so a −€50 bar is exactly as long as a €50 one.
struct ChartSplit {
    let positiveCells: Int
    let negativeCells: Int
    private let scaleMaximum: UInt64
    private let scaleEighths: Int

    /// nil when `cells` cannot show both signs (fewer than two cells with both present).
    init?(maxPositive: UInt64, maxNegative: UInt64, cells: Int) {
        guard cells >= (maxPositive > 0 && maxNegative > 0 ? 2 : 1) else { return nil }
        if maxNegative == 0 { positiveCells = cells }
        else if maxPositive == 0 { positiveCells = 0 }
        else { positiveCells = min(cells - 1, max(1, ChartScale.steps(maxPositive, of: maxPositive + maxNegative, in: cells))) }
        negativeCells = cells - positiveCells
        let positiveSetsScale = negativeCells == 0 ||
            (positiveCells > 0 && !ChartScale.ratio(maxNegative, over: UInt64(negativeCells), exceeds: maxPositive, over: UInt64(positiveCells)))
        scaleMaximum = positiveSetsScale ? maxPositive : maxNegative
        scaleEighths = 8 * (positiveSetsScale ? positiveCells : negativeCells)
    }

    /// The length of `value`'s bar in eighths of a cell.
    func eighths(_ value: Int64) -> Int { ChartScale.steps(value.magnitude, of: scaleMaximum, in: scaleEighths) }
    /// The number of cells `value`'s bar covers.
    func cells(_ value: Int64) -> Int { (eighths(value) + 7) / 8 }
}
