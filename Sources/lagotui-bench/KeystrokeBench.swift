import BrowserModel
import Foundation
import TerminalUI

/// Scenario 2: key to frame on an invoice list holding N records (1k … 1M), on a 200x60 cell
/// buffer: cursor moves, page moves, jumps to the ends, typing a filter (the typed character on
/// screen, and the filtered rows on screen) and clearing it.
@MainActor
enum KeystrokeBench {
    /// The filter typed: narrows N → N → N → N/10 … through the invoice numbers `ZX%07d`.
    static let filterText = "zx0001"

    static func run(size: Int, templates: [InvoiceTemplate], report: BenchReport) async throws {
        let label = "keys.\(size)"
        let harness = await FrameHarness.invoiceBrowser(size: size, templates: templates)
        let model = harness.model

        // Open the invoice list and load every record into it.
        let loadStart = BenchClock.now()
        model.handle(.run("invoices"))
        await model.idle()
        harness.frame()
        while let table = harness.frame().focusedTable, table.totalRows < size {
            harness.press(.end)
            await model.idle()
            if let after = harness.frame().focusedTable, after.totalRows == table.totalRows, !after.hasMore { break }
        }
        let loaded = harness.frame().focusedTable?.totalRows ?? 0
        guard loaded == size else { throw BenchError("\(label): the list holds \(loaded) of \(size) records") }
        report.add("\(label).load", BenchClock.milliseconds(since: loadStart), "ms",
                   note: "all \(size) invoices into the list pane, \(BenchListSource.pageSize) per page, generated in memory from sandbox invoices (not via HTTP)")
        harness.press(.home)

        var samples: [String: [Double]] = [:]
        func key(_ k: KeyPress, _ kind: String) -> BrowserSnapshot {
            let cpu = BenchClock.processCPU()
            let start = BenchClock.now()
            let snapshot = harness.press(k)
            samples[kind, default: []].append(BenchClock.milliseconds(since: start))
            samples[kind + ".cpu", default: []].append(BenchClock.processCPU() - cpu)
            return snapshot
        }
        for _ in 0..<200 { _ = key(.down, "cursor") }
        for _ in 0..<100 { _ = key(.up, "cursor") }
        for _ in 0..<60 { _ = key(.pageDown, "page") }
        for _ in 0..<30 { _ = key(.pageUp, "page") }
        for _ in 0..<20 {
            _ = key(.end, "end")
            _ = key(.home, "end")
        }
        // Typing a filter, then clearing it with backspace and Esc.
        let rounds = size >= 1_000_000 ? 2 : (size >= 100_000 ? 4 : 10)
        for _ in 0..<rounds {
            _ = key(KeyPress("/"), "filter.typed")
            var typed = ""
            for ch in filterText {
                typed.append(ch)
                try await typeAndWait(ch, typed: typed, size: size, harness: harness, samples: &samples)
            }
            while !typed.isEmpty {
                typed.removeLast()
                try await typeAndWait(nil, typed: typed, size: size, harness: harness, samples: &samples)
            }
            let cleared = key(.escape, "filter.clear")
            guard cleared.focusedTable?.totalRows == size else { throw BenchError("\(label): Esc did not clear the filter") }
        }
        for kind in ["cursor", "page", "end", "filter.typed", "filter.clear"] {
            let values = samples[kind] ?? []
            report.add("\(label).\(kind).p50", BenchStats.percentile(values, 50) ?? .nan, "ms")
            report.add("\(label).\(kind).p99", BenchStats.percentile(values, 99) ?? .nan, "ms", below: 8,
                       note: kind == "filter.typed" ? "typed character on screen, \(values.count) keys" : "\(values.count) keys")
            report.add("\(label).\(kind).cpu.p99", BenchStats.percentile(samples[kind + ".cpu"] ?? [], 99) ?? .nan, "ms",
                       note: "process CPU time per key (what the work cost, without waiting for a core)")
        }
        let rowsBudget: Double? = size >= 1_000_000 ? 250 : (size >= 100_000 ? 50 : nil)
        let rows = samples["filter.rows"] ?? []
        report.add("\(label).filter.rows.p50", BenchStats.percentile(rows, 50) ?? .nan, "ms")
        report.add(Figure(scenario: "\(label).filter.rows.max", value: rows.max() ?? .nan, unit: "ms", budget: rowsBudget,
                          comparison: rowsBudget == nil ? nil : .atMost, note: "filtered rows on screen after a keystroke, worst of \(rows.count)"))
    }

    /// Types `ch` (nil: backspace) into the open filter; records the frame that shows the typed
    /// text, then the first frame whose table shows the filtered rows.
    static func typeAndWait(_ ch: Character?, typed: String, size: Int, harness: FrameHarness,
                            samples: inout [String: [Double]]) async throws {
        let expected = BenchListSource.expectedMatches(typed: typed, count: size)
        let cpu = BenchClock.processCPU()
        let start = BenchClock.now()
        let snapshot = harness.press(ch.map { KeyPress.char($0) } ?? .backspace)
        let typedAt = BenchClock.milliseconds(since: start)
        let kind = ch == nil ? "filter.clear" : "filter.typed"
        samples[kind + ".cpu", default: []].append(BenchClock.processCPU() - cpu)
        guard snapshot.prompt?.text == typed else { throw BenchError("typed \(typed) but the prompt shows \(snapshot.prompt?.text ?? "nothing")") }
        samples[kind, default: []].append(typedAt)
        let shown: (BrowserSnapshot) -> Bool = { s in
            guard let table = s.focusedTable, let pane = s.focusedPane else { return false }
            return table.totalRows == expected && (pane.filter ?? "") == typed
        }
        if shown(snapshot) {
            samples["filter.rows", default: []].append(typedAt)
            return
        }
        guard await harness.frame(until: shown, timeout: .seconds(30)) != nil else {
            throw BenchError("filter \(typed): expected \(expected) rows, the table shows \(harness.frame().focusedTable?.totalRows ?? -1)")
        }
        samples["filter.rows", default: []].append(BenchClock.milliseconds(since: start))
    }
}
