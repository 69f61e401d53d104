import BrowserModel
import Foundation
import TerminalUI

/// Scenario 7: the cost of one full 200x60 frame (clear, draw every widget, refresh) on a
/// headless ncurses screen (`newterm` on /dev/null), and on the cell buffer for comparison.
@MainActor
enum RenderBench {
    static func run(snapshot: BrowserSnapshot, iterations: Int, report: BenchReport) throws {
        let theme = try ThemeLoader(environment: [:]).load(BuiltinThemes.defaultName)
        let screen = try NcursesScreen(output: .headless(rows: 60, columns: 200), theme: theme,
                                       environment: ["TERM": ProcessInfo.processInfo.environment["TERM"] ?? "xterm-256color"])
        defer { screen.stop() }
        report.add("render.ncurses_200x60.median", measure(snapshot, on: screen, iterations: iterations, variant: true), "ms",
                   note: "full frame incl. doupdate to /dev/null, \(iterations) frames, cursor moving")
        let cells = CellBufferScreen(rows: 60, columns: 200)
        report.add("render.cellbuffer_200x60.median", measure(snapshot, on: cells, iterations: iterations, variant: true), "ms")
    }

    /// Median time of a full frame; with `variant`, each frame moves the selection so
    /// ncurses really has changed cells to send.
    static func measure(_ snapshot: BrowserSnapshot, on screen: any Screen, iterations: Int, variant: Bool) -> Double {
        var renderer = BrowserRenderer(glyphs: .unicode, now: Date(timeIntervalSince1970: 1_795_262_400))
        var samples: [Double] = []
        for i in 0..<iterations {
            var frame = snapshot
            if variant { frame = moved(snapshot, by: i) }
            renderer.spinnerFrame = i
            let start = BenchClock.now()
            screen.clear()
            _ = renderer.render(frame, on: screen)
            screen.present()
            samples.append(BenchClock.milliseconds(since: start))
        }
        return BenchStats.median(samples) ?? .nan
    }

    /// The snapshot with each table's selected row moved down by `offset` (wrapping).
    static func moved(_ snapshot: BrowserSnapshot, by offset: Int) -> BrowserSnapshot {
        var copy = snapshot
        for p in copy.body.panes.indices {
            guard case .table(var table) = copy.body.panes[p].content, !table.rows.isEmpty else { continue }
            let target = offset % table.rows.count
            for r in table.rows.indices { table.rows[r].selected = r == target }
            copy.body.panes[p].content = .table(table)
        }
        return copy
    }
}
