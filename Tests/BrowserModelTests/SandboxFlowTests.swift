import Foundation
import LagoAPI
import LagoSandbox
import PageCache
import LagoTesting
import Testing
@testable import BrowserModel
import LagotuiCommands

/// The key flows once more, against the real sandbox server through LagoClient (libcurl) and
/// the PageCache (SQLite in a temporary directory).
@MainActor
@Suite(.serialized) struct SandboxFlowTests {
    @MainActor struct Live {
        let server: SandboxServer
        let model: BrowserModel
        let source: CachedLagoDataSource
        let clock: ManualBrowserClock
        let directory: URL

        func command(_ text: String) async { await model.command(text) }

        func press(_ keys: String...) async { await model.press(keys) }

        /// Presses `keys`, then waits for the work they start while moving the manual clock over
        /// each pause it schedules (a bulk run waiting out a 429's Retry-After), which
        /// ``press(_:)`` would wait on forever.
        func pressMovingTheClock(_ keys: String...) async {
            for key in keys { model.handle(KeyPress(key)) }
            while model.isBusy {
                if let due = clock.nextDueIn { clock.advance(by: due) }
                await Task.yield()
            }
            await model.idle()
        }

        var focused: PaneSnapshot { model.focusedPaneSnapshot }

        var rows: [RowSnapshot] {
            if case let .table(t) = focused.content { return t.rows }
            return []
        }

        func stop() async {
            await server.stop()
            try? FileManager.default.removeItem(at: directory)
        }
    }

    static func start(perPage: Int = 20) async throws -> Live {
        let server = SandboxServer(options: SandboxOptions(customers: 12, referenceDate: Date(timeIntervalSince1970: 1_795_262_400)))
        let baseURL = try await server.start()
        let client = try LagoClient(configuration: LagoClientConfiguration(baseURL: baseURL, apiKey: "lago-sandbox-key"), transport: CurlTransport())
        return try await start(server: server, client: client, perPage: perPage)
    }

    /// A browser over `client` (on `server`), its cache in a temporary directory.
    static func start(server: SandboxServer, client: LagoClient, perPage: Int = 20) async throws -> Live {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lagotui-browser-\(UUID().uuidString)")
        let cache = PageCache(configuration: CacheConfiguration(directory: directory, profile: "sandbox"), fetcher: LagoPageFetcher(client: client))
        let source = CachedLagoDataSource(client: client, cache: cache)
        var config = BrowserConfiguration()
        config.selectionDebounce = .zero
        config.perPage = perPage
        config.downloadDirectory = directory.appendingPathComponent("pdf")
        let clock = ManualBrowserClock()
        let model = BrowserModel(session: BrowserSession(profile: ProfileInfo(name: "sandbox", environment: .test, readOnly: false, apiHost: client.configuration.baseURL.host ?? ""),
                                                         dataSource: source),
                                 configuration: config, clock: clock)
        model.start()
        await model.idle()
        return Live(server: server, model: model, source: source, clock: clock, directory: directory)
    }

    @Test func browseDrillDownAndBack() async throws {
        let live = try await SandboxFlowTests.start()
        defer { Task { await live.stop() } }
        let s = live.model.snapshot()
        #expect(s.breadcrumbs == ["customers"])
        #expect(!live.rows.isEmpty)
        #expect(s.header.apiStatus == nil)
        let customerName = live.rows.first?.cells.first ?? ""
        await live.press("enter")
        #expect(live.model.snapshot().breadcrumbs == ["customers", customerName, "subscriptions"])
        await live.press("tab")
        if live.rows.first != nil {
            await live.press("enter")
            #expect(live.model.snapshot().breadcrumbs.count == 4)
            await live.press("esc")
        }
        await live.press("esc")
        #expect(live.model.snapshot().breadcrumbs == ["customers"])
        await live.command("cus /.")
        #expect(!live.rows.isEmpty)
    }

    @Test func finalizeADraftInvoice() async throws {
        let live = try await SandboxFlowTests.start()
        defer { Task { await live.stop() } }
        await live.command("inv draft")
        guard let draft = live.rows.first else {
            // This seed has no drafts: the quick filter must then say so rather than show others.
            #expect(live.focused.emptyMessage == "No invoices")
            #expect(live.focused.countText == "0")
            return
        }
        #expect(live.rows.allSatisfy { $0.cells[1] == "draft" })
        await live.press("F")
        #expect(live.model.snapshot().dialog?.lines.first?.text.hasPrefix("Finalize draft \(draft.cells[0]) for ") == true)
        await live.press("right", "enter")
        let toast = live.model.snapshot().toasts.last
        #expect(toast?.level == .success, "\(String(describing: toast)) \(String(describing: live.model.snapshot().dialog))")
        let reread = try JSONValue.parse(try await live.source.record(.invoices, key: draft.id, forceRefresh: true))
        #expect(["finalized", "closed"].contains(reread.string("status") ?? ""))
    }

