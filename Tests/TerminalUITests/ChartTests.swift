import Foundation
import Testing
import BrowserModel
@testable import TerminalUI

/// Charts on the cell buffer at 80x24, 200x60 and 20x6, in colour and monochrome: bars in
/// exact proportion from integer values, labels that are whole or absent (money is never
/// cut), negative and zero values, patterns that read without colour.
@MainActor
@Suite struct ChartTests {
    nonisolated static let sizes = [Size(rows: 24, columns: 80), Size(rows: 60, columns: 200), Size(rows: 6, columns: 20)]
    nonisolated static let solid: Set<Character> = Set(ChartScale.lowerBlocks.dropFirst())

    /// Twelve months of invoiced usage in cents, one of them zero, the open period last.
    func months() -> [ChartBar] {
        let cents: [Int64] = [120_000, 98_050, 0, 143_000, 87_500, 150_075, 99_900, 132_000, 110_000, 64_000, 141_000, 72_500]
        let names = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        return zip(names, cents).enumerated().map { index, pair in
            ChartBar(label: pair.0, value: pair.1, valueLabel: euros(pair.1), kind: index == 11 ? .highlight : .normal)
        }
    }

    func draw(_ chart: BarChart, size: Size) -> CellBufferScreen {
        let screen = CellBufferScreen(rows: size.rows, columns: size.columns)
        chart.draw(on: Canvas(screen: screen), in: Rect(size: size))
        return screen
    }

    /// Columns holding a block glyph on any row.
    func barColumns(_ screen: CellBufferScreen, glyphs: Set<Character>) -> [Int] {
        (0..<screen.size.columns).filter { column in
            (0..<screen.size.rows).contains { glyphs.contains(screen.cell(row: $0, column: column).grapheme) }
        }
    }

    /// A vertical bar's length in eighths, read back from the glyphs in one column.
    func eighthsUp(_ screen: CellBufferScreen, column: Int) -> Int {
        (0..<screen.size.rows).reduce(0) { total, row in
            total + (ChartScale.lowerBlocks.firstIndex(of: screen.cell(row: row, column: column).grapheme) ?? 0)
        }
    }

