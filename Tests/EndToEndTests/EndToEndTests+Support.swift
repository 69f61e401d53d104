import Foundation
import Testing

/// Issue 15 through the real binary: following a subscription's events while the sandbox
/// generates live ones (`--live-events 5`, half of them to the newest customer), and opening
/// an event of a pay-in-advance charge onto its fee.
extension EndToEndTests {
    /// Lists the active subscription of the newest customer (the one live events favour).
    static func openNewestCustomersSubscription(_ app: LagotuiUnderTmux, _ sandbox: SandboxProcess) async throws -> String {
        let names = try await customerNames(sandbox)
        try await waitForDashboard(app, names: names)
        let customers = try await sandbox.list("customers?per_page=100", key: "customers")
        let newest = try #require(customers.compactMap { $0["external_id"] as? String }.max())
        let subs = try await sandbox.list("subscriptions?external_customer_id=\(newest)&status[]=active", key: "subscriptions")
        let sub = try #require(subs.first?["external_id"] as? String)
        try app.tmux.command("sub external_id=\(sub) status=active")
        try await app.tmux.waitFor("the subscription listed") { $0.contains(sub) && Screen.breadcrumbs($0).hasPrefix("subscriptions") && Screen.isSettled($0) }
        return sub
    }

    static func transactionIds(_ screen: String) -> [String] {
        Screen.lines(screen).compactMap { line in line.firstMatch(of: /txn_[0-9a-z]+_[0-9a-z]+/).map { String($0.output) } }
    }

    @Test func followingEventsShowsNewOnesAsTheyArrive() async throws {
        try await Self.withBrowser(columns: 160, rows: 40) { app, sandbox in
            let sub = try await Self.openNewestCustomersSubscription(app, sandbox)
            let t = app.tmux
            try t.press("e")
            let listed = try await t.waitFor("the events of \(sub)") { Screen.breadcrumbs($0).hasSuffix("\(sub) › events") && $0.contains("f follows new events") && Screen.isSettled($0) }
            #expect(listed.contains("TIMESTAMP") && listed.contains("TRANSACTION ID"))
            let before = Set(Self.transactionIds(listed))
            #expect(!before.isEmpty)
            try t.press("f")
            let following = try await t.waitFor("new events on top", timeout: .seconds(60)) { screen in
                guard screen.contains("Following · ") else { return false }
                return Self.transactionIds(screen).first.map { !before.contains($0) } ?? false
            }
            #expect(following.contains("events/min"))
            #expect(following.firstMatch(of: /last seen \d+s ago/) != nil, "\(following)")
            try t.press("f")
            try await t.waitFor("following stopped") { $0.contains("f follows new events") }
            try await app.quit()
        }
    }

    @Test func anEventOfAPayInAdvanceChargeOpensOntoItsFee() async throws {
        try await Self.withBrowser(columns: 120, rows: 40) { app, sandbox in
            let sub = try await Self.openNewestCustomersSubscription(app, sandbox)
            let t = app.tmux
            try t.press("e")
            try await t.waitFor("the events of \(sub)") { Screen.breadcrumbs($0).hasSuffix("events") && Screen.isSettled($0) && !Self.transactionIds($0).isEmpty }
            try t.press("/")
            try t.type("active_seats")
            try t.press("Enter")
            let seats = try await t.waitFor("seat events only") { screen in
                screen.contains("code=active_seats") && Screen.isSettled(screen) && !Self.transactionIds(screen).isEmpty
            }
            let txn = try #require(Self.transactionIds(seats).first)
            try t.press("Enter")
            // The whole trail, waited for as one screen (a capture can land mid-frame).
            let detail = try await t.waitFor("the event's fee") { screen in
                screen.contains("Fee (pay in advance)") && screen.contains("not invoiced yet") && screen.contains("pending") && Screen.isSettled(screen)
            }
            #expect(detail.contains(txn))
            #expect(detail.contains("unique_count_agg of user_id"))
            let fees = try await sandbox.list("fees?event_transaction_id=\(txn)", key: "fees")
            let cents = try #require(fees.first?["amount_cents"] as? Int)
            #expect(cents > 0)
            try await app.quit()
        }
    }
}
