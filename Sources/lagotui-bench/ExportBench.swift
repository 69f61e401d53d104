import Foundation
import LagoAPI

/// Scenario 5: a full export of N invoices (pages 2…N fetched concurrently, delivered in
/// order, every record written as NDJSON to a file), measured three ways against one sandbox
/// in one run: the `lagotui export` binary a user runs (process start included), the same
/// export in this process, and the serving limit as an external client sees it — curl
/// fetching the same pages with the same concurrency (8) into files, and wrk hammering them.
/// The export's ratio is against curl, so it cannot beat "the limit" by more than noise.
enum ExportBench {
    static let perPage = 100
    static let concurrency = 8

    static func run(size: Int, invoicesPerCustomer: Double, quick: Bool, report: BenchReport) async throws {
        let customers = BenchSandbox.customers(forInvoices: size, invoicesPerCustomer: invoicesPerCustomer)
        let (sandbox, seed) = try await BenchClock.timeAsync { try await BenchSandbox.start(customers: customers) }
        defer { Task { await sandbox.stop() } }
        let invoices = try await sandbox.stats()["invoices"] ?? 0
        let label = "export.\(size)"
        report.note("\(label): sandbox with \(customers) customers, \(invoices) invoices, seeded in \(Int(seed)) ms, load average \(BenchReport.loadAverage())")

        // Warm up connections and the sandbox's code paths.
        _ = try await serve(sandbox: sandbox, pages: 5, concurrency: concurrency)
        let totalPages = (invoices + perPage - 1) / perPage
        let directory = try TemporaryDirectory("export")
        defer { directory.remove() }
        let file = directory.url.appendingPathComponent("invoices.ndjson")
        let external = ExternalClients(sandbox: sandbox, pages: totalPages, directory: directory.url)
        let binary = LagotuiBinary.next(to: CommandLine.arguments[0])
        if external.curl == nil { report.note("\(label): curl is not installed (scripts/setup installs it): no external limit") }
        if binary == nil { report.note("\(label): no lagotui binary next to lagotui-bench (scripts/bench builds it): binary not timed") }

        // A small export is over in tens of milliseconds, where one descheduling on a shared
        // machine moves a ratio by 20 points: small sizes take the best of three rounds of
        // each (alternating, so a burst of load elsewhere hits all alike), large ones one.
        let rounds = invoices < 20_000 ? 3 : 1
        var curlBest: ChildRun?, binaryBest: ChildRun?, csvBest: ChildRun?
        var inProcessTime = Double.infinity
        func best(_ a: ChildRun?, _ b: ChildRun) -> ChildRun { a.map { $0.wallMilliseconds <= b.wallMilliseconds ? $0 : b } ?? b }
        for _ in 0..<rounds {
            if let curl = external.curl { curlBest = best(curlBest, try await ChildProcess.run(curl)) }
            if let binary {
                let run = try await ChildProcess.run(binary.export(to: file.path, format: "ndjson"), environment: binary.environment(sandbox, home: directory.url))
                try check(lines(in: file) == invoices, "\(label): the lagotui binary exported \(lines(in: file)) of \(invoices) invoices")
                binaryBest = best(binaryBest, run)
                let csv = directory.url.appendingPathComponent("invoices.csv")
                csvBest = best(csvBest, try await ChildProcess.run(binary.export(to: csv.path, format: "csv"), environment: binary.environment(sandbox, home: directory.url)))
            }
            let (written, time) = try await BenchClock.timeAsync { try await export(sandbox: sandbox, to: file) }
            try check(written == invoices, "\(label): exported \(written) of \(invoices) invoices")
            inProcessTime = min(inProcessTime, time)
        }
        let of = rounds > 1 ? ", best of \(rounds)" : ""
        func rate(_ milliseconds: Double) -> Double { Double(invoices) / (milliseconds / 1_000) }
        func cpu(_ run: ChildRun) -> String { "\(Int(run.wallMilliseconds)) ms wall, \(Int(run.cpuMilliseconds)) ms CPU" }
        if let curlBest {
            report.add("\(label).curl.records_per_second", rate(curlBest.wallMilliseconds), "records/s",
                       note: "curl --parallel --parallel-max \(concurrency), \(totalPages) pages of \(perPage) into files: \(cpu(curlBest))\(of)")
        }
        if let wrk = external.wrk(seconds: quick ? 1 : 2) {
            let run = try await ChildProcess.run(wrk)
            if let requests = ExternalClients.wrkRequestsPerSecond(run.output) {
                report.add("\(label).wrk.records_per_second", requests * Double(invoices) / Double(totalPages), "records/s",
                           note: "wrk, \(concurrency) connections cycling the same pages for \(quick ? 1 : 2) s: \(Int(requests)) pages/s, \(Int(run.cpuMilliseconds)) ms CPU")
            }
        }
        if let binaryBest {
            report.add("\(label).binary.records_per_second", rate(binaryBest.wallMilliseconds), "records/s",
                       note: "lagotui export invoices --output FILE (process start included): \(cpu(binaryBest))\(of)")
        }
        if let csvBest, let binaryBest {
            report.add("\(label).binary.csv_vs_ndjson", csvBest.wallMilliseconds / binaryBest.wallMilliseconds, "x", below: 1.3,
                       note: "--format csv: \(cpu(csvBest))\(of)")
        }
        report.add("\(label).records_per_second", rate(inProcessTime), "records/s", note: "in process, \(invoices) invoices in \(Int(inProcessTime)) ms to NDJSON\(of)")
        if let curlBest, let binaryBest {
            report.add("\(label).binary_vs_curl.cpu", binaryBest.cpuMilliseconds / max(1, curlBest.cpuMilliseconds), "x", below: 4,
                       note: "CPU of the lagotui export / CPU of curl for the same pages")
            // A regression guard, below what a run here gives (79-91 % on 2 shared cores): issue
            // 17 asks for wall time within 1.1x curl's (91 %), which this does not reach yet.
            report.add(Figure(scenario: "\(label).ratio", value: curlBest.wallMilliseconds / binaryBest.wallMilliseconds * 100, unit: "%",
                              budget: 75, comparison: .atLeast,
                              note: "lagotui export binary's rate / curl's rate on the same pages (wall \(String(format: "%.2f", binaryBest.wallMilliseconds / curlBest.wallMilliseconds))x curl's; issue 17's target is 1.10x)"))
        }
    }

