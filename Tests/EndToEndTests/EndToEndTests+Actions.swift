import Foundation
import Testing

/// Actions that change billing data, confirmed in the browser and checked on the server.
extension EndToEndTests {
    @Test func finalizeADraftInvoice() async throws {
        try await Self.withBrowser { app, sandbox in
            let drafts = try await sandbox.list("invoices?status=draft&invoice_type=subscription", key: "invoices")
            try #require(!drafts.isEmpty, "the seeded sandbox has no draft subscription invoice")
            let t = app.tmux
            try await Self.waitForDashboard(app, names: try await Self.customerNames(sandbox))
            try t.command("inv status=draft invoice_type=subscription")
            try await t.waitFor("the draft invoices") { screen in
                Screen.isSettled(screen) && drafts.contains { screen.contains($0["number"] as? String ?? "\u{0}") }
            }
            try t.press("F")
            let dialog = try await t.waitFor(text: "Finalize draft ")
            let number = try #require(Screen.first(#"Finalize draft (\S+) for "#, in: dialog))
            let draft = try #require(drafts.first { $0["number"] as? String == number }, "\(number) is not a draft on the server")
            let lagoID = try #require(draft["lago_id"] as? String)
            try t.press("Right", "Enter")
            try await t.waitFor(text: "Finalized \(number)")

            let invoice = try await sandbox.api("invoices/\(lagoID)")["invoice"] as? [String: Any]
            #expect(invoice?["status"] as? String == "finalized")
            #expect(try await sandbox.mutations()["invoice:\(lagoID)"] == 1, "finalized exactly once")
            try await app.quit()
        }
    }

    @Test func retryAFailedPayment() async throws {
        try await Self.withBrowser { app, sandbox in
            let failed = try await sandbox.list("invoices?status=finalized&payment_status=failed", key: "invoices")
            try #require(!failed.isEmpty, "the seeded sandbox has no invoice with a failed payment")
            let t = app.tmux
            try await Self.waitForDashboard(app, names: try await Self.customerNames(sandbox))
            try t.command("inv status=finalized payment_status=failed")
            try await t.waitFor("the invoices with failed payments") { screen in
                Screen.isSettled(screen) && failed.contains { screen.contains($0["number"] as? String ?? "\u{0}") }
            }
            try t.press("P")
            let dialog = try await t.waitFor(text: "Retry payment of ")
            let number = try #require(Screen.first(#"Retry payment of .+? for (\S+) \("#, in: dialog))
            let lagoID = try #require(failed.first { $0["number"] as? String == number }?["lago_id"] as? String)
            try t.press("Right", "Enter")
            try await t.waitFor(text: "Payment retry requested for \(number)")

            let routes = try await sandbox.requestsPerRoute()
            #expect(routes["POST /invoices/{lago_id}/retry_payment"] == 1, "\(routes)")
            #expect(try await sandbox.mutations()["invoice:\(lagoID)"] == 1, "retried exactly once")
            try await app.quit()
        }
    }

    @Test func topUpAWallet() async throws {
        try await Self.withBrowser { app, sandbox in
            let customers = try await sandbox.list("customers", key: "customers")
            var chosen: (customer: String, wallet: [String: Any])?
            for customer in customers {
                guard let id = customer["external_id"] as? String else { continue }
                let wallets = try await sandbox.api("wallets?external_customer_id=\(id)")["wallets"] as? [[String: Any]] ?? []
                if wallets.count == 1, let wallet = wallets.first, wallet["status"] as? String == "active" {
                    chosen = (id, wallet)
                    break
                }
            }
            let (customerID, wallet) = try #require(chosen, "no customer with exactly one active wallet")
            let walletID = try #require(wallet["lago_id"] as? String)
            let before = try #require(wallet["balance_cents"] as? Int)
            let t = app.tmux
            try await Self.waitForDashboard(app, names: try await Self.customerNames(sandbox))
            try t.command("wal external_customer_id=\(customerID)")
            try await t.waitFor("the customer's wallet") { $0.contains("active") && Screen.isSettled($0) && $0.contains("T top up") }
            // The form: paid credits, granted credits, Cancel, Review. Grant 5 credits.
            try await t.press("T", until: "Granted credits")
            try t.press("Tab")
            try t.type("5")
            try t.press("Tab", "Tab", "Enter")
            try await t.waitFor(text: "5 granted credits")
            try t.press("Right", "Enter")
            try await t.waitFor(text: "Topped up wallet")

            let after = try await sandbox.api("wallets/\(walletID)")["wallet"] as? [String: Any]
            let rate = Decimal(string: wallet["rate_amount"] as? String ?? "1") ?? 1
            let added = NSDecimalNumber(decimal: rate * 5 * 100).intValue
            #expect(after?["balance_cents"] as? Int == before + added, "balance was \(before), now \(String(describing: after?["balance_cents"]))")
            #expect(try await sandbox.mutations()["wallet:\(walletID)"] == 1, "topped up exactly once")
            try await app.quit()
        }
    }

    @Test func downloadAnInvoicePDF() async throws {
        try await Self.withBrowser { app, sandbox in
            let finalized = try await sandbox.list("invoices?status=finalized", key: "invoices")
            try #require(!finalized.isEmpty)
            let t = app.tmux
            try await Self.waitForDashboard(app, names: try await Self.customerNames(sandbox))
            try t.command("inv status=finalized")
            try await t.waitFor("the finalized invoices") { screen in
                Screen.isSettled(screen) && finalized.contains { screen.contains($0["number"] as? String ?? "\u{0}") }
            }
            try t.press("D")
            try await t.waitFor(text: "saved to")
            let files = try FileManager.default.contentsOfDirectory(atPath: app.work.downloads)
            let pdf = try #require(files.first { $0.hasSuffix(".pdf") }, "nothing in \(app.work.downloads): \(files)")
            let data = try Data(contentsOf: URL(fileURLWithPath: app.work.downloads + "/" + pdf))
            #expect(data.starts(with: Array("%PDF-".utf8)), "\(pdf) starts with \(String(decoding: data.prefix(8), as: UTF8.self))")
            try await app.quit()
        }
    }

    @Test func watchLiveUsageChange() async throws {
        try await Self.withBrowser { app, sandbox in
            let t = app.tmux
            try await Self.waitForDashboard(app, names: try await Self.customerNames(sandbox))
            try t.command("sub status=active")
            try await t.waitFor("the active subscriptions") { Screen.isSettled($0) && $0.contains("active") && Screen.breadcrumbs($0).hasPrefix("subscriptions") }
            try t.press("Enter")
            let first = try await t.waitFor("the live usage") { Screen.breadcrumbs($0).hasSuffix("usage") && $0.contains("Usage so far") && Screen.isSettled($0) }
            // The sandbox adds 5 events a second; the pane polls every few seconds.
            try await t.waitFor("the usage to change", timeout: .seconds(45)) { screen in
                Screen.isSettled(screen) && screen.contains("Usage so far") && Screen.body(screen) != Screen.body(first)
            }
            try await app.quit()
        }
    }
}
