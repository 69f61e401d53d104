import LagoAPI
import BrowserModel
import Foundation
import TerminalUI

/// Scenario: on-call collections. `*` on a list of N invoices whose pages have all arrived
/// (marks and per-currency totals on screen), and key to frame while a bulk payment retry of
/// 1,000 invoices is in flight (its progress panel hidden, the cursor moving in the list).
@MainActor
enum CollectionsBench {
    static func run(size: Int, templates: [InvoiceTemplate], report: BenchReport) async throws {
        try await markAll(size: size, templates: templates, report: report)
        try await keysDuringBulk(templates: templates, report: report)
    }

    /// Opens the invoice list and loads every page.
    static func loadedList(_ harness: FrameHarness, size: Int) async throws {
        let model = harness.model
        model.handle(.run("invoices"))
        await model.idle()
        while let table = harness.frame().focusedTable, table.totalRows < size {
            harness.press(.end)
            await model.idle()
            if let after = harness.frame().focusedTable, after.totalRows == table.totalRows, !after.hasMore { break }
        }
        guard harness.frame().focusedTable?.totalRows == size else { throw BenchError("collections: the list did not load \(size) invoices") }
        harness.press(.home)
    }

    static func markAll(size: Int, templates: [InvoiceTemplate], report: BenchReport) async throws {
        let harness = await FrameHarness.invoiceBrowser(size: size, templates: templates)
        try await loadedList(harness, size: size)
        var samples: [Double] = []
        for _ in 0..<5 {
            harness.press(KeyPress("u"))
            let start = BenchClock.now()
            let snapshot = harness.press(KeyPress("*"))
            samples.append(BenchClock.milliseconds(since: start))
            guard snapshot.focusedPane?.countText.contains("\(size) marked") == true else {
                throw BenchError("collections: * did not mark \(size): \(snapshot.focusedPane?.countText ?? "")")
            }
        }
        report.add("collections.mark_all.\(size)", BenchStats.percentile(samples, 50) ?? .nan, "ms", below: 300,
                   note: "* on \(size) loaded invoices: marks, totals per currency and the frame showing them (median of 5)")
    }

    static func keysDuringBulk(templates: [InvoiceTemplate], report: BenchReport) async throws {
        // Only templates a payment retry applies to, so all 1,000 invoices are sent.
        let retryable = templates.filter { template in
            (try? JSONValue.parse(template.instantiate(0))).map { BulkAction.retryPayment.availability(InvoiceFacts($0)).isEnabled } ?? false
        }
        guard !retryable.isEmpty else { throw BenchError("collections: no retryable invoice among the sandbox templates") }
        let size = 1_000
        let harness = await FrameHarness.invoiceBrowser(size: size, templates: retryable, mutationDelay: .milliseconds(5))
        try await loadedList(harness, size: size)
        harness.press(KeyPress("*"))
        harness.press(KeyPress("P"))
        guard harness.frame().dialog != nil else { throw BenchError("collections: no confirmation for the bulk retry") }
        harness.press(.right)
        harness.press(.enter)
        // The progress panel opens with Hide focused: Enter hides it and the run goes on.
        harness.press(.enter)
        var samples: [Double] = []
        var down = true
        while harness.model.isBusy && samples.count < 5_000 {
            let start = BenchClock.now()
            harness.press(down ? .down : .up)
            samples.append(BenchClock.milliseconds(since: start))
            if samples.count % 50 == 0 { down.toggle() }
            await Task.yield()
        }
        await harness.model.idle()
        let finished = harness.frame()
        guard finished.body.panes.first?.title.contains("results") == true else {
            throw BenchError("collections: the bulk run did not end in its result table")
        }
        report.add("collections.keys_during_bulk_1000.p99", BenchStats.percentile(samples, 99) ?? .nan, "ms", below: 8,
                   note: "cursor keys to frame while a payment retry of 1,000 invoices runs (5 ms a request, 4 at a time), \(samples.count) keys")
    }
}
