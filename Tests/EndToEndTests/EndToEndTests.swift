import Foundation
import Testing

/// The real `lagotui` binary under tmux against a real `lago-sandbox` process: what a user
/// sees (`capture-pane`) and what the server then holds (its API and `/_sandbox` counters).
/// Serialized: each test has its own sandbox, tmux server and temporary HOME, and the
/// machine's few cores are better spent on one session at a time.
@Suite(.serialized, .enabled(if: TmuxSession.executable != nil, "tmux is not installed: the end-to-end tests drive lagotui through it"))
struct EndToEndTests {
    /// A sandbox process and lagotui browsing it in tmux; `body` runs, then both are stopped.
    static func withBrowser(columns: Int = 200, rows: Int = 60, arguments: [String] = [],
                            _ body: (LagotuiUnderTmux, SandboxProcess) async throws -> Void) async throws {
        guard let executable = BuiltProducts.sandbox else { throw TmuxSession.Failure(description: "lago-sandbox is not built (swift build)") }
        let sandbox = try SandboxProcess(executable: executable)
        defer { sandbox.stop() }
        let app = try LagotuiUnderTmux(sandbox: sandbox, arguments: arguments, columns: columns, rows: rows)
        defer { app.stop() }
        try await body(app, sandbox)
    }

    /// Waits for the dashboard: the customers list filled and nothing loading.
    @discardableResult
    static func waitForDashboard(_ app: LagotuiUnderTmux, names: [String]) async throws -> String {
        try await app.tmux.waitFor("the dashboard with customers") { screen in
            screen.contains("customers") && names.contains { screen.contains($0) } && Screen.isSettled(screen)
        }
    }

    static func customerNames(_ sandbox: SandboxProcess) async throws -> [String] {
        try await sandbox.api("customers?page=1&per_page=50")["customers"].flatMap { $0 as? [[String: Any]] }?
            .compactMap { $0["name"] as? String }.filter { !$0.isEmpty } ?? []
    }

    // MARK: browsing

    @Test func browseMoveBetweenPanesDrillIntoACustomerAndFilter() async throws {
        try await Self.withBrowser { app, sandbox in
            let names = try await Self.customerNames(sandbox)
            try #require(names.count > 2)
            let t = app.tmux
            var screen = try await Self.waitForDashboard(app, names: names)
            #expect(Screen.lines(screen).first?.contains("TEST") == true, "header:\n\(screen)")
            #expect(Screen.breadcrumbs(screen) == "customers")

            // Enter on a customer focuses its subscriptions on the dashboard.
            try t.press("Enter")
            screen = try await t.waitFor("the customer's subscriptions focused") { Screen.breadcrumbs($0).hasSuffix("› subscriptions") }
            let crumbs = Screen.breadcrumbs(screen).components(separatedBy: " › ")
            try #require(crumbs.count == 3, "\(crumbs)")
            let customer = crumbs[1]
            #expect(names.contains(customer))

            // Tab and shift-tab move between the customer's panes.
            try t.press("Tab")
            screen = try await t.waitFor("the next pane focused") { !Screen.breadcrumbs($0).hasSuffix("› subscriptions") }
            let second = Screen.breadcrumbs(screen)
            #expect(second.hasPrefix("customers › \(customer) › "), "\(second)")
            try t.press("BTab")
            try await t.waitFor("back on subscriptions") { Screen.breadcrumbs($0).hasSuffix("› subscriptions") }

            // The customer's own invoices are on screen (numbers as the sandbox has them).
            let all = try await sandbox.list("customers", key: "customers")
            let externalID = try #require(all.first { $0["name"] as? String == customer }?["external_id"] as? String)
            let invoices = try await sandbox.api("invoices?external_customer_id=\(externalID)&per_page=5")["invoices"] as? [[String: Any]] ?? []
            if let number = invoices.first?["number"] as? String {
                try await t.waitFor(text: number)
            }

            // Drill into the customer on its own screen: `:cus`, Enter.
            try t.command("cus")
            try await t.waitFor("the customers list") { Screen.breadcrumbs($0) == "customers" && Screen.isSettled($0) && names.contains(where: $0.contains) }
            try t.press("Enter")
            screen = try await t.waitFor("the customer screen") { Screen.breadcrumbs($0).hasPrefix("customers › ") && Screen.isSettled($0) }
            #expect(screen.contains("subscriptions") && screen.contains("invoices"), "\(screen)")

            // Back, then filter the customers by one name.
            try t.press("Escape")
            try await t.waitFor("the customers list again") { Screen.breadcrumbs($0) == "customers" }
            let target = try #require(names.dropFirst().first { name in !names.contains { $0 != name && $0.contains(name) } })
            let others = names.filter { $0 != target && !target.contains($0) }
            try t.press("/")
            try t.type(target)
            screen = try await t.waitFor("the list filtered to \(target)") { screen in
                screen.contains("/\(target)") && screen.contains(target) && !others.contains { screen.contains($0) }
            }
            try t.press("Enter")
            try await t.waitFor("the filter kept after Enter") { $0.contains("/\(target)") && $0.contains(target) && !others.contains(where: $0.contains) }
            try await app.quit()
        }
    }
}
