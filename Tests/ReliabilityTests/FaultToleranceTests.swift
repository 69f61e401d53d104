import Foundation
import LagoAPI
import Testing
@testable import BrowserModel
@testable import TerminalUI

/// The browser against a sandbox that fails underneath it: every fault leaves the rows it had
/// on screen (marked cached, with their age), says what failed and that it is retrying, keeps
/// answering keys, and recovers by itself (no ctrl-r) once the server does. One fault of each
/// kind always runs; `LAGOTUI_SOAK=1` adds the partial-failure rates and the 5-second latency.
@MainActor
@Suite(.serialized) struct FaultToleranceTests {
    /// Loads customers, breaks the server with `spec`, refreshes, checks the session, heals
    /// the server and lets the automatic retry (virtual clock) bring it back.
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
        #expect(live.focused.stale, "\(spec): the kept rows are marked as the cached copy")
        #expect(live.focused.cachedAge != nil, "\(spec): with their age")
        guard case let .failed(message) = live.focused.state else {
            Issue.record("\(spec): pane state \(live.focused.state)")
            return
        }
        #expect(message.contains(phrase), "\(spec): \(message)")
        #expect(failed.header.apiStatus?.contains(phrase) == true, "\(spec): header \(String(describing: failed.header.apiStatus))")
        #expect(failed.header.recovery == "retrying in 1 s", "\(spec): \(String(describing: failed.header.recovery))")
        // Still responsive: the cursor moves and the command line opens while broken.
        await live.press("down")
        #expect(live.rows.firstIndex { $0.selected } == 1)
        await live.press(":")
        #expect(live.snapshot.prompt != nil)
        await live.press("esc")
        let screen = TestScreen.render(live.model)
        #expect(screen.contains(String(phrase.prefix(20))), "\(spec): the failure is on screen\n\(screen.dump())")
        #expect(screen.contains("retrying in 1 s"), "\(spec): what it does about it is on screen\n\(screen.dump())")
        #expect(screen.contains("(cached just now)"), "\(spec): the cached rows say how old they are\n\(screen.dump())")
        // Still broken when the first retry runs: the next wait doubles.
        await live.advance(by: .seconds(1))
        #expect(live.snapshot.header.recovery == "retrying in 2 s", "\(String(describing: live.snapshot.header.recovery))")
        // Three minutes on, still broken (retried at 3, 7, 15, 31, 61, 91, 121, 151 and
        // 181 s): the age on screen follows and the waits are capped at 30 s.
        await live.advance(by: .seconds(180))
        #expect(live.focused.state != .idle)
        #expect(live.model.recovery.currentDelay == .seconds(30))
        let later = TestScreen.render(live.model)
        #expect(later.contains("(cached 3 min ago)"), "\(spec)\n\(later.dump())")
        try await live.setFaults("")
        let due = try #require(await live.fireNextTimer(), "a retry stays scheduled while the server is down")
        #expect(due <= .seconds(30))
        #expect(live.focused.state == .idle, "\(spec): recovered by itself")
        #expect(!live.focused.stale)
        #expect(live.snapshot.header.apiStatus == nil)
        #expect(live.snapshot.header.recovery == nil)
        #expect(live.rows.map(\.id) == before.map(\.id))
        #expect(live.model.recovery.nextDue == nil, "no retry left scheduled")
    }

    @Test func http500() async throws { try await survive("500:1.0", expecting: "Lago server error (HTTP 500)") }
    @Test func http502() async throws { try await survive("502:1.0", expecting: "Lago server error (HTTP 502)") }
    @Test func http503() async throws { try await survive("503:1.0", expecting: "Lago server error (HTTP 503)") }
    @Test func connectionReset() async throws { try await survive("reset:1.0", expecting: "network error") }
    @Test func truncatedBody() async throws { try await survive("truncate:1.0", expecting: "network error") }

    /// Faults on a share of the requests (soak): the retry policy absorbs most; whatever gets
    /// through is a named failure with the rows kept, and the session recovers by itself.
    @Test(.enabled(if: Soak.enabled, "LAGOTUI_SOAK=1: partial-failure rates"),
          arguments: ["500:0.5", "502:0.5", "503:0.7", "reset:0.5", "truncate:0.5", "429:0.7", "reset:0.3,truncate:0.3,503:0.3"])
    func partialFaultsNeverLoseTheRows(_ spec: String) async throws {
        let live = try await LiveBrowser()
        defer { Task { await live.stop() } }
        let (customers, invoices) = try await live.browseCustomersAndInvoices()
        try await live.setFaults(spec)
        var failures = 0
        for round in 0..<10 {
            let (command, expected) = round % 2 == 0 ? ("cus", customers) : ("inv", invoices)
            await live.command(command)
            await live.press("ctrl-r")
            #expect(live.rows.map(\.id) == expected, "\(spec) round \(round): rows kept")
            if case let .failed(message) = live.focused.state {
                failures += 1
                #expect(!message.isEmpty)
                #expect(live.focused.stale)
            }
        }
        try await live.setFaults("")
        await live.fireNextTimer()
        await live.command("cus")
        await live.press("ctrl-r")
        #expect(live.focused.state == .idle, "\(spec): recovered")
        #expect(live.rows.map(\.id) == customers)
        print("partial faults \(spec): \(failures) of 10 refreshes failed visibly, rows kept in all")
    }

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

    /// Latency (600 ms always, 5 s in soak): keys are handled while the request is in flight.
    @Test func slowServerKeepsTheBrowserResponsive() async throws {
        let live = try await LiveBrowser()
        defer { Task { await live.stop() } }
        await live.command("cus")
        try await live.setFaults(Soak.enabled ? "latency:5000ms" : "latency:600ms")
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
    /// (marked cached, with their age), the failure is named, drilling down offline does not
    /// crash, and the session recovers by itself once the server is back.
    @Test func serverKilledAndRestartedMidSession() async throws {
        let live = try await LiveBrowser(maxAge: 0)
        defer { Task { await live.stop() } }
        let (customers, invoices) = try await live.browseCustomersAndInvoices()
        await live.kill()
        await live.advance(by: .seconds(120))
        await live.press("ctrl-r")
        #expect(live.rows.map(\.id) == invoices, "cached invoices served while the server is down")
        await live.command("cus")
        await live.press("ctrl-r")
        #expect(live.rows.map(\.id) == customers, "cached customers served while the server is down")
        #expect(live.focused.stale, "marked as cached")
        guard case let .failed(message) = live.focused.state else { Issue.record("state \(live.focused.state)"); return }
        #expect(message.contains("cannot reach Lago"), "\(message)")
        let screen = TestScreen.render(live.model)
        #expect(screen.contains("(cached 2 min ago)"), "\(screen.dump())")
        #expect(screen.contains("retrying in"), "\(screen.dump())")
        await live.press("enter")   // drill down offline: no crash, a named failure or cached rows
        #expect(TestScreen.hazards(on: TestScreen.render(live.model)).isEmpty)
        await live.press("esc")
        // Several retries while it stays down: the waits grow and stay capped.
        var waits: [Duration] = []
        for _ in 0..<8 {
            guard let due = await live.fireNextTimer() else { break }
            waits.append(due)
        }
        #expect(waits.count == 8, "a retry is always scheduled while the server is down: \(waits)")
        #expect(waits.allSatisfy { $0 <= .seconds(30) } && waits.last == .seconds(30), "\(waits)")
        #expect(live.rows.map(\.id) == customers)
        try await live.restart()
        try #require(await live.fireNextTimer() != nil)
        #expect(live.focused.state == .idle, "recovered by itself after the restart")
        #expect(!live.focused.stale)
        #expect(live.rows.map(\.id) == customers)
        #expect(live.snapshot.header.apiStatus == nil)
    }

    /// The key is revoked mid-session: 401 is shown as an unauthorized message, rows stay,
    /// the key never shows; once the key works again the session recovers by itself.
    @Test func keyRevokedMidSession() async throws {
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
        await live.command("cus")
        await live.press("ctrl-r")
        #expect(live.snapshot.header.recovery != nil, "it says it is retrying")
        try await live.restart(afterStopping: true)
        try #require(await live.fireNextTimer() != nil)
        #expect(live.focused.state == .idle, "recovered by itself once the key is accepted again")
        #expect(live.snapshot.header.apiStatus == nil)
    }
}
