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

/// Asking a customer to pay, in the real binary: the dialog, then the request in the
/// customer's payment requests pane.
extension EndToEndTests {
    @Test func askToPayFromTheCustomersInvoicesAndSeeTheRequestInItsTab() async throws {
        try await Self.withBrowser { app, sandbox in
            let overdue = try await sandbox.list("invoices?payment_overdue=true&per_page=100", key: "invoices")
            let customers = overdue.compactMap { ($0["customer"] as? [String: Any])?["external_id"] as? String }.sorted()
            let customer = try #require(customers.last, "the seed has overdue invoices")
            let mine = overdue.filter { (($0["customer"] as? [String: Any])?["external_id"] as? String) == customer }
            let before = try await sandbox.list("payment_requests?external_customer_id=\(customer)", key: "payment_requests").count
            let t = app.tmux
            try await Self.waitForDashboard(app, names: try await Self.customerNames(sandbox))
            try t.command("customers ?\(customer)")
            try await t.waitFor("the customer found") { $0.contains("customers [1]") && $0.contains("search:\(customer)") && Screen.isSettled($0) }
            try t.press("Enter")
            try await t.waitFor(text: "payment requests [\(before)]")
            try t.press("Tab")
            try await t.waitFor("the customer's invoices focused") { $0.contains("› invoices") && Screen.isSettled($0) }
            try t.press("*")
            try await t.waitFor(text: " marked")
            try t.press("$")
            let dialog = try await t.waitFor(text: "Ask to pay")
            #expect(dialog.contains("\(mine.count) overdue invoice"), "\(dialog)")
            #expect(dialog.contains("Send request"))
            try t.press("Enter", "Right", "Enter")
            try await t.waitFor(text: "Payment request sent")
            try t.press("Enter")
            let screen = try await t.waitFor(text: "payment requests [\(before + 1)]")
            let number = try #require(mine.first?["number"] as? String)
            #expect(screen.components(separatedBy: number).count - 1 >= 2, "the invoice shows in its list and in the request's row")
            let after = try await sandbox.list("payment_requests?external_customer_id=\(customer)", key: "payment_requests")
            #expect(after.count == before + 1, "exactly one request was made")
            try await app.quit()
        }
    }
}
