import Foundation
import GRDB
import LagoAPI
import Synchronization
import Testing

@testable import PageCache

/// A fresh directory under the system temp dir, removed by `remove()`.
struct TempDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("lagotui-cache-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func remove() {
        try? FileManager.default.removeItem(at: url)
    }
}

/// A clock the test moves by hand.
final class TestClock: Sendable {
    private let current = Mutex(Date(timeIntervalSince1970: 1_790_000_000))

    var now: Date { current.withLock { $0 } }

    func advance(by seconds: TimeInterval) {
        current.withLock { $0 = $0.addingTimeInterval(seconds) }
    }

    var function: @Sendable () -> Date { { [self] in now } }
}

/// A scripted fetcher: answers pages and objects from a table, can fail, counts calls, and can
/// hold fetches at a gate until the test opens it.
final class FakeFetcher: PageFetching {
    struct State {
        var pages: [PageKey: RawPage] = [:]
        var objects: [ObjectKey: Data] = [:]
        var failure: (any Error)?
        var calls: [String] = []
        var gate: [CheckedContinuation<Void, Never>]? = nil
    }

    let state = Mutex(State())

    func setPage(_ key: PageKey, _ page: RawPage) { state.withLock { $0.pages[key] = page } }
    func setObject(_ key: ObjectKey, _ json: Data) { state.withLock { $0.objects[key] = json } }
    func fail(with error: (any Error)?) { state.withLock { $0.failure = error } }
    var callCount: Int { state.withLock { $0.calls.count } }

    /// From now on, fetches wait until `openGate()`.
    func closeGate() { state.withLock { $0.gate = [] } }

    func openGate() {
        let waiting = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            defer { state.gate = nil }
            return state.gate ?? []
        }
        for continuation in waiting { continuation.resume() }
    }

    private func passGate() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let held = state.withLock { state -> Bool in
                guard state.gate != nil else { return false }
                state.gate?.append(continuation)
                return true
            }
            if !held { continuation.resume() }
        }
    }

    func fetch(_ key: PageKey) async throws -> RawPage {
        state.withLock { $0.calls.append(key.description) }
        await passGate()
        let (page, failure) = state.withLock { ($0.pages[key], $0.failure) }
        if let failure { throw failure }
        guard let page else { throw LagoError.notFound(nil) }
        return page
    }

    func fetchObject(_ key: ObjectKey) async throws -> Data {
        state.withLock { $0.calls.append(key.description) }
        await passGate()
        let (json, failure) = state.withLock { ($0.objects[key], $0.failure) }
        if let failure { throw failure }
        guard let json else { throw LagoError.notFound(nil) }
        return json
    }
}

/// Realistic Lago JSON, shaped like the API's responses.
enum Fixtures {
    static func json(_ object: [String: Any]) -> Data {
        try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
    }

    static func customer(_ n: Int, name: String? = nil, email: String? = nil) -> Data {
        json([
            "lago_id": "1a901a90-1a90-1a90-1a90-\(String(format: "%012d", n))",
            "external_id": "cus_\(String(format: "%05d", n))",
            "name": name ?? "Customer \(n)",
            "email": email ?? "billing\(n)@example.com",
            "currency": "EUR", "country": "FR", "timezone": "Europe/Paris",
            "created_at": "2026-01-0\(n % 9 + 1)T10:00:00Z",
            "billing_configuration": ["payment_provider": "stripe", "invoice_grace_period": 3],
        ])
    }

    static func invoice(_ n: Int, status: String = "finalized", customer: Int = 1) -> Data {
        json([
            "lago_id": "5eb02857-a71e-4ea2-bcf9-\(String(format: "%012d", n))",
            "sequential_id": n,
            "number": "INV-\(String(format: "%03d", customer))-\(String(format: "%06d", n))",
            "issuing_date": "2026-03-01", "payment_due_date": "2026-03-31",
            "invoice_type": "subscription", "status": status, "payment_status": "pending",
            "currency": "EUR", "fees_amount_cents": 10_000 + n, "taxes_amount_cents": 2_000,
            "total_amount_cents": 12_000 + n, "net_payment_term": 30,
            "customer": ["lago_id": "1a901a90-1a90-1a90-1a90-\(String(format: "%012d", customer))",
                         "external_id": "cus_\(String(format: "%05d", customer))", "name": "Customer \(customer)"],
            "fees": [["lago_id": "fee-\(n)", "amount_cents": 10_000 + n, "item": ["code": "seats", "type": "charge"]]],
        ])
    }

    static func subscription(_ n: Int, plan: String) -> Data {
        json([
            "lago_id": "b7ab2926-1de8-4428-9bcd-\(String(format: "%012d", n))",
            "external_id": "sub_\(String(format: "%05d", n))", "plan_code": plan, "status": "active",
            "external_customer_id": "cus_\(String(format: "%05d", n))", "billing_time": "calendar",
        ])
    }

    static func plan(_ code: String) -> Data {
        json(["lago_id": "plan-\(code)", "code": code, "name": "Plan \(code)", "interval": "monthly", "amount_cents": 4_900])
    }

    static func meta(page: Int = 1, totalPages: Int = 1, totalCount: Int) -> PageMeta {
        PageMeta(
            currentPage: page, nextPage: page < totalPages ? page + 1 : nil, prevPage: page > 1 ? page - 1 : nil,
            totalPages: totalPages, totalCount: totalCount)
    }

    static func page(_ items: [Data], page: Int = 1, totalPages: Int = 1) -> RawPage {
        RawPage(meta: meta(page: page, totalPages: totalPages, totalCount: items.count * totalPages), items: items)
    }
}

/// Everything one test needs: a temp dir, a clock, a fetcher and a cache on them.
struct CacheFixture {
    let directory: TempDirectory
    let clock = TestClock()
    let fetcher = FakeFetcher()

    init() throws { directory = try TempDirectory() }

    func configuration(maxBytes: Int = 256 * 1024 * 1024, profile: String = "test") -> CacheConfiguration {
        CacheConfiguration(directory: directory.url, profile: profile, maxBytes: maxBytes, now: clock.function)
    }

    func makeCache(
        maxBytes: Int = 256 * 1024 * 1024, profile: String = "test",
        prepareConnection: (@Sendable (Database) throws -> Void)? = nil,
        onJoin: (@Sendable (FetchCoordinator.FlightKey) -> Void)? = nil
    ) -> PageCache {
        PageCache(
            configuration: configuration(maxBytes: maxBytes, profile: profile), fetcher: fetcher,
            prepareConnection: prepareConnection, onJoin: onJoin)
    }
}

/// Collects a read's whole stream.
func collect<Value>(_ stream: AsyncStream<CacheUpdate<Value>>) async -> [CacheUpdate<Value>] {
    var updates: [CacheUpdate<Value>] = []
    for await update in stream { updates.append(update) }
    return updates
}

extension CacheUpdate {
    var kind: String {
        switch self {
        case .cached: "cached"
        case .fresh: "fresh"
        case .failed(_, let cached): cached == nil ? "failed" : "failed+cached"
        }
    }
}

