import Foundation
import Testing

/// `:analytics` in the real binary: the gross revenue chart of this month moves when a draft
/// invoice is finalized from the browser in the same run, and the history tab shows the change.
extension EndToEndTests {
    /// The gross revenue headline ("Gross revenue  Dec 2026 $1,234.56 · …") in `currency`.
    static func grossRevenueHeadline(_ t: TmuxSession, currency: String) async throws -> String {
        try t.command("analytics")
        try await t.waitFor(text: "last 12 months")
        try await t.press("j", until: "Gross revenue  ")
        for _ in 0..<4 {
            let screen = try await t.waitFor("the analytics loaded") { Screen.isSettled($0) && $0.contains("Gross revenue  ") }
            if screen.contains(currency + " ") && screen.range(of: #"\b\#(currency)( \(c: [^)]*\))? · last"#, options: .regularExpression) != nil {
                return screen.split(separator: "\n").first { $0.contains("Gross revenue  ") }.map(String.init) ?? ""
            }
            try t.press("c")
            try await Task.sleep(for: .milliseconds(200))
        }
        throw TmuxSession.Failure(description: "no \(currency) in the analytics view")
    }

    @Test func analyticsChartMovesWhenADraftIsFinalizedAndHistoryShowsIt() async throws {
        try await Self.withBrowser(columns: 80, rows: 24) { app, sandbox in
            let drafts = try await sandbox.list("invoices?status=draft&invoice_type=subscription", key: "invoices")
            let draft = try #require(drafts.first, "the seeded sandbox has a draft subscription invoice")
            let number = try #require(draft["number"] as? String)
            let currency = try #require(draft["currency"] as? String)
            let t = app.tmux
            try await Self.waitForDashboard(app, names: try await Self.customerNames(sandbox))
            let before = try await Self.grossRevenueHeadline(t, currency: currency)

            try t.command("inv status=draft invoice_type=subscription /\(number)")
            try await t.waitFor("the draft") { Screen.isSettled($0) && $0.contains(number) }
            try t.press("Enter")
            try await t.waitFor(text: "Invoice \(number)")
            try t.press("F")
            try await t.waitFor(text: "Finalize draft \(number)")
            try t.press("Right", "Enter")
            try await t.waitFor(text: "Finalized \(number)")
            // History, in the same run: the finalize, field by field.
            try t.press("Tab", "Tab")
            try await t.waitFor(text: "status: draft → finalized")

            let after = try await Self.grossRevenueHeadline(t, currency: currency)
            #expect(before != after, "the gross revenue headline did not move:\n\(before)\n\(after)")
            let lagoID = try #require(draft["lago_id"] as? String)
            let invoice = try await sandbox.api("invoices/\(lagoID)")["invoice"] as? [String: Any]
            #expect(invoice?["status"] as? String == "finalized")
            try await app.quit()
        }
    }
}
