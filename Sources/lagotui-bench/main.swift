import BrowserModel
import Foundation
import LagoAPI
import TerminalUI

// lagotui-bench: the paths people feel, measured side by side in one run against an
// in-process sandbox, each checked against its budget (issue 8). See README "Performance".

let options: BenchOptions
do {
    options = try BenchOptions(arguments: Array(CommandLine.arguments.dropFirst()))
} catch {
    FileHandle.standardError.write(Data((error.description + "\n").utf8))
    exit(error.description == BenchOptions.usage ? 0 : 2)
}

if options.child == "rss" {
    do {
        let figures = try await MemoryBench.child(options: options)
        FileHandle.standardOutput.write(try JSONEncoder().encode(figures))
        exit(0)
    } catch {
        FileHandle.standardError.write(Data("rss child: \(error)\n".utf8))
        exit(1)
    }
}

let report = BenchReport()
let startedAt = Date()
var failures: [String] = []
BenchReport.emit("# lagotui-bench on \(BenchReport.machine()), load average \(BenchReport.loadAverage())\(options.quick ? " (--quick)" : "")")

/// The scenario groups run so far, and which group measured each figure, so that a missed
/// budget can be measured again by running its group once more.
var groups: [(name: String, body: (BenchReport) async throws -> Void)] = []
var groupOfFigure: [String: Int] = [:]

/// Runs one scenario group, turning a failure into a reported (and exit-status) failure.
@MainActor
func scenario(_ name: String, _ body: @escaping (BenchReport) async throws -> Void) async {
    guard options.wants(name) else { return }
    groups.append((name, body))
    let before = report.figures.count
    do {
        try await body(report)
    } catch {
        failures.append("\(name): \(error)")
        report.note("FAILED \(name): \(error)")
    }
    for figure in report.figures[before...] { groupOfFigure[figure.scenario] = groups.count - 1 }
}

var sandbox: BenchSandbox?
var templates: [Data] = []
var invoicesPerCustomer = 5.0
var dashboard: BrowserSnapshot?

do {
    let started = BenchClock.now()
    let live = try await BenchSandbox.start(customers: options.customers)
    sandbox = live
    let stats = try await live.stats()
    invoicesPerCustomer = Double(stats["invoices"] ?? 0) / Double(max(1, stats["customers"] ?? 1))
    templates = try await live.client().rawPage("/invoices", collectionKey: "invoices", page: 1, perPage: 100).items
    report.note("sandbox: \(stats["customers"] ?? 0) customers, \(stats["invoices"] ?? 0) invoices, started in \(Int(BenchClock.milliseconds(since: started))) ms")
} catch {
    failures.append("sandbox: \(error)")
    report.note("FAILED to start the sandbox: \(error)")
}

if let live = sandbox {
    await scenario("first_frame") { report in
        try await FirstFrameBench.run(sandbox: live, options: options, report: report)
    }
    await scenario("render") { report in
        let directory = try TemporaryDirectory("render")
        defer { directory.remove() }
        let stack = try LiveStack(sandbox: live, directory: directory.url)
        stack.model.start()
        _ = await stack.harness.frame(until: LiveStack.customersShown, timeout: .seconds(30))
        await stack.model.idle()
        try await Task.sleep(for: .milliseconds(300))   // the customer panes load after a 150 ms debounce
        await stack.model.idle()
        dashboard = stack.harness.frame()
    }
}

let parsedTemplates = templates.compactMap(InvoiceTemplate.init)
await scenario("keys") { report in
    guard !parsedTemplates.isEmpty else { throw BenchError("no invoice templates from the sandbox") }
    for size in options.listSizes { try await KeystrokeBench.run(size: size, templates: parsedTemplates, report: report) }
}
await scenario("collections") { report in
    guard !parsedTemplates.isEmpty else { throw BenchError("no invoice templates from the sandbox") }
    try await CollectionsBench.run(size: 10_000, templates: parsedTemplates, report: report)
}
await scenario("rss") { report in
    guard !templates.isEmpty else { throw BenchError("no invoice templates from the sandbox") }
    try MemoryBench.run(sizes: options.rssSizes, templates: templates, report: report)
}
await scenario("export") { report in
    for size in options.exportSizes { try await ExportBench.run(size: size, invoicesPerCustomer: invoicesPerCustomer, quick: options.quick, report: report) }
}
await scenario("cache") { report in
    // The page cache's own figures (CacheBenchmarks.swift, by the cache's owner): no network.
    for (name, value, unit) in runCacheBenchmarks() {
        let id: String
        if name.contains("store") {
            id = "cache.write_" + (name.contains("100,000") ? "100k" : "10k") + "_records" + (name.hasSuffix("CPU") ? ".cpu" : "")
        }
        else if name.contains("read") { id = "cache.page_read.median" }
        else if name.contains("FTS") { id = "cache.fts_query_100k.median" }
        else if name.contains("size") { id = "cache.db_size_100k" }
        else { id = "cache." + name.filter { $0.isLetter || $0.isNumber } }
        report.add(id, value, unit, note: name)
    }
}
await scenario("render") { report in
    guard let dashboard else { throw BenchError("no dashboard frame to render") }
    try RenderBench.run(snapshot: dashboard, iterations: options.quick ? 50 : 300, report: report)
}
// A missed budget on a shared machine is measured again before it fails a --quick run: its
// scenario group runs up to `remeasureRounds` more times, every round's figure is printed, and
// the budget fails only when every round misses it (a real regression does).
let remeasureRounds = 2
if options.quick {
    for round in 2...(1 + remeasureRounds) {
        let missedNow = report.missed
        guard !missedNow.isEmpty else { break }
        report.note("re-measuring \(missedNow.map(\.scenario).joined(separator: ", ")): round \(round) of \(1 + remeasureRounds)")
        let retry = BenchReport(linePrefix: "round \(round): ")
        for index in Set(missedNow.compactMap { groupOfFigure[$0.scenario] }).sorted() {
            do { try await groups[index].body(retry) } catch { retry.note("FAILED \(groups[index].name): \(error)") }
        }
        for figure in missedNow {
            if let again = retry.figures.first(where: { $0.scenario == figure.scenario }) { report.remeasured(figure, as: again, round: round) }
        }
    }
}
await sandbox?.stop()

if let path = options.jsonPath {
    do {
        try report.write(to: path, quick: options.quick, startedAt: startedAt)
    } catch {
        failures.append("json: \(error)")
    }
}
report.note("load average at the end: \(BenchReport.loadAverage())")
let missed = report.missed
BenchReport.emit("# budgets: \(report.figures.filter { $0.budget != nil }.count - missed.count) met, \(missed.count) missed\(missed.isEmpty ? "" : ": " + missed.map(\.scenario).joined(separator: ", "))")
for failure in failures { BenchReport.emit("# failed: \(failure)") }
exit(missed.isEmpty && failures.isEmpty ? 0 : 1)
