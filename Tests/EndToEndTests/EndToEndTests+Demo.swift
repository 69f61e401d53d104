import Foundation
import Testing

/// `lagotui --demo`: the README's first command, its embedded sandbox and all. Set
/// `LAGOTUI_E2E_SCREENSHOTS=DIR` to keep the captured screens (the README's text screenshots).
extension EndToEndTests {
    @Test func demoOpensTheDashboardAndTheOverdueView() async throws {
        let app = try LagotuiUnderTmux(sandbox: nil, arguments: ["--demo"], columns: 200, rows: 60)
        defer { app.stop() }
        let t = app.tmux
        let keep = ProcessInfo.processInfo.environment["LAGOTUI_E2E_SCREENSHOTS"].map { URL(fileURLWithPath: $0) }
        func shot(_ name: String, _ screen: String) throws {
            guard let keep else { return }
            try FileManager.default.createDirectory(at: keep, withIntermediateDirectories: true)
            try (screen + "\n").write(to: keep.appendingPathComponent(name + ".txt"), atomically: true, encoding: .utf8)
        }
        let dashboardReady: (String) -> Bool = { screen in
            Screen.lines(screen).first?.contains("demo") == true && Screen.breadcrumbs(screen) == "customers" && Screen.isSettled(screen)
                && screen.contains("subscriptions") && screen.contains("invoices") && !screen.contains("No customers")
        }
        let dashboard = try await t.waitFor("the demo dashboard", dashboardReady)
        #expect(Screen.lines(dashboard).first?.contains("TEST") == true)
        try shot("dashboard-200x60", dashboard)

        try t.command("overdue")
        let overdueReady: (String) -> Bool = { screen in
            Screen.breadcrumbs(screen) == "overdue" && screen.contains("Overdue total") && Screen.isSettled(screen)
        }
        try shot("overdue-200x60", try await t.waitFor("the overdue view", overdueReady))

        try t.resize(columns: 80, rows: 24)
        try shot("overdue-80x24", try await t.waitFor("the overdue view at 80x24") { overdueReady($0) && Screen.lines($0).allSatisfy { $0.count <= 80 } })

        try t.command("dash")
        try shot("dashboard-80x24", try await t.waitFor("the demo dashboard at 80x24") { screen in
            Screen.lines(screen).first?.contains("demo") == true && Screen.breadcrumbs(screen) == "customers" && Screen.isSettled(screen)
                && Screen.lines(screen).count > 20
        })
        try await app.quit()
    }
}
