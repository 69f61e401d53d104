import BrowserModel
import Foundation
import LagoAPI
import LagotuiCommands
import PageCache
import TerminalUI

/// The app's real stack against the sandbox: libcurl client → page cache in `directory` →
/// `CachedLagoDataSource` → `BrowserModel`, drawn on a 200x60 cell buffer.
@MainActor
struct LiveStack {
    let cache: PageCache
    let model: BrowserModel
    let harness: FrameHarness

    init(sandbox: BenchSandbox, directory: URL, rows: Int = 60, columns: Int = 200) throws {
        let client = try sandbox.client()
        cache = PageCache(configuration: CacheConfiguration(directory: directory, profile: "bench"), fetcher: LagoPageFetcher(client: client))
        let session = BrowserSession(
            profile: ProfileInfo(name: "bench", environment: .test, readOnly: false, apiHost: sandbox.baseURL.host ?? "127.0.0.1"),
            dataSource: CachedLagoDataSource(client: client, cache: cache))
        model = BrowserModel(session: session)
        harness = FrameHarness(model: model, screen: CellBufferScreen(rows: rows, columns: columns))
    }

    /// A frame is "full" once the customers list shows rows (the dashboard's first content).
    static func customersShown(_ snapshot: BrowserSnapshot) -> Bool {
        guard let table = snapshot.table("customers") else { return false }
        return !table.rows.isEmpty
    }
}

/// Scenario 1 (start to first full frame, empty and warm cache) and scenario 3 (keystroke to
/// frame while every request stalls for 5 s).
@MainActor
enum FirstFrameBench {
    static func run(sandbox: BenchSandbox, options: BenchOptions, report: BenchReport) async throws {
        let runs = options.quick ? 3 : 7
        var empty: [Double] = []
        var warm: [Double] = []
        var directories: [TemporaryDirectory] = []
        defer { for d in directories { d.remove() } }
        try await sandbox.setFaults("")
        for _ in 0..<runs {
            let directory = try TemporaryDirectory("first-frame")
            directories.append(directory)
            let start = BenchClock.now()
            let stack = try LiveStack(sandbox: sandbox, directory: directory.url)
            stack.model.start()
            guard await stack.harness.frame(until: LiveStack.customersShown, timeout: .seconds(30)) != nil else {
                throw BenchError("no customers on screen within 30 s (empty cache)")
            }
            empty.append(BenchClock.milliseconds(since: start))
            await stack.model.idle()
        }
        // Warm: the same cache directories, every API answer delayed 5 s. A frame before
        // 5 s can only come from the cache.
        try await sandbox.setFaults("latency:5000ms")
        for directory in directories {
            let start = BenchClock.now()
            let stack = try LiveStack(sandbox: sandbox, directory: directory.url)
            stack.model.start()
            guard await stack.harness.frame(until: LiveStack.customersShown, timeout: .seconds(4)) != nil else {
                throw BenchError("no customers on screen within 4 s from a warm cache (did it wait for the network?)")
            }
            warm.append(BenchClock.milliseconds(since: start))
        }
        report.add("first_frame.empty.cold", empty[0], "ms", note: "first run in this process (runtime warm-up included)")
        report.add("first_frame.empty.median", BenchStats.median(empty)!, "ms", below: 150,
                   note: "\(runs) runs, fresh cache each, \(options.customers) customers, 200x60 cell buffer")
        report.add("first_frame.warm.median", BenchStats.median(warm)!, "ms", below: 50,
                   note: "sandbox latency 5 s: the frame came from the cache")
        report.add("first_frame.warm.max", warm.max()!, "ms")

        try await stalledKeys(sandbox: sandbox, directory: directories[0].url, options: options, report: report)
        try await sandbox.setFaults("")
    }

    /// Keys on the dashboard while every request hangs for 5 s (a refresh is in flight and the
    /// customer panes are loading): the UI must answer from what it has.
    static func stalledKeys(sandbox: BenchSandbox, directory: URL, options: BenchOptions, report: BenchReport) async throws {
        let stack = try LiveStack(sandbox: sandbox, directory: directory)
        stack.model.start()
        guard await stack.harness.frame(until: LiveStack.customersShown, timeout: .seconds(4)) != nil else {
            throw BenchError("no customers on screen from the warm cache")
        }
        let before = try await sandbox.totalRequests()
        let harness = stack.harness
        var samples: [Double] = []
        var cpuSamples: [Double] = []
        func key(_ k: KeyPress) {
            let cpu = BenchClock.processCPU()
            let start = BenchClock.now()
            harness.press(k)
            samples.append(BenchClock.milliseconds(since: start))
            cpuSamples.append(BenchClock.processCPU() - cpu)
        }
        key(KeyPress("ctrl-r"))
        let rounds = options.quick ? 3 : 10
        for round in 0..<rounds {
            for _ in 0..<8 { key(.down) }
            // Let the selection debounce fire so the customer's panes start (stalled) loads.
            try await Task.sleep(for: .milliseconds(200))
            harness.frame()
            key(.tab)
            key(.down)
            key(.pageDown)
            key(.backTab)
            key(KeyPress("/"))
            for ch in "ac" { key(.char(ch)) }
            key(.backspace)
            key(.escape)
            if round % 3 == 2 { key(.up) }
        }
        let busy = stack.model.isBusy
        let after = try await sandbox.totalRequests()
        report.add("keys.stalled.p50", BenchStats.percentile(samples, 50)!, "ms")
        report.add("keys.stalled.p99", BenchStats.percentile(samples, 99)!, "ms", below: 8,
                   note: "\(samples.count) keys, sandbox latency 5 s, requests in flight: \(busy ? "yes" : "no"), \(after - before) requests reached the sandbox")
        report.add("keys.stalled.cpu.p99", BenchStats.percentile(cpuSamples, 99)!, "ms",
                   note: "process CPU time per key (includes the sandbox's and libcurl's threads)")
        report.add("keys.stalled.max", samples.max()!, "ms")
    }
}
