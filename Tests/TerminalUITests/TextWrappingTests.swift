import BrowserModel
import Testing
@testable import TerminalUI

/// Explanations (the `W` findings, an event's trail) are word-wrapped to the pane, never cut.
@MainActor
@Suite struct TextWrappingTests {
    @Test func longLinesWrapAtWordsKeepingTheirIndent() {
        let line = StyledText("5 events with code storage_gbs count towards nothing: plan starter_eur charges no metric with that code.", role: .warning, indent: 1)
        let pieces = line.wrapped(toWidth: 40)
        #expect(pieces.count == 3)
        #expect(pieces.allSatisfy { $0.indent == 1 && $0.role == .warning && $0.text.displayWidth <= 38 })
        #expect(pieces.map(\.text).joined(separator: " ") == line.text)
        // Lines that fit, and lines with a right-aligned part, stay whole.
        #expect(StyledText("short").wrapped(toWidth: 40) == [StyledText("short")])
        let totals = StyledText("a label long enough to need wrapping at this width", trailing: "€1.00")
        #expect(totals.wrapped(toWidth: 20) == [totals])
    }
}