    static func check(_ condition: Bool, _ message: @autoclosure () -> String) throws {
        if !condition { throw BenchError(message()) }
    }

    static func lines(in file: URL) -> Int {
        guard let data = try? Data(contentsOf: file) else { return -1 }
        return data.reduce(0) { $1 == 0x0A ? $0 + 1 : $0 }
    }

    /// Fetches pages 1…`pages` raw with `concurrency` in flight; returns the records received.
    static func serve(sandbox: BenchSandbox, pages: Int, concurrency: Int) async throws -> Int {
        let client = try sandbox.client(maxConcurrentRequests: concurrency)
        return try await withThrowingTaskGroup(of: Int.self) { group in
            var next = 1
            var total = 0
            for _ in 0..<min(concurrency, pages) {
                let page = next
                group.addTask { try await client.rawPage("/invoices", collectionKey: "invoices", page: page, perPage: perPage).items.count }
                next += 1
            }
            while let count = try await group.next() {
                total += count
                if next <= pages {
                    let page = next
                    group.addTask { try await client.rawPage("/invoices", collectionKey: "invoices", page: page, perPage: perPage).items.count }
                    next += 1
                }
            }
            return total
        }
    }

    /// The export path: the client's ordered concurrent paging, each record written as one
    /// NDJSON line through a buffered file handle.
    static func export(sandbox: BenchSandbox, to file: URL) async throws -> Int {
        let client = try sandbox.client(pageConcurrency: 8, maxConcurrentRequests: 8)
        guard FileManager.default.createFile(atPath: file.path, contents: nil) else { throw BenchError("cannot create \(file.path)") }
        let handle = try FileHandle(forWritingTo: file)
        defer { try? handle.close() }
        var buffer = Data()
        var count = 0
        for try await page in client.allRawPages("/invoices", collectionKey: "invoices", perPage: perPage) {
            for item in page.items {
                buffer.append(item)
                buffer.append(0x0A)
            }
            count += page.items.count
            if buffer.count > 1 << 20 {
                try handle.write(contentsOf: buffer)
                buffer.removeAll(keepingCapacity: true)
            }
        }
        try handle.write(contentsOf: buffer)
        return count
    }
}

extension BenchClock {
    static func timeAsync<T>(_ body: () async throws -> T) async rethrows -> (T, Double) {
        let start = now()
        let value = try await body()
        return (value, milliseconds(since: start))
    }
}