    @Test(arguments: sizes, [ChartPalette.colour, .monochrome])
    func verticalMonthsReadAtEverySize(size: Size, palette: ChartPalette) {
        let chart = BarChart(bars: months(), palette: palette, legend: [(.normal, "invoiced"), (.highlight, "current period")],
                             axisLabel: euros)
        let screen = draw(chart, size: size)
        let lines = screen.lines()
        // The newest period is always labelled on the last row, values are never cut.
        #expect(lines[size.rows - 1].contains("Dec"), "\(screen.dump())")
        #expect(!lines.dropLast().joined().contains("…"), "\(screen.dump())")
        for bar in months() where lines.joined().contains(String(bar.valueLabel.dropLast())) {
            #expect(lines.joined().contains(bar.valueLabel), "value \(bar.valueLabel) was cut\n\(screen.dump())")
        }
        // The open period is told apart: its own role in colour, its own pattern in monochrome.
        let highlighted = (0..<size.rows).flatMap { row in (0..<size.columns).map { screen.cell(row: row, column: $0) } }
            .filter { $0.style.role == .statusWarning && $0.grapheme != " " }
        #expect(!highlighted.isEmpty)
        if palette == .monochrome {
            #expect(highlighted.contains { $0.grapheme == "▓" }, "\(screen.dump())")
        } else {
            #expect(!screen.allGraphemes.contains("▓") && !screen.allGraphemes.contains("░"))
        }
        if size.rows >= 8 {
            #expect(lines[0].contains("invoiced") && lines[0].contains("current period"))
        }
        if size.columns >= 80 {
            // Every month labelled, the newest value printed (every value when there is room),
            // the scale on the left.
            for bar in months() {
                #expect(lines[size.rows - 1].contains(bar.label))
                if size.columns >= 200 { #expect(lines.joined().contains(bar.valueLabel), "\(bar.valueLabel) missing\n\(screen.dump())") }
            }
            #expect(lines.joined().contains("€725.00"), "\(screen.dump())")
            #expect(lines.contains { $0.hasPrefix("€1500.75 ┤") }, "\(screen.dump())")
            #expect(lines.contains { $0.contains("€0.00 ┤") })
        }
    }

    @Test func barsAreInExactProportion() {
        let bars = [ChartBar(label: "a", value: 800, valueLabel: "800"), ChartBar(label: "b", value: 400, valueLabel: "400"),
                    ChartBar(label: "c", value: 100, valueLabel: "100"), ChartBar(label: "d", value: 1, valueLabel: "1")]
        // 12 rows: headroom + 10 bar rows + labels; no gutter under 30 columns.
        let screen = draw(BarChart(bars: bars), size: Size(rows: 12, columns: 20))
        let columns = barColumns(screen, glyphs: Self.solid)
        let heights = Dictionary(grouping: columns, by: { $0 / 5 }).map { (slot: $0.key, eighths: eighthsUp(screen, column: $0.value[0])) }
            .sorted { $0.slot < $1.slot }.map(\.eighths)
        // 10 rows = 80 eighths for 800: 400 → 40, 100 → 10, and 1 still shows one eighth.
        #expect(heights == [80, 40, 10, 1], "\(screen.dump())")
        #expect(screen.lines()[0].contains("800"))
    }

    @Test(arguments: [ChartPalette.colour, .monochrome])
    func negativeAndZeroValues(palette: ChartPalette) {
        let bars = [ChartBar(label: "Sep", value: 30_000, valueLabel: "€300.00"), ChartBar(label: "Oct", value: -15_000, valueLabel: "-€150.00"),
                    ChartBar(label: "Nov", value: 0, valueLabel: "€0.00")]
        let screen = draw(BarChart(bars: bars, palette: palette, axisLabel: euros), size: Size(rows: 24, columns: 80))
        let lines = screen.lines()
        let positiveRows = (0..<24).filter { row in (0..<80).contains { Self.solid.contains(screen.cell(row: row, column: $0).grapheme) && screen.cell(row: row, column: $0).style.role == .progress } }
        let negativeRows = (0..<24).filter { row in (0..<80).contains { screen.cell(row: row, column: $0).style.role == .statusDanger && screen.cell(row: row, column: $0).grapheme != " " } }
        #expect(!positiveRows.isEmpty && !negativeRows.isEmpty, "\(screen.dump())")
        // Negative bars hang below every positive cell, and on the same scale: half as long.
        #expect(negativeRows.min()! > positiveRows.max()!)
        #expect(negativeRows.count * 2 == positiveRows.count || negativeRows.count * 2 == positiveRows.count + 1, "\(screen.dump())")
        if palette == .monochrome { #expect(screen.allGraphemes.contains("▒")) }
        // The zero bar draws no block but keeps its value, just above the zero line.
        let zeroLabelRow = lines.firstIndex { $0.contains("€0.00") && !$0.contains("┤") } ?? lines.firstIndex { $0.hasSuffix("€0.00") }
        #expect(zeroLabelRow != nil, "\(screen.dump())")
        #expect(lines.contains { $0.contains("-€150.00") } && lines.contains { $0.contains("€300.00") })
        #expect(lines.contains { $0.contains("-€150.00 ┤") }, "the scale names the lowest bar\n\(screen.dump())")
    }

    @Test func extremeIntegersNeitherOverflowNorVanish() {
        let bars = [ChartBar(label: "max", value: .max, valueLabel: "max"), ChartBar(label: "one", value: 1, valueLabel: "1"),
                    ChartBar(label: "min", value: .min, valueLabel: "min")]
        for orientation in [BarChart.Orientation.vertical, .horizontal] {
            let screen = draw(BarChart(bars: bars, orientation: orientation), size: Size(rows: 24, columns: 80))
            let glyphs = screen.allGraphemes.filter { $0 != " " }
            #expect(glyphs.contains("█"))
            #expect(screen.contains("max") && screen.contains("min"))
            // The bar of 1 beside Int64.max still shows its one eighth.
            #expect(glyphs.contains(orientation == .vertical ? "▁" : "▏"), "\(screen.dump())")
        }
    }

    @Test func thresholdLineSitsAtItsValue() {
        let bars = [ChartBar(label: "a", value: 500, valueLabel: "500"), ChartBar(label: "b", value: 1_000, valueLabel: "1000")]
        let screen = draw(BarChart(bars: bars, reference: ChartReference(value: 2_000, label: "alert 2000")), size: Size(rows: 12, columns: 40))
        let lines = screen.lines()
        // 10 bar rows for 2,000: the line is on the top bar row, the 1,000 bar reaches half way.
        #expect(lines[1].contains("╌") && lines[1].contains("alert 2000"), "\(screen.dump())")
        #expect(barColumns(screen, glyphs: Self.solid).allSatisfy { eighthsUp(screen, column: $0) <= 40 })
    }

    @Test(arguments: sizes, [ChartPalette.colour, .monochrome])
    func horizontalBarsAtEverySize(size: Size, palette: ChartPalette) {
        let bars = [ChartBar(label: "api_calls", value: 90_000, valueLabel: "€900.00", kind: .highlight),
                    ChartBar(label: "storage_gb", value: 45_000, valueLabel: "€450.00"),
                    ChartBar(label: "seats", value: 0, valueLabel: "€0.00"),
                    ChartBar(label: "refund", value: -9_000, valueLabel: "-€90.00"),
                    ChartBar(label: "projected", value: 30_000, valueLabel: "€300.00", kind: .estimate)]
        let screen = draw(BarChart(bars: bars, orientation: .horizontal, palette: palette, legend: [(.estimate, "projected")]), size: size)
        let lines = screen.lines()
        let shown = min(bars.count, size.rows)
        for (row, bar) in bars.prefix(shown).enumerated() {
            // Values are right-aligned in their own column, whole.
            #expect(lines[row].hasSuffix(bar.valueLabel), "\(screen.dump())")
            #expect(lines[row].hasPrefix(String(bar.label.prefix(min(bar.label.count, size.columns / 3 - 1)))))
        }
        if size.columns >= 80 {
            let length = { (row: Int) -> Int in (0..<size.columns).filter { ["█", "▓", "▒", "░"].contains(screen.cell(row: row, column: $0).grapheme) }.count }
            #expect(length(0) == 2 * length(1) || length(0) == 2 * length(1) + 1 || length(0) + 1 == 2 * length(1), "\(screen.dump())")
            #expect(length(2) == 0)
            // The refund grows left of the zero column, where the others start.
            let refundEnd = (0..<size.columns).last { screen.cell(row: 3, column: $0).style.role == .statusDanger && screen.cell(row: 3, column: $0).grapheme != " " }!
            let firstStart = (0..<size.columns).first { screen.cell(row: 0, column: $0).style.role == .statusWarning && screen.cell(row: 0, column: $0).grapheme != " " }!
            #expect(refundEnd < firstStart)
        }
        if palette == .monochrome, size.rows >= 6 {
            #expect(lines[0].contains("▓") && lines[4].contains("░") && lines[3].contains("▒"), "\(screen.dump())")
        }
    }

    @Test func emptyAndTooShortCharts() {
        let empty = draw(BarChart(bars: [], emptyText: "no invoiced periods yet"), size: Size(rows: 6, columns: 40))
        #expect(empty.contains("no invoiced periods yet"))
        // Two rows leave no room for bars: the chart becomes a sparkline, newest on the right.
        let short = draw(BarChart(bars: months()), size: Size(rows: 2, columns: 20))
        #expect(short.lines()[0].hasSuffix(String(Sparkline(values: months().map(\.value)).glyphs(width: 20))))
    }

    @Test func sparklineScalesToItsLargestValue() {
        #expect(String(Sparkline(values: [0, 1, 4, 8, -3]).glyphs(width: 10)) == "·▁▄█·")
        #expect(String(Sparkline(values: [5, 10, 20]).glyphs(width: 2)) == "▄█")
    }

    @Test(arguments: [ChartPalette.colour, .monochrome])
    func progressBarTowardsAThreshold(palette: ChartPalette) {
        let screen = CellBufferScreen(rows: 4, columns: 40)
        let canvas = Canvas(screen: screen)
        ProgressMeter(value: 62_000, target: 100_000, label: "€620.00 of €1000.00", palette: palette).draw(on: canvas, row: 0, in: Rect(row: 0, column: 0, rows: 1, columns: 40))
        ProgressMeter(value: 85, target: 100, palette: palette).draw(on: canvas, row: 1, in: Rect(row: 1, column: 0, rows: 1, columns: 20))
        ProgressMeter(value: 130, target: 100, palette: palette).draw(on: canvas, row: 2, in: Rect(row: 2, column: 0, rows: 1, columns: 20))
        ProgressMeter(value: 5, target: 0, palette: palette).draw(on: canvas, row: 3, in: Rect(row: 3, column: 0, rows: 1, columns: 20))
        let lines = screen.lines()
        #expect(lines[0].hasSuffix(" 62% €620.00 of €1000.00"), "\(screen.dump())")
        // 40 - 24 columns of tail = 16 cells; 62 % of 128 eighths = 79.36 → 79: 9 full cells and ▋.
        #expect(lines[0].hasPrefix("█████████▉") || lines[0].hasPrefix("█████████▊"), "\(screen.dump())")
        #expect(lines[1].hasSuffix(" 85%") && lines[2].hasSuffix(" 130%") && lines[3].hasSuffix(" —"))
        #expect(screen.cell(row: 2, column: 0).style.role == .statusDanger)
        #expect(screen.cell(row: 1, column: 0).style.role == .statusWarning)
        if palette == .monochrome {
            #expect(lines[1].hasPrefix("▓"), "past 80 % reads without colour\n\(screen.dump())")
        } else {
            #expect(lines[1].hasPrefix("█"))
        }
        #expect(screen.cell(row: 0, column: 15).grapheme == "·")
    }

    @Test func paletteFollowsTheTerminalAndTheTheme() throws {
        let loader = ThemeLoader(userDirectory: nil)
        let dark = try loader.load("dark"), mono = try loader.load("monochrome")
        #expect(ChartPalette.resolve(colorMode: .indexed256, theme: dark) == .colour)
        #expect(ChartPalette.resolve(colorMode: .none, theme: dark) == .monochrome)
        #expect(ChartPalette.resolve(colorMode: .direct, theme: mono) == .monochrome)
    }

    @Test(arguments: [ChartPalette.colour, .monochrome])
    func chartPaneDrawsItsChartMetersAndLines(palette: ChartPalette) {
        let bars = months().map { ChartSnapshot.Bar(label: $0.label, value: $0.value, valueLabel: $0.valueLabel, kind: $0.kind == .highlight ? .highlight : .normal) }
        let chart = ChartSnapshot(chartTitle: "amount per period", bars: bars, legend: [(.normal, "invoiced"), (.highlight, "current period so far")],
                                  meters: [.init(title: "Lifetime usage → threshold 1 of 2", value: 62_000, target: 100_000, label: "€620.00 of €1000.00")],
                                  lines: [StyledText("m switches the chart to api_calls units")], emptyChart: "none")
        let screen = CellBufferScreen(rows: 24, columns: 80)
        var renderer = BrowserRenderer()
        renderer.chartPalette = palette
        renderer.drawChart(chart, in: Rect(row: 0, column: 0, rows: 24, columns: 80), canvas: Canvas(screen: screen))
        let lines = screen.lines()
        #expect(lines[0] == "amount per period")
        #expect(lines.contains { $0.contains("Dec") && $0.contains("Jan") }, "\(screen.dump())")
        #expect(lines[21].hasPrefix("Lifetime usage → threshold 1 of 2"), "\(screen.dump())")
        #expect(lines[22].hasSuffix(" 62% €620.00 of €1000.00"))
        #expect(lines[23] == "m switches the chart to api_calls units")
        #expect(screen.allGraphemes.contains("▓") == (palette == .monochrome))
    }
}

/// Cents as "€1234.56" (the chart takes labels from the caller; this is the caller here).
private func euros(_ cents: Int64) -> String {
    let sign = cents < 0 ? "-" : ""
    return "\(sign)€\(cents.magnitude / 100).\(String(format: "%02d", Int(cents.magnitude % 100)))"
}
