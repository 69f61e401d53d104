import Testing
@testable import TerminalUI

/// Layout arithmetic at every size, including absurd ones: never negative, never overlapping.
@Suite struct LayoutTests {
    @Test func modesBySize() {
        #expect(ScreenLayout(size: Size(rows: 60, columns: 200)).mode == .dashboard)
        #expect(ScreenLayout(size: Size(rows: 30, columns: 120)).mode == .dashboard)
        #expect(ScreenLayout(size: Size(rows: 24, columns: 80)).mode == .tabs)
        #expect(ScreenLayout(size: Size(rows: 24, columns: 79)).mode == .single)
        #expect(ScreenLayout(size: Size(rows: 6, columns: 20)).mode == .single)
        #expect(ScreenLayout(size: Size(rows: 5, columns: 20)).mode == .tooSmall)
        #expect(ScreenLayout(size: Size(rows: 0, columns: 0)).mode == .tooSmall)
    }

    @Test func regionsStayInsideTheScreen() {
        for rows in 0...70 {
            for columns in stride(from: 0, through: 220, by: 7) {
                let size = Size(rows: rows, columns: columns)
                let layout = ScreenLayout(size: size)
                let full = Rect(size: size)
                for rect in [layout.header, layout.breadcrumbs, layout.footer, layout.body].compactMap({ $0 }) {
                    #expect(rect.intersection(full) == rect)
                }
                for count in 1...7 {
                    for rect in ScreenLayout.dashboardRects(body: layout.body, paneCount: count) {
                        #expect(rect.rows >= 0 && rect.columns >= 0)
                    }
                }
            }
        }
    }

    @Test func dashboardTilesWithoutOverlap() {
        let body = ScreenLayout(size: Size(rows: 60, columns: 200)).body
        for count in [5, 6, 7] {
            let rects = ScreenLayout.dashboardRects(body: body, paneCount: count)
            #expect(rects.count == count)
            for i in rects.indices { for j in rects.indices where i < j { #expect(rects[i].intersection(rects[j]).isEmpty) } }
            #expect(rects.map { $0.rows * $0.columns }.reduce(0, +) == body.rows * body.columns)
        }
        // Six panes (the customer's payment requests): usage keeps half the bottom width.
        let six = ScreenLayout.dashboardRects(body: body, paneCount: 6)
        #expect(six[3].rows == six[4].rows + six[5].rows && abs(six[3].columns - six[4].columns) <= 1)
        #expect(six[4].columns == six[5].columns && six[4].row < six[5].row)
    }
}
