import Foundation

#if canImport(Glibc)
    import Glibc
#endif
import LagoAPI
import PageCache

/// Page-cache figures for the README: reading a cached page of 100 invoices, storing 10,000
/// invoices, and a full-text query over 100,000 cached records. Each entry is
/// (name, value, unit). Runs in a temporary directory and removes it; needs no network.
public func runCacheBenchmarks() -> [(String, Double, String)] {
    let box = BenchResultBox()
    let done = DispatchSemaphore(value: 0)
    Task {
        box.results = await CacheBenchmarks.run()
        done.signal()
    }
    done.wait()
    return box.results
}

private final class BenchResultBox: @unchecked Sendable {
    var results: [(String, Double, String)] = []
}

enum CacheBenchmarks {
    static func run() async -> [(String, Double, String)] {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("lagotui-cache-bench-\(UUID().uuidString)", isDirectory: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var results: [(String, Double, String)] = []

        // Storing 10,000 invoices: 100 pages of 100 through the cache's fetch-and-store path.
        let invoices = BenchFetcher(resource: "invoices", pages: 100, perPage: 100, item: invoiceJSON)
        let invoiceCache = PageCache(
            configuration: CacheConfiguration(directory: directory, profile: "invoices"), fetcher: invoices)
        let keys = (1...100).map { PageKey(resource: .records(.invoices), page: $0, perPage: 100) }
        let storeStart = ContinuousClock.now
        let storeCPU = processCPUMilliseconds()
        for key in keys { _ = try? await invoiceCache.loadPage(key, refresh: .always) }
        results.append(("cache: store 10,000 invoices (100 pages of 100), wall", milliseconds(ContinuousClock.now - storeStart), "ms"))
        results.append(("cache: store 10,000 invoices (100 pages of 100), CPU", processCPUMilliseconds() - storeCPU, "ms"))

        // Reading one cached page of 100 invoices (median of 200 reads).
        var reads: [Double] = []
        for index in 0..<200 {
            let start = ContinuousClock.now
            let page = await invoiceCache.cachedPage(keys[index % keys.count])
            reads.append(milliseconds(ContinuousClock.now - start))
            precondition(page?.items.count == 100, "cached page missing")
        }
        results.append(("cache: read a cached page of 100 invoices (median)", median(reads), "ms"))

        // Full-text query over 100,000 cached customers (median of 50 queries).
        let customers = BenchFetcher(resource: "customers", pages: 1_000, perPage: 100, item: customerJSON)
        let customerCache = PageCache(
            configuration: CacheConfiguration(directory: directory, profile: "customers"), fetcher: customers)
        let fillStart = ContinuousClock.now
        for page in 1...1_000 {
            _ = try? await customerCache.loadPage(PageKey(resource: .records(.customers), page: page, perPage: 100), refresh: .always)
        }
        results.append(("cache: store 100,000 customers (1,000 pages of 100), wall", milliseconds(ContinuousClock.now - fillStart), "ms"))
        var queries: [Double] = []
        var found = 0
        for index in 0..<50 {
            let term = ["acme \(index * 1_733 % 100_000)", "ops\(index * 977 % 100_000)@", "cus_0\(index % 10)"][index % 3]
            let start = ContinuousClock.now
            found += await customerCache.search(term, limit: 50).count
            queries.append(milliseconds(ContinuousClock.now - start))
        }
        precondition(found > 0, "search found nothing")
        results.append(("cache: FTS query over 100,000 records (median, top 50)", median(queries), "ms"))
        let info = await customerCache.info()
        results.append(("cache: database size with 100,000 customers", Double(info.bytesOnDisk) / 1_048_576, "MB"))
        return results
    }

    static func invoiceJSON(_ n: Int) -> Data {
        json([
            "lago_id": "5eb02857-a71e-4ea2-bcf9-\(String(format: "%012d", n))",
            "sequential_id": n, "number": "INV-\(String(format: "%06d", n))",
            "issuing_date": "2026-03-01", "payment_due_date": "2026-03-31", "invoice_type": "subscription",
            "status": "finalized", "payment_status": "pending", "currency": "EUR",
            "fees_amount_cents": 10_000 + n, "taxes_amount_cents": 2_000, "total_amount_cents": 12_000 + n,
            "customer": ["lago_id": "cust-\(n % 500)", "external_id": "cus_\(n % 500)", "name": "Customer \(n % 500)"],
        ])
    }

    static func customerJSON(_ n: Int) -> Data {
        json([
            "lago_id": "1a901a90-1a90-1a90-1a90-\(String(format: "%012d", n))", "external_id": "cus_\(String(format: "%06d", n))",
            "name": n % 100 == 0 ? "Acme \(n)" : "Customer \(n)", "email": "ops\(n)@example.com",
            "currency": "EUR", "country": "FR", "created_at": "2026-01-01T10:00:00Z",
        ])
    }

    static func json(_ object: [String: Any]) -> Data {
        (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
    }

    static func milliseconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1_000 + Double(duration.components.attoseconds) / 1e15
    }

    /// CPU time of the whole process (all threads), which contention on a shared machine
    /// does not inflate the way it inflates wall time.
    static func processCPUMilliseconds() -> Double {
        var usage = rusage()
        #if os(Linux)
            getrusage(RUSAGE_SELF.rawValue, &usage)
        #else
            getrusage(RUSAGE_SELF, &usage)
        #endif
        let user = Double(usage.ru_utime.tv_sec) * 1_000 + Double(usage.ru_utime.tv_usec) / 1_000
        let system = Double(usage.ru_stime.tv_sec) * 1_000 + Double(usage.ru_stime.tv_usec) / 1_000
        return user + system
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
    }
}

/// Serves pages of raw JSON generated up front (so generating them is not measured), as
/// LagoClient.rawPage would.
private struct BenchFetcher: PageFetching {
    let pages: Int
    let perPage: Int
    let items: [Data]

    init(resource: String, pages: Int, perPage: Int, item: (Int) -> Data) {
        self.pages = pages
        self.perPage = perPage
        self.items = (0..<pages * perPage).map(item)
    }

    func fetch(_ key: PageKey) async throws -> RawPage {
        let first = (key.page - 1) * perPage
        let items = Array(self.items[first..<first + perPage])
        return RawPage(
            meta: PageMeta(
                currentPage: key.page, nextPage: key.page < pages ? key.page + 1 : nil, prevPage: key.page > 1 ? key.page - 1 : nil,
                totalPages: pages, totalCount: pages * perPage),
            items: items)
    }

    func fetchObject(_ key: ObjectKey) async throws -> Data {
        throw LagoError.notFound(nil)
    }
}
