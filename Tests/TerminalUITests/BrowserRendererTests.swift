import Foundation
import Testing
@testable import BrowserModel
@testable import TerminalUI
import LagoAPI

/// Every pane, dialog and the help overlay drawn at 80x24, 200x60 and 20x6, with CJK, emoji,
/// RTL and escape-sequence names: the layout adapts, nothing crashes, nothing of a control
/// sequence reaches the buffer.
@MainActor
@Suite struct BrowserRendererTests {
    nonisolated static let sizes = [Size(rows: 24, columns: 80), Size(rows: 60, columns: 200), Size(rows: 6, columns: 20)]

    func draw(_ snapshot: BrowserSnapshot, _ size: Size, renderer: BrowserRenderer = BrowserRenderer(now: Date(timeIntervalSince1970: 1_795_348_900))) -> (CellBufferScreen, BrowserRenderer.Report) {
        let screen = CellBufferScreen(rows: size.rows, columns: size.columns)
        let report = renderer.render(snapshot, on: screen)
        return (screen, report)
    }

    func assertSafe(_ screen: CellBufferScreen, _ context: String) {
        for g in screen.allGraphemes {
            for s in g.unicodeScalars {
                #expect(!TextSanitizer.isHazard(s), "control U+\(String(s.value, radix: 16)) reached the buffer in \(context)\n\(screen.dump())")
            }
        }
        for line in screen.lines() { #expect(line.displayWidth <= screen.size.columns, "\(context): line too wide\n\(screen.dump())") }
    }

    @Test(arguments: sizes)
    func dashboardEveryFocus(size: Size) {
        for focus in 0..<5 {
            let (screen, report) = draw(SnapshotFixtures.dashboard(focus: focus), size)
            assertSafe(screen, "dashboard focus \(focus) at \(size)")
            #expect(!report.visiblePanes.isEmpty)
            #expect(report.visiblePanes.contains(PaneID(["customers", "subscriptions", "invoices", "usage", "wallets"][focus])), "focused pane hidden at \(size)\n\(screen.dump())")
        }
    }

    @Test func dashboardAt200x60ShowsEveryPane() {
        let (screen, report) = draw(SnapshotFixtures.dashboard(), Size(rows: 60, columns: 200))
        #expect(report.mode == .dashboard)
        #expect(report.visiblePanes.count == 5)
        for title in ["customers [10]", "subscriptions [1]", "invoices (Acme Corporation) [3]", "usage", "wallets [0]"] {
            #expect(screen.contains(title), "missing \(title)\n\(screen.dump())")
        }
        #expect(screen.lines()[0].hasPrefix(" TEST  lagotui sandbox"))
        #expect(screen.lines()[1] == "customers › Acme Corporation")
        #expect(screen.contains("株式会社テスト"))
        #expect(screen.contains("Café 😀 Ltd"))
        #expect(screen.contains("شركة الاختبار"))
        #expect(screen.contains("Evil␛[2J␛]52;c;cm0gLXJm␇Corp") || screen.contains("Evil␛[2J␛]52"))
        #expect(screen.contains("✗ network: connection refused"))
        #expect(screen.contains("Nov 1 – Nov 30"))
        #expect(screen.contains("total $124.80"))
        #expect(screen.contains("TOTAL▼"))
        #expect(screen.style(of: "failed")?.role == .statusWarning)
        #expect(screen.style(of: "voided")?.role == .statusDisabled)
        #expect(screen.style(of: "Acme Corporation  ")?.emphasis.contains(.reverse) == true)
        #expect(screen.style(of: "12,480")?.role == .changed)
        #expect(screen.contains("INV-0041.pdf: downloading"))
        #expect(screen.lines().last?.hasPrefix("enter open  F finalize") == true)
        #expect(screen.style(of: "F finalize")?.role == .hintDisabled)
    }

    @Test func tabsAt80x24() {
        let (screen, report) = draw(SnapshotFixtures.dashboard(focus: 2), Size(rows: 24, columns: 80))
        #expect(report.mode == .tabs)
        #expect(report.visiblePanes == [PaneID("customers"), PaneID("invoices")])
        #expect(screen.contains(" subscriptions │ invoices (Acme Corporation) │ usage │ wallets") || screen.contains("subscriptions │"))
        #expect(screen.style(of: " invoices (Acme")?.role == .tabActive)
        #expect(screen.contains("INV-0042"))
        #expect(screen.contains("$1,250.00"))
    }

    @Test func singlePaneAt20x6() {
        let (screen, report) = draw(SnapshotFixtures.dashboard(focus: 0), Size(rows: 6, columns: 20))
        #expect(report.mode == .single)
        #expect(report.visiblePanes == [PaneID("customers")])
        #expect(screen.lines()[0].hasPrefix(" TEST "))
        let (tiny, tinyReport) = draw(SnapshotFixtures.dashboard(), Size(rows: 5, columns: 19))
        #expect(tinyReport.visiblePanes.isEmpty)
        #expect(tiny.contains("Terminal too"))
    }

    @Test(arguments: sizes)
    func detailWithRawJSON(size: Size) {
        let (screen, _) = draw(SnapshotFixtures.detail(), size)
        assertSafe(screen, "detail at \(size)")
        if size.rows >= 24 {
            #expect(screen.contains("INV-0042"))
            #expect(screen.contains(" LIVE "))
            #expect(screen.contains("READ-ONLY"))
            #expect(screen.contains("(cached)"))
            #expect(screen.contains(#""lago_id": "inv_1","#))
            #expect(screen.style(of: #""lago_id""#)?.role == .jsonKey)
            #expect(screen.style(of: "125000")?.role == .jsonNumber)
            #expect(screen.style(of: "false")?.role == .jsonLiteral)
            #expect(screen.style(of: " raw JSON ")?.role == .tabActive)
        }
    }

    @Test(arguments: sizes)
    func dialogs(size: Size) {
        for dialog in [SnapshotFixtures.voidDialog, SnapshotFixtures.topUpDialog] {
            let (screen, _) = draw(SnapshotFixtures.dashboard(dialog: dialog), size)
            assertSafe(screen, "\(dialog.title) at \(size)")
            #expect(screen.contains("Cancel"), "\(dialog.title) at \(size) lost its Cancel button\n\(screen.dump())")
            if size.columns >= 80 {
                #expect(screen.contains(dialog.title))
            }
        }
        if size.columns >= 80 {
            let (screen, _) = draw(SnapshotFixtures.dashboard(dialog: SnapshotFixtures.voidDialog), size)
            #expect(screen.style(of: "[ Cancel ]")?.role == .dialogButtonFocused)
            #expect(screen.contains("Type INV-0042 to confirm"))
            #expect(screen.style(of: "Void invoice")?.role == .dialogDanger)
            let (form, _) = draw(SnapshotFixtures.dashboard(dialog: SnapshotFixtures.topUpDialog), size)
            #expect(form.contains("Paid credits"))
            #expect(form.contains("= $20.00"))
            #expect(form.contains("✗ must not be negative"))
        }
    }

    @Test(arguments: sizes)
    func helpOverlay(size: Size) {
        let (screen, _) = draw(SnapshotFixtures.dashboard(help: SnapshotFixtures.help), size)
        assertSafe(screen, "help at \(size)")
        if size.rows >= 24 {
            #expect(screen.contains("Help — Esc closes"))
            #expect(screen.contains("only draft invoices can be finalized"))
            #expect(screen.contains("Key conflict"))
            #expect(screen.contains("retry payment ⚠"))
        }
    }

    @Test(arguments: sizes)
    func promptAndToasts(size: Size) {
        let snapshot = SnapshotFixtures.dashboard(prompt: SnapshotFixtures.commandPrompt,
                                                  toasts: [Toast(id: 1, level: .error, text: "Lago refused: \u{1B}[31minvoice is not draft", sticky: true)])
        let (screen, _) = draw(snapshot, size)
        assertSafe(screen, "prompt at \(size)")
        #expect(screen.lines().last?.hasPrefix(":inv") == true, "\(screen.dump())")
        if size.rows >= 24 {
            #expect(screen.lines().last == ":invoices")
            #expect(screen.contains("invoices  inv"))
            #expect(screen.contains("✗ Lago refused: ␛[31minvoice is not draft"))
        }
    }

    @Test func liveReadOnlyHeaderAndProblem() {
        var snapshot = SnapshotFixtures.dashboard(environment: .live, readOnly: true)
        snapshot.header.apiStatus = "rate limited, retrying in 3 s"
        let (screen, _) = draw(snapshot, Size(rows: 30, columns: 120))
        #expect(screen.lines()[0].hasPrefix(" LIVE   READ-ONLY "))
        #expect(screen.lines()[0].hasSuffix("○ rate limited, retrying in 3 s"))
        #expect(screen.style(of: "LIVE")?.role == .badgeLive)
    }

    @Test func everySizeFrom1x1To130x40NeverCrashes() {
        let snapshots = [SnapshotFixtures.dashboard(), SnapshotFixtures.detail(), SnapshotFixtures.dashboard(dialog: SnapshotFixtures.topUpDialog, help: SnapshotFixtures.help)]
        for rows in stride(from: 1, through: 40, by: 3) {
            for columns in stride(from: 1, through: 130, by: 9) {
                for snapshot in snapshots {
                    let (screen, _) = draw(snapshot, Size(rows: rows, columns: columns))
                    #expect(screen.lines().count == rows)
                }
            }
        }
    }
}
