import Foundation
import Testing

/// On-call collections in the real binary: marks and a bulk payment retry.
extension EndToEndTests {
    @Test func markFiveInvoicesRetryThemAndReadTheResultTable() async throws {
        try await Self.withBrowser { app, sandbox in
            let query = "invoices?status=finalized&payment_status=failed&per_page=100"
            let failed = try await sandbox.list(query, key: "invoices")
            try #require(failed.count >= 5, "the seeded sandbox has \(failed.count) invoices with a failed payment")
            let t = app.tmux
            try await Self.waitForDashboard(app, names: try await Self.customerNames(sandbox))
            try t.command("inv status=finalized payment_status=failed")
            try await t.waitFor("the invoices with failed payments") { screen in
                Screen.isSettled(screen) && failed.contains { screen.contains($0["number"] as? String ?? "\u{0}") }
            }
            try t.press("Space", "Space", "Space", "Space", "Space")
            try await t.waitFor(text: "5 marked")
            try t.press("P")
            let dialog = try await t.waitFor(text: "5 invoices to retry payment")
            #expect(dialog.contains("Cancel"))
            try t.press("Right", "Enter")
            let table = try await t.waitFor(text: "retry payment results")
            try await t.waitFor("five result rows") { screen in screen.components(separatedBy: "succeeded").count - 1 >= 5 }
            #expect(table.contains("OUTCOME"))

            let routes = try await sandbox.requestsPerRoute()
            #expect(routes["POST /invoices/{lago_id}/retry_payment"] == 5, "\(routes)")
            let mutations = try await sandbox.mutations()
            #expect(mutations.values.reduce(0, +) == 5, "each of the five retried exactly once: \(mutations)")
            #expect(mutations.values.allSatisfy { $0 == 1 })
            try await app.quit()
        }
    }
}
