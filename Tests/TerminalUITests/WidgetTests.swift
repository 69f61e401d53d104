import Foundation
import Testing
@testable import TerminalUI

/// Widgets drawn on the cell buffer: widths, alignment, truncation, roles, selection.
@MainActor
@Suite struct WidgetTests {
    let columns = [
        TableColumn("NUMBER", priority: 0, minWidth: 8),
        TableColumn("CUSTOMER", priority: 1, minWidth: 6, flexible: true),
        TableColumn("STATUS", priority: 2, minWidth: 5),
        TableColumn("AMOUNT", alignment: .right, priority: 0, minWidth: 6),
        TableColumn("ISSUED", priority: 3, minWidth: 10),
    ]

    func rows() -> [[TableCell]] {
        [
            [TableCell("INV-0001"), TableCell("Acme Corporation"), TableCell("draft", role: .statusOutline), TableCell("$1,250.00"), TableCell("2026-11-01")],
            [TableCell("INV-0002"), TableCell("株式会社テスト"), TableCell("failed", role: .statusWarning), TableCell("¥12,000"), TableCell("2026-11-02")],
            [TableCell("INV-0003"), TableCell("Evil\u{1B}]52;c;aGk=\u{07}Corp"), TableCell("voided", role: .statusDisabled), TableCell("-€12.50"), TableCell("2026-11-03")],
        ]
    }

    @Test func tableAtFullWidth() {
        let screen = CellBufferScreen(rows: 6, columns: 70)
        let content = TableContent(columns: columns, rows: rows(), cursorIndex: 1)
        TableWidget(content: content, focused: true).draw(on: Canvas(screen: screen), in: Rect(size: screen.size))
        let lines = screen.lines()
        #expect(lines[0].hasPrefix("NUMBER"))
        #expect(lines[0].contains("CUSTOMER") && lines[0].contains("ISSUED"))
        #expect(lines[2].contains("株式会社テスト"))
        // Amounts are right-aligned: their last characters share a column.
        let ends = (1...3).map { r -> Int in
            let line = lines[r]
            let amount = ["$1,250.00", "¥12,000", "-€12.50"][r - 1]
            let range = line.range(of: amount)!
            return String(line[..<range.upperBound]).displayWidth
        }
        #expect(Set(ends).count == 1)
        // Status roles and the selected row.
        #expect(screen.style(of: "draft")?.role == .statusOutline)
        #expect(screen.style(of: "failed") == Style(.statusWarning, .reverse))
        #expect(screen.style(of: "INV-0002")?.emphasis.contains(.reverse) == true)
        #expect(screen.style(of: "INV-0001")?.emphasis.contains(.reverse) == false)
        // The escape sequence in a name shows as placeholders, never as a control.
        #expect(lines[3].contains("Evil␛]52;c;aGk=␇Corp") || lines[3].contains("Evil␛]52"))
        #expect(!screen.allGraphemes.contains { $0.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F } })
    }

