import Foundation
@testable import BrowserModel
@testable import TerminalUI
import LagoAPI

/// Draws browser snapshots on the in-memory cell buffer, as the terminal would show them.
@MainActor
enum TestScreen {
    static func render(_ model: BrowserModel, rows: Int = 40, columns: Int = 160) -> CellBufferScreen {
        render(model.snapshot(), rows: rows, columns: columns)
    }

    static func render(_ snapshot: BrowserSnapshot, rows: Int = 40, columns: Int = 160) -> CellBufferScreen {
        let screen = CellBufferScreen(rows: rows, columns: columns)
        let renderer = BrowserRenderer(glyphs: .unicode)
        _ = renderer.render(snapshot, on: screen)
        return screen
    }

    /// Scalars that must never reach a terminal as themselves, found on the screen.
    static func hazards(on screen: CellBufferScreen) -> [Unicode.Scalar] {
        screen.allGraphemes.flatMap { $0.unicodeScalars.filter { TextSanitizer.isHazard($0) } }
    }
}
