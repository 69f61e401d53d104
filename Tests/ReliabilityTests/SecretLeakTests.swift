import Foundation
import LagoAPI
import Testing
@testable import BrowserModel
@testable import TerminalUI

/// The API key never appears in anything a session writes or shows: cache files, downloads,
/// error messages, toasts, tasks, dialogs, the header, or the screen, including after
/// failures that echo requests (401, resets, refusals).
@MainActor
@Suite(.serialized) struct SecretLeakTests {
    static let key = "lago-key-RELIABILITY-5e3c9a71-SECRET"

    @Test func aWholeSessionNeverWritesOrShowsTheKey() async throws {
        let live = try await LiveBrowser(apiKey: Self.key)
        defer { Task { await live.stop() } }
        var shown: [String] = []
        func collect() {
            let s = live.snapshot
            shown.append(TestScreen.render(live.model).dump())
            shown += s.toasts.map(\.text)
            shown += s.tasks.map { "\($0.title) \($0.state)" }
            shown += (s.dialog?.lines.map(\.text) ?? []) + [s.dialog?.error ?? "", s.header.apiStatus ?? ""]
        }
        for command in ["cus", "inv", "sub", "wallets", "inv status=finalized", "overdue", "fees", "payments", "credit_notes", "events"] {
            await live.command(command)
            collect()
            await live.press("enter")
            collect()
            await live.press("esc")
        }
        await live.command("inv status=finalized")
        await live.press("D")   // PDF download writes a file
        collect()
        try await live.setFaults("reset:0.3,truncate:0.3,503:0.3")
        for command in ["cus", "inv", "wallets"] {
            await live.command(command)
            await live.press("ctrl-r")
            collect()
        }
        await live.command("inv outstanding")
        await live.press("X", "right", "enter")
        collect()
        await live.press("enter")
        try await live.setFaults("")
        try await live.revokeKey()
        await live.press("ctrl-r")
        collect()
        await live.command("cus")
        collect()

        let files = live.writtenFiles()
        #expect(!files.isEmpty, "the session wrote its cache")
        let needle = Data(Self.key.utf8)
        for (url, data) in files {
            #expect(data.range(of: needle) == nil, "API key found in \(url.path)")
        }
        for text in shown {
            #expect(!text.contains(Self.key), "API key shown: \(text.prefix(200))")
        }
        print("secret scan: \(files.count) files (\(files.reduce(0) { $0 + $1.1.count }) bytes) and \(shown.count) screens/messages, key found in none")
    }
}
