import Foundation
import LagoAPI
import LagoSandbox
import LagoTesting
import Testing
@testable import BrowserModel

/// Bulk actions in the browser against the sandbox: `*` marks every invoice of a filter
/// across pages, the action's key runs it on the marks, and the sandbox's own counters of
/// applied mutations prove each eligible invoice was acted on once and the skipped never,
/// also while the sandbox resets connections, truncates answers and fails with 503.
@MainActor
@Suite(.serialized) struct BulkSandboxTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var key: String
        var action: BulkAction
        var command: String
        var faults: String
        /// Small enough that the filter spans several pages.
        var perPage = 5
        var testDescription: String { "\(action.rawValue) \(faults.isEmpty ? "clean" : faults)" }
    }

    /// Connection resets and truncated answers (outcome unknown once sent), 503s after sending
    /// and 429s with Retry-After (not processed: sent again after the wait).
    nonisolated static let faults = "reset:0.15,truncate:0.15,503:0.15,429:0.1"
    nonisolated static let cases: [Case] = [
        Case(key: "P", action: .retryPayment, command: "inv status=finalized", faults: ""),
        Case(key: "P", action: .retryPayment, command: "inv status=finalized", faults: faults),
        Case(key: "F", action: .finalize, command: "inv status=draft", faults: "", perPage: 2),
        Case(key: "F", action: .finalize, command: "inv status=draft", faults: faults, perPage: 2),
        Case(key: "R", action: .refresh, command: "inv status=draft", faults: "", perPage: 2),
        Case(key: "R", action: .refresh, command: "inv status=draft", faults: faults, perPage: 2),
    ]

    @Test(arguments: cases) func markAllAcrossPagesThenActOnceOnEachEligible(_ c: Case) async throws {
        let harness = try await SandboxHarness.start(options: SandboxOptions(customers: 30, referenceDate: Date(timeIntervalSince1970: 1_795_262_400)))
        let live = try await SandboxFlowTests.start(server: harness.server, client: harness.client, perPage: c.perPage)
        defer { Task { await live.stop(); await harness.stop() } }
        await live.command(c.command)
        await live.press("*")
        let pane = try #require(live.model.top?.focused as? ListPane)
        #expect(!pane.hasMore, "every page was fetched")
        #expect(pane.rowCount > c.perPage, "the filter spans several pages (\(pane.rowCount) rows)")
        #expect(pane.markCount == pane.rowCount)
        #expect(live.focused.countText.contains("\(pane.rowCount) marked"))
        let plan = BulkPlan(action: c.action, marked: pane.markedRecords())
        try #require(!plan.items.isEmpty)

        let before = try await harness.mutationsPerRecord()
        if !c.faults.isEmpty { try await harness.setFaults(c.faults) }
        await live.press(c.key)
        let dialog = try #require(live.model.snapshot().dialog)
        #expect(dialog.lines.contains { $0.text.hasPrefix("\(plan.items.count) invoice") })
        #expect(dialog.focusedButton == 0, "Cancel is focused")
        await live.pressMovingTheClock("right", "enter")
        try await harness.setFaults("")
        let after = try await harness.mutationsPerRecord()

        let results = try #require(live.model.top?.focused as? BulkResultPane).results
        #expect(results.map { $0.invoice.id } == plan.items.map { $0.id }, "one result per invoice sent, in plan order")
        func applied(_ id: String) -> Int { after["invoice:\(id)", default: 0] - before["invoice:\(id)", default: 0] }
        for skip in plan.skipped { #expect(applied(skip.invoice.id) == 0, "skipped \(skip.invoice.number) was acted on") }
        for result in results {
            let n = applied(result.invoice.id)
            switch result.outcome {
            case .succeeded: #expect(n == 1, "\(result.invoice.number) succeeded but was applied \(n) times")
            case .refused: #expect(n == 0, "\(result.invoice.number) was refused but applied")
            case .unknown: #expect(n <= 1, "\(result.invoice.number) applied \(n) times")
            case .failed, .notSent: Issue.record("unexpected \(result.outcome) for \(result.invoice.number)")
            }
        }
        if c.faults.isEmpty {
            #expect(results.allSatisfy { $0.outcome.name == "succeeded" }, "\(results.map(\.outcome))")
        }
        // The result table as JSON (`y`), and saved as NDJSON (`:w FILE`).
        await live.press("y")
        if case let .text(text) = live.focused.content { #expect(text.lines.first?.text == "[") } else { Issue.record("y shows no JSON") }
        let file = live.directory.appendingPathComponent("results.ndjson")
        try FileManager.default.createDirectory(at: live.directory, withIntermediateDirectories: true)
        await live.command("w \(file.path)")
        let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == results.count)
    }

    @Test func downloadPDFsOfMarkedInvoicesUnderFaults() async throws {
        let harness = try await SandboxHarness.start(options: SandboxOptions(customers: 12, referenceDate: Date(timeIntervalSince1970: 1_795_262_400)))
        let live = try await SandboxFlowTests.start(server: harness.server, client: harness.client, perPage: 5)
        defer { Task { await live.stop(); await harness.stop() } }
        await live.command("inv status=finalized")
        await live.press("space", "space", "space", "space", "space", "space")
        try await harness.setFaults(Self.faults)
        await live.pressMovingTheClock("D", "right", "enter")
        try await harness.setFaults("")
        let results = try #require(live.model.top?.focused as? BulkResultPane).results
        #expect(results.count == 6, "every marked invoice has a result")
        let folder = live.directory.appendingPathComponent("pdf")
        for result in results {
            switch result.outcome {
            case let .succeeded(path?):
                let head = try FileHandle(forReadingFrom: URL(fileURLWithPath: path)).read(upToCount: 5)
                #expect(head == Data("%PDF-".utf8), "\(path) is a whole PDF")
            case .succeeded(nil): Issue.record("a download without its file")
            default: #expect(!result.outcome.message.isEmpty, "a failed download says why")
            }
        }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        #expect(names.allSatisfy { $0.hasSuffix(".pdf") }, "no partial or temporary file is left: \(names)")
    }

    @Test func downloadPDFsOfMarkedInvoices() async throws {
        let harness = try await SandboxHarness.start(options: SandboxOptions(customers: 12, referenceDate: Date(timeIntervalSince1970: 1_795_262_400)))
        let live = try await SandboxFlowTests.start(server: harness.server, client: harness.client, perPage: 5)
        defer { Task { await live.stop(); await harness.stop() } }
        await live.command("inv status=finalized")
        await live.press("space", "space", "space")
        await live.press("D", "right", "enter")
        let results = try #require(live.model.top?.focused as? BulkResultPane).results
        #expect(results.count == 3)
        for result in results {
            guard case let .succeeded(path?) = result.outcome else { Issue.record("\(result.outcome)"); continue }
            #expect(FileManager.default.fileExists(atPath: path))
        }
    }
}
