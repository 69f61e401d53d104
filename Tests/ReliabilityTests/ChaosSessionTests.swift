import Foundation
import Testing
@testable import BrowserModel
@testable import TerminalUI

/// A long random session: random keys, commands, filters and clock jumps while the sandbox's
/// faults change underneath. After every step the screen (at a rotating size) holds nothing
/// hazardous and never the API key; no mutation is ever sent (dangerous keys are not pressed,
/// so any write would be a bug); at the end, with the server healed, the automatic retries
/// leave no outage on screen, and no file the session wrote holds the key. Seeded, so a
/// failure replays.
@MainActor
@Suite(.serialized) struct ChaosSessionTests {
    static let key = "lago-key-CHAOS-71c0e2d4-SECRET"
    static let keys = ["down", "down", "j", "k", "up", "enter", "enter", "esc", "tab", "shift-tab", "ctrl-r", "g", "G", "pgdn", "pgup",
                       "s", "S", "t", "d", "y", "O", "x", "/", "p", "c", "o", "D", "home", "end"]
    static let commands = ["cus", "inv", "sub", "wallets", "fees", "payments", "credit_notes", "events", "overdue", "plans",
                           "inv status=finalized", "inv outstanding", "inv status=draft", "wallet_transactions", "search Acme",
                           "inv \u{1B}[2J", "cus \u{202E}x", "nonsense", "usage"]
    static let faults = ["", "503:1.0", "reset:1.0", "reset:0.5", "truncate:0.3", "429:0.6", "500:0.3,reset:0.3", "latency:40ms", "502:1.0"]
    static let typed: [Character] = ["a", "c", "m", "e", "1", " ", "\u{1B}", "\u{9B}", "\u{202E}", "é", "株", "=", "!"]

    @Test func randomKeysUnderChangingFaults() async throws {
        let live = try await LiveBrowser(apiKey: Self.key, allStale: true)
        defer { Task { await live.stop() } }
        var r = FuzzRandom(seed: 0xC4A0_5EED)
        let steps = Soak.iterations(80, soak: 1_500)
        let sizes = [(24, 80), (6, 20), (60, 200), (40, 160)]
        var faultChanges = 0, clockJumps = 0, screensChecked = 0, failuresShown = 0, staleShown = 0
        for step in 0..<steps {
            var op = ""
            switch r.below(10) {
            case 0:
                op = Self.faults[r.below(Self.faults.count)]
                try await live.setFaults(op)
                faultChanges += 1
            case 1, 2:
                op = ":" + Self.commands[r.below(Self.commands.count)]
                // Leave a prompt or help first, as a user would, so the command is a command.
                if live.snapshot.prompt != nil || live.snapshot.help != nil { await live.press("esc") }
                await live.command(String(op.dropFirst()))
            case 3:
                let seconds = r.below(45)
                op = "+\(seconds)s"
                await live.advance(by: .seconds(Double(seconds)))
                clockJumps += 1
            case 4:
                for _ in 0..<r.below(4) {
                    let c = Self.typed[r.below(Self.typed.count)]
                    op += String(c)
                    live.model.handle(KeyPress.char(c))
                }
                await live.model.idle()
            default:
                op = Self.keys[r.below(Self.keys.count)]
                await live.press(op)
            }
            let size = sizes[step % sizes.count]
            let snapshot = live.snapshot
            let screen = TestScreen.render(snapshot, rows: size.0, columns: size.1)
            screensChecked += 1
            if snapshot.body.panes.contains(where: { if case .failed = $0.state { return true } else { return false } }) { failuresShown += 1 }
            if snapshot.body.panes.contains(where: \.stale) { staleShown += 1 }
            #expect(TestScreen.hazards(on: screen).isEmpty, "step \(step): hazard on screen\n\(screen.dump())")
            let text = screen.dump() + (snapshot.header.apiStatus ?? "") + snapshot.toasts.map(\.text).joined()
                + (snapshot.dialog?.lines.map(\.text).joined() ?? "") + (snapshot.dialog?.error ?? "")
            #expect(!text.contains(Self.key), "step \(step): API key shown")
        }
        // Heal the server; the automatic retries (no key pressed) clear every outage.
        try await live.setFaults("")
        for _ in 0..<6 where live.model.recovery.nextDue != nil { await live.fireNextTimer() }
        let outages = live.model.failedPanes().compactMap { pane -> String? in
            guard case let .failed(message) = pane.snapshot(focused: false).state else { return nil }
            let outage = ["server error", "network error", "cannot reach", "rate limited", "timed out", "unauthorized"].contains { message.contains($0) }
            return outage ? message : nil
        }
        #expect(outages.isEmpty, "still failing after the server healed: \(outages)")
        let routes = try await live.requestsPerRoute()
        // (Lago generates a PDF on POST …/download; that is the one POST a read-only key press sends.)
        let writes = routes.filter { ($0.key.hasPrefix("POST ") || $0.key.hasPrefix("PUT ") || $0.key.hasPrefix("DELETE ")) && !$0.key.hasSuffix("/download") }
        #expect(writes.isEmpty, "no mutation was asked for, none may be sent: \(writes)")
        let needle = Data(Self.key.utf8)
        let files = live.writtenFiles()
        for (url, data) in files { #expect(data.range(of: needle) == nil, "API key in \(url.path)") }
        print("chaos session: \(steps) steps, \(faultChanges) fault changes, \(clockJumps) clock jumps, \(screensChecked) screens checked "
              + "(\(failuresShown) with a failure, \(staleShown) with cached rows), "
              + "\(routes.values.reduce(0, +)) requests, \(files.count) files scanned")
    }
}
