import BrowserModel
import Foundation
import LagoAPI
import LagoAPI

/// A data source over records held in memory, with scripted failures and a call log. Tests
/// of the browser and of the terminal front end use it instead of a network; it filters,
/// searches and pages like Lago does for the filters the browser sends.
public actor InMemoryDataSource: BrowserDataSource {
    /// What the fake was asked, in order ("list invoices p1", "perform finalize inv_1"…).
    public private(set) var calls: [String] = []
    private var records: [ResourceKind: [JSONValue]] = [:]
    private var listFailures: [ResourceKind: [BrowserDataError]] = [:]
    private var mutationScript: [String: [Result<Data?, BrowserDataError>]] = [:]
    private var recordFailures: [String: BrowserDataError] = [:]
    private var usage: [String: [Result<Data, BrowserDataError>]] = [:]
    private var projected: [String: Result<Data, BrowserDataError>] = [:]
    private var overdue: Result<Data, BrowserDataError> = .success(Data("[]".utf8))
    private var analyticsAnswers: [AnalyticsSeries: Result<Data, BrowserDataError>] = [:]
    private var holds: [CheckedContinuation<Void, Never>] = []
    private var holding = false
    private var cachedHits: [ResourceKind: [Data]] = [:]
    private var readHolds: [CheckedContinuation<Void, Never>] = []
    private var holdingReads = false
    /// When false, pages carry no total count (the browser must say "N+").
    public var reportsTotals = true
    /// When true, each page is first delivered as a cached copy, then fresh.
    public var deliversCachedFirst = false

    public init() {}

    /// Sets whether pages carry a total count.
    public func setReportsTotals(_ value: Bool) { reportsTotals = value }

    /// Sets whether pages are first delivered as a cached copy.
    public func setCachedFirst(_ value: Bool) { deliversCachedFirst = value }

    // MARK: scripting

    /// Adds records of `resource` (JSON objects as text), in API order; `atFront` puts them
    /// first (a newer record, as Lago lists newest first).
    public func add(_ resource: ResourceKind, _ jsonObjects: [String], atFront: Bool = false) {
        let values = jsonObjects.compactMap { try? JSONValue.parse($0) }
        if atFront { records[resource, default: []].insert(contentsOf: values, at: 0) } else { records[resource, default: []] += values }
    }

    /// Replaces one stored record (matched by `lago_id`).
    public func update(_ resource: ResourceKind, _ json: String) {
        guard let v = try? JSONValue.parse(json), let id = v.string("lago_id") else { return }
        if let i = records[resource]?.firstIndex(where: { $0.string("lago_id") == id }) { records[resource]?[i] = v }
    }

    /// The next list request for `resource` fails with `error`.
    public func failNextList(_ resource: ResourceKind, _ error: BrowserDataError) {
        listFailures[resource, default: []].append(error)
    }

    /// Scripts the answer to the next mutation of this kind (`"finalize"`, `"refresh"`,
    /// `"retry"`, `"void"`, `"topup"`); otherwise mutations apply to the stored records.
    public func scriptMutation(_ kind: String, _ result: Result<Data?, BrowserDataError>) {
        mutationScript[kind, default: []].append(result)
    }

    /// Makes reading a record fail.
    public func failRecord(_ key: String, _ error: BrowserDataError?) { recordFailures[key] = error }

    /// Queues current-usage answers for a subscription; the last one repeats.
    public func scriptUsage(_ subscription: String, _ answers: [Result<String, BrowserDataError>]) {
        usage[subscription, default: []] += answers.map { $0.map { Data($0.utf8) } }
    }

    /// Sets the projected-usage answer for a subscription (default: not supported).
    public func scriptProjected(_ subscription: String, _ answer: Result<String, BrowserDataError>) {
        projected[subscription] = answer.map { Data($0.utf8) }
    }

    /// Sets the analytics overdue balances (a JSON array as text) or a failure.
    /// What `analytics(series)` answers (an empty array when not scripted).
    public func scriptAnalytics(_ series: AnalyticsSeries, _ answer: Result<String, BrowserDataError>) {
        analyticsAnswers[series] = answer.map { Data($0.utf8) }
    }

    public func analytics(_ series: AnalyticsSeries, query: [URLQueryItem], forceRefresh: Bool) async throws -> Data {
        calls.append("analytics \(series.rawValue) " + query.map { "\($0.name)=\($0.value ?? "")" }.joined(separator: "&"))
        return try (analyticsAnswers[series] ?? .success(Data("[]".utf8))).get()
    }

    public func scriptOverdue(_ answer: Result<String, BrowserDataError>) {
        overdue = answer.map { Data($0.utf8) }
    }

    /// From now on every call waits until `release()` (to observe in-flight states).
    public func hold() { holding = true }

    /// Lets held calls continue.
    public func release() {
        holding = false
        let waiting = holds
        holds = []
        for h in waiting { h.resume() }
    }

    /// From now on single-record reads wait until `releaseReads()`.
    public func holdReads() { holdingReads = true }

    /// Lets held record reads continue.
    public func releaseReads() {
        holdingReads = false
        let waiting = readHolds
        readHolds = []
        for h in waiting { h.resume() }
    }

    /// Number of calls whose log line starts with `prefix`.
    public func count(_ prefix: String) -> Int { calls.filter { $0.hasPrefix(prefix) }.count }

    private func gate() async {
        if holding { await withCheckedContinuation { holds.append($0) } }
    }

    // MARK: BrowserDataSource

    public nonisolated func listPage(_ request: ListRequest, page: Int, perPage: Int, forceRefresh: Bool) -> AsyncThrowingStream<ListPageResult, any Error> {
        AsyncThrowingStream { continuation in
            let task = Task {
                do {
                    let results = try await self.list(request, page: page, perPage: perPage)
                    for r in results { continuation.yield(r) }
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: error)
                }
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }

    private func list(_ request: ListRequest, page: Int, perPage: Int) async throws -> [ListPageResult] {
        calls.append("list \(request.resource.rawValue) p\(page)" + (request.searchTerm.map { " search=\($0)" } ?? ""))
        await gate()
        if var failures = listFailures[request.resource], !failures.isEmpty {
            let e = failures.removeFirst()
            listFailures[request.resource] = failures
            throw e
        }
        let all = (records[request.resource] ?? []).filter { matches($0, request) }
        let start = (page - 1) * perPage
        let slice = start < all.count ? Array(all[start..<min(all.count, start + perPage)]) : []
        let next = start + perPage < all.count ? page + 1 : nil
        let items = slice.map { Data($0.prettyPrinted().utf8) }
        let fresh = ListPageResult(items: items, page: page, nextPage: next, totalCount: reportsTotals ? all.count : nil)
        if deliversCachedFirst {
            var cached = fresh
            cached.freshness = .cached(age: 60)
            return [cached, fresh]
        }
        return [fresh]
    }

    private func matches(_ item: JSONValue, _ request: ListRequest) -> Bool {
        for f in request.filters {
            let value: String?
            switch f.name {
            case "external_customer_id": value = item.string("external_customer_id") ?? item.string("customer.external_id")
            case "wallet_id": value = item.string("lago_wallet_id")
            default: value = item.string(f.name)
            }
            guard let value, f.values.contains(value) else { return false }
        }
        if let term = request.searchTerm?.lowercased(), !term.isEmpty {
            return item.prettyPrinted().lowercased().contains(term)
        }
        return true
    }

    public func record(_ resource: ResourceKind, key: String, forceRefresh: Bool) async throws -> Data {
        calls.append("get \(resource.rawValue) \(key)")
        await gate()
        if holdingReads { await withCheckedContinuation { readHolds.append($0) } }
        if let e = recordFailures[key] { throw e }
        guard let found = (records[resource] ?? []).first(where: { resource.lookupKey(of: $0) == key }) else {
            throw BrowserDataError.refused(status: 404, code: "\(resource.singular.replacingOccurrences(of: " ", with: "_"))_not_found", message: "Not Found")
        }
        return Data(found.prettyPrinted().utf8)
    }

    public func perform(_ mutation: BrowserMutation) async throws -> Data? {
        let (kind, id): (String, String)
        switch mutation {
        case let .finalizeInvoice(i): (kind, id) = ("finalize", i)
        case let .refreshInvoice(i): (kind, id) = ("refresh", i)
        case let .retryInvoicePayment(i): (kind, id) = ("retry", i)
        case let .voidInvoice(i): (kind, id) = ("void", i)
        case let .topUpWallet(w, paid, granted):
            (kind, id) = ("topup", w + " paid=\(paid.map { "\($0)" } ?? "-") granted=\(granted.map { "\($0)" } ?? "-")")
        case let .createPaymentRequest(customer, invoices, email):
            (kind, id) = ("payreq", customer + " " + invoices.joined(separator: ",") + " email=\(email ?? "-")")
        }
        calls.append("perform \(kind) \(id)")
        await gate()
        if var script = mutationScript[kind], !script.isEmpty {
            let r = script.removeFirst()
            mutationScript[kind] = script
            return try r.get()
        }
        switch mutation {
        case let .finalizeInvoice(i): return setInvoice(i, ["status": .string("finalized"), "payment_status": .string("pending")])
        case let .refreshInvoice(i): return setInvoice(i, [:])
        case .retryInvoicePayment: return nil
        case let .voidInvoice(i): return setInvoice(i, ["status": .string("voided"), "total_due_amount_cents": .number("0"), "payment_overdue": .bool(false)])
        case .topUpWallet: return Data("[]".utf8)
        case let .createPaymentRequest(customer, invoices, email):
            let answer = JSONValue.object([("lago_id", .string("pr_\(calls.count)")), ("external_customer_id", .string(customer)),
                                           ("email", email.map(JSONValue.string) ?? .null), ("payment_status", .string("pending")),
                                           ("invoices", .array(invoices.map { .object([("lago_id", .string($0))]) }))])
            return Data(answer.prettyPrinted().utf8)
        }
    }

    private func setInvoice(_ id: String, _ changes: [String: JSONValue]) -> Data? {
        guard let i = records[.invoices]?.firstIndex(where: { $0.string("lago_id") == id }),
              case var .object(members) = records[.invoices]![i] else { return nil }
        for (k, v) in changes {
            if let j = members.firstIndex(where: { $0.0 == k }) { members[j].1 = v } else { members.append((k, v)) }
        }
        records[.invoices]![i] = .object(members)
        return Data(JSONValue.object(members).prettyPrinted().utf8)
    }

    public func currentUsage(externalCustomerId: String, externalSubscriptionId: String) async throws -> Data {
        calls.append("usage \(externalSubscriptionId)")
        await gate()
        guard var answers = usage[externalSubscriptionId], !answers.isEmpty else {
            throw BrowserDataError.refused(status: 405, code: "no_active_subscription", message: "Method Not Allowed")
        }
        let r = answers.count > 1 ? answers.removeFirst() : answers[0]
        usage[externalSubscriptionId] = answers
        return try r.get()
    }

    public func projectedUsage(externalCustomerId: String, externalSubscriptionId: String) async throws -> Data {
        calls.append("projected \(externalSubscriptionId)")
        await gate()
        guard let r = projected[externalSubscriptionId] else {
            throw BrowserDataError.notSupported("projected usage is not enabled")
        }
        return try r.get()
    }

    public func overdueBalances() async throws -> Data {
        calls.append("overdue_balances")
        await gate()
        return try overdue.get()
    }

    public func downloadInvoicePDF(lagoId: String, fileName: String, directory: URL,
                                   progress: @escaping @Sendable (DownloadProgress) -> Void) async throws -> URL {
        calls.append("download \(lagoId) \(fileName)")
        progress(.requesting)
        await gate()
        progress(.waitingForGeneration(attempt: 1))
        progress(.downloading(fraction: 1))
        return directory.appendingPathComponent(fileName)
    }

    /// Records the local full-text search answers with (default: none, like an empty cache).
    public func setCachedSearchHits(_ resource: ResourceKind, _ jsonObjects: [String]) {
        cachedHits[resource] = jsonObjects.map { Data($0.utf8) }
    }

    public func searchCached(_ request: ListRequest, term: String) async -> [Data] {
        calls.append("fts \(request.resource.rawValue) \(term)")
        return cachedHits[request.resource] ?? []
    }
}