    @Test func narrowTableDropsLowPriorityColumnsAndTruncates() {
        let screen = CellBufferScreen(rows: 5, columns: 34)
        TableWidget(content: TableContent(columns: columns, rows: rows(), cursorIndex: 0), focused: false).draw(on: Canvas(screen: screen), in: Rect(size: screen.size))
        let header = screen.lines()[0]
        #expect(!header.contains("ISSUED"))
        #expect(header.contains("NUMBER") && header.contains("AMOUNT"))
        #expect(screen.lines()[1].contains("…"))
        #expect(screen.style(of: "INV-0001")?.emphasis.contains(.underline) == true)
        for line in screen.lines() { #expect(line.displayWidth <= 34) }
    }

    @Test func columnWidthsNeverExceedAvailable() {
        for available in 1...120 {
            let layout = TableWidget.columnWidths(columns, rows: rows(), available: available)
            let used = layout.map(\.width).reduce(0, +) + max(0, layout.count - 1)
            #expect(used <= max(available, 1))
            #expect(!layout.isEmpty)
        }
    }

    @Test func sortIndicator() {
        let screen = CellBufferScreen(rows: 3, columns: 80)
        TableWidget(content: TableContent(columns: columns, rows: rows(), sortColumn: 3, sortAscending: false), focused: true)
            .draw(on: Canvas(screen: screen), in: Rect(size: screen.size))
        #expect(screen.lines()[0].contains("AMOUNT▼"))
        #expect(screen.style(of: "AMOUNT")?.role == .tableHeaderSorted)
    }

    @Test func wideCharacterOverwriteKeepsGridConsistent() {
        let screen = CellBufferScreen(rows: 1, columns: 6)
        let canvas = Canvas(screen: screen)
        canvas.text("漢字漢", row: 0, column: 0)
        canvas.text("a", row: 0, column: 1)
        #expect(screen.lines()[0] == " a字漢")
        canvas.text("漢字漢字", row: 0, column: 0)
        #expect(screen.lines()[0] == "漢字…")
    }

    @Test func headerShowsBadgesAndConnection() {
        let screen = CellBufferScreen(rows: 1, columns: 100)
        let now = Date(timeIntervalSince1970: 1_000_000)
        HeaderBar(info: HeaderInfo(profile: "eu-live", organization: "Acme Billing", environment: .live, readOnly: true,
                                   connection: .cached(age: 125)), now: now)
            .draw(on: Canvas(screen: screen), row: 0, in: Rect(size: screen.size))
        let line = screen.lines()[0]
        #expect(line.hasPrefix(" LIVE   READ-ONLY  lagotui eu-live · Acme Billing"))
        #expect(line.hasSuffix("◐ cached 2 min ago"))
        #expect(screen.style(of: "LIVE")?.role == .badgeLive)
        #expect(screen.style(of: "READ-ONLY")?.role == .badgeReadOnly)
        let small = CellBufferScreen(rows: 1, columns: 20)
        HeaderBar(info: HeaderInfo(profile: "sandbox", environment: .test, readOnly: false, connection: .online))
            .draw(on: Canvas(screen: small), row: 0, in: Rect(size: small.size))
        #expect(small.lines()[0].hasPrefix(" TEST  sandbox"))
        #expect(ConnectionState.offline(since: now).text(now: now).hasPrefix("○ offline since "))
    }

    /// When Lago cannot be reached, the header says so at every width (clipped, keeping the
    /// retry countdown), before the profile's name; "online" gives way to the profile instead.
    @Test func headerKeepsAnOutageInSightWhenNarrow() {
        let problem = ConnectionState.problem("cannot reach Lago: Failed to connect to 127.0.0.1 port 18432 after 0 ms · retrying in 7 s")
        for columns in [80, 60, 40] {
            let screen = CellBufferScreen(rows: 1, columns: columns)
            HeaderBar(info: HeaderInfo(profile: "eu-live", organization: "127.0.0.1", environment: .live, readOnly: false, connection: problem))
                .draw(on: Canvas(screen: screen), row: 0, in: Rect(size: screen.size))
            let line = screen.lines()[0]
            #expect(line.hasPrefix(" LIVE "), "\(columns): \(line)")
            #expect(line.hasSuffix("… · retrying in 7 s"), "\(columns): \(line)")
            #expect(line.contains("○ cannot"), "\(columns): \(line)")
            #expect(line.displayWidth <= columns)
            #expect(screen.style(of: "retrying")?.role == .connectionOffline)
        }
        let wide = CellBufferScreen(rows: 1, columns: 200)
        HeaderBar(info: HeaderInfo(profile: "eu-live", environment: .live, readOnly: false, connection: problem))
            .draw(on: Canvas(screen: wide), row: 0, in: Rect(size: wide.size))
        #expect(wide.lines()[0].hasSuffix("after 0 ms · retrying in 7 s") && wide.lines()[0].contains("lagotui eu-live"))
    }

    @Test func breadcrumbsElideFromTheLeft() {
        let screen = CellBufferScreen(rows: 1, columns: 30)
        Breadcrumbs(["customers", "Acme Corporation", "invoices", "INV-0042"]).draw(on: Canvas(screen: screen), row: 0, in: Rect(size: screen.size))
        #expect(screen.lines()[0] == "… › invoices › INV-0042")
        #expect(screen.style(of: "INV-0042")?.role == .crumbsActive)
        let wide = CellBufferScreen(rows: 1, columns: 80)
        Breadcrumbs(["customers", "Acme", "invoices"]).draw(on: Canvas(screen: wide), row: 0, in: Rect(size: wide.size))
        #expect(wide.lines()[0] == "customers › Acme › invoices")
    }

    @Test func footerKeepsHelpVisible() {
        let screen = CellBufferScreen(rows: 1, columns: 40)
        FooterHints([Hint(key: "f", title: "finalize", dangerous: true), Hint(key: "r", title: "refresh", enabled: false), Hint(key: "v", title: "void"), Hint(key: "?", title: "help")])
            .draw(on: Canvas(screen: screen), row: 0, in: Rect(size: screen.size))
        let line = screen.lines()[0]
        #expect(line.hasPrefix("f finalize  r refresh"))
        #expect(line.hasSuffix("? help"))
        #expect(screen.style(of: "refresh")?.role == .hintDisabled)
        #expect(screen.style(of: "f finalize")?.role == .statusWarning)
    }

    @Test func promptShowsGhostCompletionAndCandidates() {
        let screen = CellBufferScreen(rows: 3, columns: 40)
        PromptLine(PromptInfo(kind: .command, text: "inv", suggestion: "oices", candidates: ["invoices", "inv"]))
            .draw(on: Canvas(screen: screen), in: Rect(size: screen.size))
        #expect(screen.lines()[2] == ":invoices")
        #expect(screen.style(of: "ices")?.role == .promptSuggestion)
        #expect(screen.lines()[1] == "invoices  inv")
    }

    @Test func dialogCancelFocusedAndTypedConfirmation() {
        let screen = CellBufferScreen(rows: 24, columns: 80)
        let info = DialogInfo(title: "Void invoice", lines: [StyledLine("Void INV-0042 for Acme, $1,250.00? This cannot be undone.")],
                              fields: [DialogField(label: "Type INV-0042 to confirm", value: "", placeholder: "INV-0042", focused: true)],
                              buttons: ["Cancel", "Void"], focusedButton: 0, dangerous: true)
        DialogWidget(info).draw(on: Canvas(screen: screen), in: Rect(size: screen.size))
        #expect(screen.contains("Void invoice"))
        #expect(screen.contains("[ Cancel ] [ Void ]"))
        #expect(screen.style(of: "[ Cancel ]")?.role == .dialogButtonFocused)
        #expect(screen.style(of: "[ Void ]")?.role == .dialogButton)
        #expect(screen.contains("Type INV-0042 to confirm"))
        let tiny = CellBufferScreen(rows: 6, columns: 20)
        DialogWidget(info).draw(on: Canvas(screen: tiny), in: Rect(size: tiny.size))
        #expect(tiny.contains("Cancel"))
    }

    @Test func jsonPrettyPrintKeepsOrderAndHighlights() {
        let lines = JSONHighlighter.prettyLines(#"{"lago_id":"inv_1","total":125000,"paid":false,"fees":[],"customer":{"name":"A\"b"}}"#)
        #expect(lines == ["{", #"  "lago_id": "inv_1","#, #"  "total": 125000,"#, #"  "paid": false,"#, #"  "fees": [],"#, #"  "customer": {"#, #"    "name": "A\"b""#, "  }", "}"])
        let spans = JSONHighlighter.spans(forLine: #"  "total": 125000,"#)
        #expect(spans.contains(Span(#""total""#, .jsonKey)))
        #expect(spans.contains { $0.role == .jsonNumber && $0.text.contains("125000") })
        #expect(JSONHighlighter.spans(forLine: #""paid": false"#).contains { $0.role == .jsonLiteral })
    }

    @Test func progressAndSpinner() {
        #expect(ProgressBar.text(fraction: 0.5, width: 15) == "[████░░░░░] 50%")
        #expect(ProgressBar.text(fraction: 2, width: 4) == "100%")
        #expect(Spinner.frame(-1) == "⠏")
    }

    @Test func helpOverlayListsReasons() {
        let screen = CellBufferScreen(rows: 30, columns: 120)
        HelpOverlay(sections: [HelpSection(title: "Invoice", entries: [HelpEntry(key: "f", title: "finalize", enabled: false, reason: "only draft invoices can be finalized", dangerous: true)]),
                               HelpSection(title: "Navigation", entries: [HelpEntry(key: "j/↓", title: "down")])])
            .draw(on: Canvas(screen: screen), in: Rect(size: screen.size))
        #expect(screen.contains("Help — Esc closes"))
        #expect(screen.contains("only draft invoices can be finalized"))
        #expect(screen.contains("Navigation"))
    }

    @Test func toastsAndTooSmall() {
        let screen = CellBufferScreen(rows: 5, columns: 70)
        let canvas = Canvas(screen: screen)
        _ = canvas.text("│", row: 3, column: 69)
        ToastStack([ToastInfo(level: .error, text: "Lago refused: invoice is not draft")]).draw(on: canvas, above: 4, in: Rect(size: screen.size))
        // The message sits inside the frame's right edge, which stays drawn.
        #expect(screen.lines()[3].hasSuffix("✗ Lago refused: invoice is not draft │"))
        let small = CellBufferScreen(rows: 4, columns: 12)
        TooSmallMessage.draw(on: Canvas(screen: small), size: small.size, minimum: ScreenLayout.minimum)
        #expect(small.lines().joined(separator: "\n").contains("Terminal to…"))
    }

    @Test func osc52Wrapping() {
        #expect(OSC52.sequence(copying: "cus_1", environment: [:]) == "\u{1B}]52;c;Y3VzXzE=\u{07}")
        #expect(OSC52.sequence(copying: "cus_1", environment: ["TMUX": "/tmp/tmux,1,0"]) == "\u{1B}Ptmux;\u{1B}\u{1B}]52;c;Y3VzXzE=\u{07}\u{1B}\\")
        #expect(OSC52.sequence(copying: "x", environment: ["TERM": "screen-256color"])?.hasPrefix("\u{1B}P\u{1B}]52") == true)
        #expect(OSC52.sequence(copying: String(repeating: "a", count: 80_000), environment: [:]) == nil)
    }

    @Test func preflight() {
        #expect(TerminalPreflight.check(environment: ["TERM": "xterm"], stdinIsTTY: true, stdoutIsTTY: true) == nil)
        #expect(TerminalPreflight.check(environment: ["TERM": "dumb"], stdinIsTTY: true, stdoutIsTTY: true)?.description.contains("TERM=dumb") == true)
        #expect(TerminalPreflight.check(environment: [:], stdinIsTTY: true, stdoutIsTTY: true) != nil)
        #expect(TerminalPreflight.check(environment: ["TERM": "xterm"], stdinIsTTY: true, stdoutIsTTY: false)?.description.contains("not a terminal") == true)
    }

    @Test func renderSchedulerCoalesces() async {
        var renders = 0
        let scheduler = RenderScheduler { renders += 1 }
        for _ in 0..<10 { scheduler.request() }
        #expect(scheduler.isPending)
        await withCheckedContinuation { (c: CheckedContinuation<Void, Never>) in DispatchQueue.main.async { c.resume() } }
        #expect(renders == 1)
        #expect(!scheduler.isPending)
    }
}
