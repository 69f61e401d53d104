import Foundation
import Testing
@testable import BrowserModel
@testable import TerminalUI
import LagoAPI

/// Every view of the real browser (dashboard panes, detail, raw JSON, usage, overdue, help,
/// the top-up form and the typed void confirmation) at 80x24, 200x60 and 20x6: it fits, it
/// never shows a control character, and at the larger sizes it shows what it should.
@MainActor
@Suite struct BrowserViewsAtEverySizeTests {
    nonisolated static let sizes = [Size(rows: 24, columns: 80), Size(rows: 60, columns: 200), Size(rows: 6, columns: 20)]

    /// A named path through the browser and a text that proves we got there (at ≥ 80x24).
    struct Scenario: Sendable, CustomStringConvertible {
        var name: String
        var keys: [String]
        var expect: String
        var environment: EnvironmentKind = .test
        var description: String { name }
    }

    nonisolated static let scenarios: [Scenario] = [
        Scenario(name: "customers", keys: [], expect: "customers ["),
        Scenario(name: "subscriptions", keys: ["tab"], expect: "Pro"),
        Scenario(name: "invoices", keys: ["tab", "tab"], expect: "INV-0042"),
        Scenario(name: "usage", keys: ["tab", "tab", "tab"], expect: "API calls"),
        Scenario(name: "wallets", keys: ["tab", "tab", "tab", "tab"], expect: "Prepaid"),
        Scenario(name: "invoice detail", keys: ["tab", "tab", "enter"], expect: "INV-0042"),
        Scenario(name: "raw JSON", keys: ["tab", "tab", "enter", "y"], expect: "\"lago_id\""),
        Scenario(name: "subscription usage", keys: ["tab", "enter"], expect: "API calls"),
        Scenario(name: "overdue", keys: ["O"], expect: "overdue"),
        Scenario(name: "help", keys: ["?"], expect: "Help — Esc closes"),
        Scenario(name: "top-up form", keys: ["tab", "tab", "tab", "tab", "T"], expect: "Top up"),
        Scenario(name: "live void", keys: ["tab", "tab", "j", "X"], expect: "INV-0041", environment: .live),
        Scenario(name: "command line", keys: [":", "i", "n", "v"], expect: ":inv"),
        Scenario(name: "filter", keys: ["/", "a", "c"], expect: "/ac"),
    ]

    @Test(arguments: scenarios, sizes)
    func scenario(_ scenario: Scenario, size: Size) async {
        let (d, _, _) = await ModelFixtures.driver(rows: size.rows, columns: size.columns, environment: scenario.environment)
        for key in scenario.keys { await d.press(key) }
        #expect(d.lines.count == size.rows)
        for line in d.lines { #expect(line.displayWidth <= size.columns, "\(scenario) at \(size): line too wide\n\(d.screen.dump())") }
        for g in d.screen.allGraphemes {
            #expect(!g.unicodeScalars.contains { TextSanitizer.isHazard($0) }, "\(scenario) at \(size): control on screen\n\(d.screen.dump())")
        }
        if size.columns >= 80 {
            await d.expectLine(scenario.expect)
        }
    }
}
