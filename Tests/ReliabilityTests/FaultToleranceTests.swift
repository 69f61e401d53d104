import Foundation
import LagoAPI
import Testing
@testable import BrowserModel
@testable import TerminalUI

/// The browser against a sandbox that fails underneath it: every fault leaves the rows it had
/// on screen, says what failed, keeps answering keys, and a refresh after the server recovers
/// brings fresh data back.
@MainActor
@Suite(.serialized, .enabled(if: Soak.enabled, "LAGOTUI_SOAK=1: not yet verified within the always-on time budget")) struct FaultToleranceTests {
    /// Loads customers, breaks the server with `spec`, refreshes, checks the session, heals
    /// the server and refreshes again.
    func survive(_ spec: String, expecting phrase: String) async throws {
        let live = try await LiveBrowser()
        defer { Task { await live.stop() } }
        await live.command("cus")
        let before = live.rows
        try #require(!before.isEmpty)
        try await live.setFaults(spec)
        await live.press("ctrl-r")
        let failed = live.snapshot
        #expect(live.rows.map(\.id) == before.map(\.id), "\(spec): rows kept while the server fails")
        guard case let .failed(message) = live.focused.state else {
            Issue.record("\(spec): pane state \(live.focused.state)")
            return
        }
        #expect(message.contains(phrase), "\(spec): \(message)")
        #expect(failed.header.apiStatus?.contains(phrase) == true, "\(spec): header \(String(describing: failed.header.apiStatus))")
        // Still responsive: the cursor moves and the command line opens while broken.
        await live.press("down")
        #expect(live.rows.firstIndex { $0.selected } == 1)
        await live.press(":")
        #expect(live.snapshot.prompt != nil)
        await live.press("esc")
        let screen = TestScreen.render(live.model)
        #expect(screen.contains(String(phrase.prefix(20))), "\(spec): the failure is on screen\n\(screen.dump())")
        try await live.setFaults("")
        await live.press("ctrl-r")
        #expect(live.focused.state == .idle, "\(spec): recovered")
        #expect(live.snapshot.header.apiStatus == nil)
        #expect(live.rows.map(\.id) == before.map(\.id))
    }

    @Test func http500() async throws { try await survive("500:1.0", expecting: "Lago server error (HTTP 500)") }
    @Test func http502() async throws { try await survive("502:1.0", expecting: "Lago server error (HTTP 502)") }
    @Test func http503() async throws { try await survive("503:1.0", expecting: "Lago server error (HTTP 503)") }
    @Test func connectionReset() async throws { try await survive("reset:1.0", expecting: "network error") }
    @Test func truncatedBody() async throws { try await survive("truncate:1.0", expecting: "network error") }

    /// A 429 burst: Retry-After is honoured between attempts (virtual clock), then the user
    /// is told to wait; a burst shorter than the retry budget is invisible.
    @Test func rateLimitBurstHonoursRetryAfter() async throws {
        try await survive("429:1.0", expecting: "rate limited by Lago")
        let live = try await LiveBrowser()
        defer { Task { await live.stop() } }
        await live.command("cus")
        try await live.setFaults("429:1.0")
        await live.press("ctrl-r")
        let waits = live.retryClock.sleeps
        #expect(!waits.isEmpty && waits.allSatisfy { $0 == .seconds(1) }, "waits \(waits)")
        // Half the requests limited: retries absorb it and the page arrives.
        try await live.setFaults("429:0.5")
        await live.press("ctrl-r")
        #expect(live.focused.state == .idle)
        #expect(!live.rows.isEmpty)
    }

    /// 5 seconds of latency: keys are handled while the request is in flight.
    @Test func slowServerKeepsTheBrowserResponsive() async throws {
        let live = try await LiveBrowser()
        defer { Task { await live.stop() } }
        await live.command("cus")
        try await live.setFaults("latency:5000ms")
        live.model.handle(KeyPress("ctrl-r"))
        live.model.handle(.down)
        live.model.handle(KeyPress(":"))
        let during = live.snapshot
        #expect(during.prompt != nil, "the command line opens while a request is in flight")
        #expect(during.busy)
        live.model.handle(.escape)
        await live.model.idle()
        try await live.setFaults("")
        #expect(live.focused.state == .idle)
    }

    /// The server is killed mid-session and started again: the cached pages stay browsable
    /// (marked cached), the failure is named, and a refresh recovers once it is back.
    @Test func serverKilledAndRestartedMidSession() async throws {
        let live = try await LiveBrowser(maxAge: 0)
        defer { Task { await live.stop() } }
        await live.command("cus")
        let customers = live.rows.map(\.id)
        await live.command("inv")
        let invoices = live.rows.map(\.id)
        try #require(!customers.isEmpty && !invoices.isEmpty)
        await live.kill()
        await live.command("cus")
        #expect(live.rows.map(\.id) == customers, "cached customers served while the server is down")
        #expect(live.focused.stale, "marked as cached")
        guard case let .failed(message) = live.focused.state else { Issue.record("state \(live.focused.state)"); return }
        #expect(message.contains("cannot reach Lago"), "\(message)")
        let screen = TestScreen.render(live.model)
        #expect(screen.contains("(cached)"), "\(screen.dump())")
        await live.press("enter")   // drill down offline: no crash, a named failure or cached rows
        await live.press("esc")
        try await live.restart()
        await live.press("ctrl-r")
        #expect(live.focused.state == .idle, "recovered after restart")
        #expect(!live.focused.stale)
        #expect(live.rows.map(\.id) == customers)
        #expect(live.snapshot.header.apiStatus == nil)
    }

    /// The key is revoked mid-session: 401 is shown as an unauthorized message, rows stay.
    @Test func keyRevokedMidSession() async throws {
        try await survive401()
    }

    func survive401() async throws {
        let live = try await LiveBrowser()
        defer { Task { await live.stop() } }
        await live.command("cus")
        let before = live.rows.map(\.id)
        try await live.revokeKey()
        await live.press("ctrl-r")
        #expect(live.rows.map(\.id) == before)
        guard case let .failed(message) = live.focused.state else { Issue.record("state \(live.focused.state)"); return }
        #expect(message.hasPrefix("unauthorized"), "\(message)")
        await live.command("inv")
        #expect(live.snapshot.header.apiStatus?.hasPrefix("unauthorized") == true)
        #expect(!(live.snapshot.header.apiStatus ?? "").contains(live.options.apiKey))
    }
}