    @Test func refusalCarriesLagosReason() async throws {
        let live = try await SandboxFlowTests.start()
        defer { Task { await live.stop() } }
        await live.command("inv voided")
        guard let voided = live.rows.first else { Issue.record("no voided invoice"); return }
        do {
            _ = try await live.source.perform(.voidInvoice(lagoId: voided.id))
            Issue.record("voiding a voided invoice should be refused")
        } catch let BrowserDataError.refused(status, code, _) {
            #expect(status == 405)
            #expect(code == "not_voidable")
        }
        do {
            _ = try await live.source.perform(.finalizeInvoice(lagoId: voided.id))
            Issue.record("finalizing a voided invoice should be refused")
        } catch let BrowserDataError.refused(status, code, _) {
            #expect(status == 404)
            #expect(code == "invoice_not_found")
        }
    }

    @Test func retryPaymentAndVoidAFinalizedInvoice() async throws {
        let live = try await SandboxFlowTests.start()
        defer { Task { await live.stop() } }
        await live.command("inv outstanding")
        guard live.rows.first != nil else { Issue.record("no outstanding invoice"); return }
        await live.press("P", "right", "enter")
        #expect(live.model.snapshot().toasts.last?.level == .success)
        await live.press("X", "right", "enter")
        #expect(live.model.snapshot().toasts.last?.text.hasPrefix("Voided") == true)
    }

    @Test func overdueViewOrderAndTotals() async throws {
        let live = try await SandboxFlowTests.start()
        defer { Task { await live.stop() } }
        await live.command("overdue")
        let pane = live.focused
        #expect(pane.summary.first?.text.hasPrefix("Overdue total") == true)
        let days = live.rows.compactMap { Int($0.cells[0]) }
        #expect(days == days.sorted(by: >))
    }

    @Test func liveUsageOfAnActiveSubscription() async throws {
        let live = try await SandboxFlowTests.start()
        defer { Task { await live.stop() } }
        await live.command("sub status=active")
        guard let sub = live.rows.first else { Issue.record("no active subscription"); return }
        await live.press("enter")
        #expect(live.model.snapshot().breadcrumbs.last == "usage", "\(sub.cells)")
        #expect(live.focused.summary.contains { $0.text.hasPrefix("Usage so far") })
        live.clock.advance(by: .seconds(5))
        await live.model.idle()
        #expect(live.focused.state == .idle)
    }

    @Test func walletTopUpWithGrantedCredits() async throws {
        let live = try await SandboxFlowTests.start()
        defer { Task { await live.stop() } }
        await live.command("wallets")
        guard let index = live.rows.firstIndex(where: { $0.cells[1] == "active" }) else { Issue.record("no active wallet"); return }
        for _ in 0..<index { live.model.handle(.down) }
        await live.press("T", "tab")
        for c in "5" { live.model.handle(KeyPress.char(c)) }
        await live.press("tab", "tab", "enter")
        #expect(live.model.snapshot().dialog?.kind == .confirm)
        await live.press("right", "enter")
        #expect(live.model.snapshot().toasts.last?.text.hasPrefix("Topped up wallet") == true, "\(String(describing: live.model.snapshot().dialog))")
    }

    @Test func downloadAFinalizedInvoicePDF() async throws {
        let live = try await SandboxFlowTests.start()
        defer { Task { await live.stop() } }
        await live.command("inv status=finalized")
        guard live.rows.first != nil else { Issue.record("no finalized invoice"); return }
        await live.press("D")
        let task = live.model.snapshot().tasks.last
        guard case let .succeeded(text)? = task?.state else { Issue.record("download did not succeed: \(String(describing: task))"); return }
        let path = String(text.dropFirst("saved to ".count))
        #expect(FileManager.default.fileExists(atPath: path))
    }

    @Test func serverSearchOfCustomers() async throws {
        let live = try await SandboxFlowTests.start()
        defer { Task { await live.stop() } }
        await live.command("cus")
        guard let name = live.rows.map({ $0.cells[0] }).first(where: { ($0.split(separator: " ").first ?? "").allSatisfy(\.isLetter) }) else {
            Issue.record("no customers")
            return
        }
        await live.command("search \(name.split(separator: " ").first ?? "")")
        #expect(live.focused.serverSearch != nil)
        #expect(live.rows.contains { $0.cells[0] == name })
    }
}
