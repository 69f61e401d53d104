import Foundation
import LagoAPI
import LagoSandbox
import LagoTesting
import PageCache
import Testing
@testable import BrowserModel
@testable import TerminalUI
import LagotuiCommands

/// The same scripted sessions against the real sandbox over loopback: LagoAPI's libcurl
/// transport, the page cache and the browser model, drawn on the cell buffer.
@MainActor
@Suite struct BrowserSandboxSessionTests {
    struct Setup {
        let server: SandboxServer
        let client: LagoClient
        let transport: RequestLogTransport
        let driver: TerminalTestDriver
    }

    func start(rows: Int = 60, columns: Int = 200, options: SandboxOptions = SandboxOptions(customers: 40)) async throws -> Setup {
        let server = SandboxServer(options: options)
        let base = try await server.start()
        let transport = RequestLogTransport(CurlTransport())
        let client = try LagoClient(configuration: LagoClientConfiguration(baseURL: base, apiKey: "lago-sandbox-key"), transport: transport)
        let cache = PageCache(configuration: CacheConfiguration(profile: "tui-test", enabled: false), fetcher: LagoPageFetcher(client: client))
        var config = BrowserConfiguration()
        config.selectionDebounce = .zero
        config.downloadDirectory = FileManager.default.temporaryDirectory
        let model = BrowserModel(session: BrowserSession(profile: ProfileInfo(name: "sandbox", environment: .test, readOnly: false, apiHost: base.host ?? "127.0.0.1"),
                                                         dataSource: CachedLagoDataSource(client: client, cache: cache)),
                                 configuration: config)
        let view = BrowserView(model: model, openURL: { _ in })
        let driver = TerminalTestDriver(app: view, rows: rows, columns: columns, idle: { await model.idle() }, apiCalls: { transport.calls })
        await driver.start()
        return Setup(server: server, client: client, transport: transport, driver: driver)
    }

    @Test func dashboardFromTheSandboxAndFinalizeADraft() async throws {
        let s = try await start()
        defer { Task { await s.server.stop() } }
        let d = s.driver
        let firstCustomer = try await s.client.list(.customers, perPage: 5, as: Customer.self).items.first
        await d.expectLine("customers [")
        if let name = firstCustomer?.name { await d.expectLine(String(name.prefix(12))) }
        for g in d.screen.allGraphemes { #expect(!g.unicodeScalars.contains { TextSanitizer.isHazard($0) }) }

        // Retry a failed payment (the seed has no drafts today; finalize is covered on the
        // in-memory browser). The confirmation opens with Cancel focused.
        let failed = try await s.client.list(.invoices, filters: [("status", ["finalized"]), ("payment_status", ["failed"])],
                                             perPage: 100, as: Invoice.self).items
        try #require(!failed.isEmpty, "the sandbox seed has invoices with failed payments")
        await d.press(":")
        await d.type("inv status=finalized payment_status=failed")
        await d.press("enter")
        await d.expectLine(failed[0].number)
        await d.press("P")
        await d.expectDialog("Retry payment")
        #expect(d.screen.style(of: "[ Cancel ]")?.role == .dialogButtonFocused)
        await d.press("tab", "enter")
        await d.expectNoDialog()
        #expect(s.transport.calls.contains { $0.hasPrefix("POST /api/v1/invoices/") && $0.contains("/retry_payment") },
                "\(d.screen.dump())\n\(s.transport.calls.joined(separator: "\n"))")
    }

    @Test func resizeAndDrillDownAgainstTheSandbox() async throws {
        let s = try await start(rows: 24, columns: 80)
        defer { Task { await s.server.stop() } }
        let d = s.driver
        await d.expectLine("subscriptions │")
        await d.press("enter")
        #expect(d.lines[1].hasPrefix("customers › "))
        await d.press("esc")
        await d.resize(rows: 60, columns: 200)
        await d.expectLine("wallets")
        await d.resize(rows: 6, columns: 20)
        #expect(d.lines.count == 6)
        await d.press("?")
        await d.press("esc", "q")
        #expect(d.quitStatus == 0)
    }

    /// The dashboard and the on-call overdue view as text, the README's screenshots. Set
    /// LAGOTUI_SCREENSHOT_DIR to write them to files (dashboard.txt, overdue.txt).
    @Test func screenshotsOfDashboardAndOverdue() async throws {
        let s = try await start(rows: 32, columns: 130)
        defer { Task { await s.server.stop() } }
        let d = s.driver
        await d.expectLine("customers [")
        await d.expectLine("invoices [")
        let dashboard = d.lines.joined(separator: "\n")
        await d.press("O")
        await d.expectLine("overdue")
        await d.expectLine("DAYS")
        let overdue = d.lines.joined(separator: "\n")
        if let dir = ProcessInfo.processInfo.environment["LAGOTUI_SCREENSHOT_DIR"], !dir.isEmpty {
            try dashboard.write(toFile: dir + "/dashboard.txt", atomically: true, encoding: .utf8)
            try overdue.write(toFile: dir + "/overdue.txt", atomically: true, encoding: .utf8)
        }
    }
}
