import BrowserModel
import Foundation

/// A `BrowserDataSource` over invoices generated in memory from sandbox-shaped templates, for
/// lists too large to seed through HTTP in a benchmark run (up to a million records). Pages
/// are delivered as the cache would deliver them; every other resource is empty and no
/// request ever leaves the process.
struct BenchListSource: BrowserDataSource {
    /// Number of invoices in the list.
    let count: Int
    /// Records per page the benchmarks browse with: Lago's maximum `per_page`.
    static let pageSize = 100
    let templates: [InvoiceTemplate]
    /// How long a mutation takes (the collections benchmark keeps a bulk run in flight); nil
    /// refuses every mutation, as read-only data.
    var mutationDelay: Duration?

    /// Invoice `i`: template `i % templates.count` with a unique `lago_id` and the number
    /// `ZX%07d` (a token nothing else in a row contains, so filter results are predictable).
    /// Made when its page is asked for, so the source itself holds no records.
    func invoice(_ i: Int) -> Data { templates[i % templates.count].instantiate(i) }

    /// How many generated invoices the filter `typed` keeps (case-insensitive substring of the
    /// number `ZX%07d`, which is the only place "zx" or those digits sequences start).
    static func expectedMatches(typed: String, count: Int) -> Int {
        let text = typed.lowercased()
        guard text.hasPrefix("zx") else { return count }
        let digits = text.dropFirst(2)
        if digits.isEmpty { return count }
        // Numbers i < count whose 7-digit form starts with `digits`: the range
        // [prefix·10^k, (prefix+1)·10^k) with k = 7 - digits.count, clipped to count.
        guard digits.count <= 7, let prefix = Int(digits) else { return 0 }
        var scale = 1
        for _ in 0..<(7 - digits.count) { scale *= 10 }
        let low = prefix * scale, high = (prefix + 1) * scale
        return max(0, min(high, count) - low)
    }

    func listPage(_ request: ListRequest, page: Int, perPage: Int, forceRefresh: Bool) -> AsyncThrowingStream<ListPageResult, any Error> {
        let total = request.resource == .invoices && request.filters.isEmpty && request.searchTerm == nil ? count : 0
        // Made off the main actor, as the app's page cache reads its SQLite file.
        return AsyncThrowingStream { continuation in
            let task = Task.detached {
                let start = (page - 1) * perPage
                var slice: [Data] = []
                for i in start..<max(start, min(total, start + perPage)) {
                    // A read the list no longer wants (the cursor moved on) stops, as a
                    // cancelled cache read would.
                    if Task.isCancelled {
                        continuation.finish(throwing: CancellationError())
                        return
                    }
                    slice.append(invoice(i))
                }
                let next = start + perPage < total ? page + 1 : nil
                continuation.yield(ListPageResult(items: slice, page: page, nextPage: next, totalCount: total, freshness: .fresh))
                continuation.finish()
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }

    func record(_ resource: ResourceKind, key: String, forceRefresh: Bool) async throws -> Data {
        throw BrowserDataError.unavailable("not in the benchmark data")
    }

    func perform(_ mutation: BrowserMutation) async throws -> Data? {
        guard let mutationDelay else { throw BrowserDataError.unavailable("read-only benchmark data") }
        try await Task.sleep(for: mutationDelay)
        return nil
    }

    func currentUsage(externalCustomerId: String, externalSubscriptionId: String) async throws -> Data {
        throw BrowserDataError.unavailable("no usage in the benchmark data")
    }

    func projectedUsage(externalCustomerId: String, externalSubscriptionId: String) async throws -> Data {
        throw BrowserDataError.notSupported("no usage in the benchmark data")
    }

    func overdueBalances() async throws -> Data { Data("[]".utf8) }

    func downloadInvoicePDF(lagoId: String, fileName: String, directory: URL,
                            progress: @escaping @Sendable (DownloadProgress) -> Void) async throws -> URL {
        throw BrowserDataError.unavailable("no PDFs in the benchmark data")
    }
}

/// One invoice JSON object from the sandbox, split around its `lago_id` and `number` values so
/// copies with other values are made by concatenation.
struct InvoiceTemplate: Sendable {
    private let pieces: [Data]
    private let order: [Field]
    enum Field: Sendable { case lagoID, number }

    init?(_ json: Data) {
        guard let object = try? JSONSerialization.jsonObject(with: json) as? [String: Any],
              let id = object["lago_id"] as? String, let number = object["number"] as? String else { return nil }
        let text = String(decoding: json, as: UTF8.self)
        var marks: [(Range<String.Index>, Field)] = []
        for (value, field) in [(id, Field.lagoID), (number, Field.number)] {
            var from = text.startIndex
            while let range = text.range(of: "\"\(value)\"", range: from..<text.endIndex) {
                marks.append((range, field))
                from = range.upperBound
            }
        }
        marks.sort { $0.0.lowerBound < $1.0.lowerBound }
        var pieces: [Data] = []
        var order: [Field] = []
        var cursor = text.startIndex
        for (range, field) in marks where range.lowerBound >= cursor {
            pieces.append(Data(text[cursor..<range.lowerBound].utf8))
            order.append(field)
            cursor = range.upperBound
        }
        pieces.append(Data(text[cursor...].utf8))
        self.pieces = pieces
        self.order = order
    }

    func instantiate(_ i: Int) -> Data {
        let id = Data("\"bench-\(String(format: "%08x", i))-4ea2-bcf9-invoice\"".utf8)
        let number = Data("\"ZX\(String(format: "%07d", i))\"".utf8)
        var out = Data()
        out.reserveCapacity(pieces.reduce(0) { $0 + $1.count } + 64)
        for (k, piece) in pieces.enumerated() {
            out.append(piece)
            if k < order.count { out.append(order[k] == .lagoID ? id : number) }
        }
        return out
    }
}
