import Foundation
import LagoAPI
import Synchronization
import Testing
@testable import LagotuiCommands

/// A fake API: `total` numbered records, pages answered out of order (later pages first).
final class FakePagedSource: RawRecordSource {
    let total: Int
    let grownTotal: Int
    private let state = Mutex((inFlight: 0, maxInFlight: 0, requests: [Int]()))

    init(total: Int, grownTotal: Int? = nil) {
        self.total = total
        self.grownTotal = grownTotal ?? total
    }

    var maxInFlight: Int { state.withLock { $0.maxInFlight } }
    var requests: [Int] { state.withLock { $0.requests } }

    func rawPage(_ path: String, collectionKey: String, query: [URLQueryItem], page: Int, perPage: Int?) async throws -> RawPage {
        state.withLock {
            $0.inFlight += 1
            $0.maxInFlight = max($0.maxInFlight, $0.inFlight)
            $0.requests.append(page)
        }
        defer { state.withLock { $0.inFlight -= 1 } }
        // Later pages answer sooner, so completion order is the reverse of page order.
        for _ in 0..<max(0, 20 - page) { await Task.yield() }
        let perPage = perPage ?? 100
        // The first page sees the original total; later pages see records added meanwhile.
        let count = page == 1 ? total : grownTotal
        let pages = count == 0 ? 0 : (count + perPage - 1) / perPage
        let start = (page - 1) * perPage
        let items = start < count ? (start..<min(count, start + perPage)).map { Data(#"{"lago_id":"\#($0)"}"#.utf8) } : []
        let meta = PageMeta(currentPage: count == 0 ? 0 : page, nextPage: page < pages ? page + 1 : nil,
                            prevPage: page > 1 ? page - 1 : nil, totalPages: pages, totalCount: count)
        return RawPage(meta: meta, items: items)
    }

    func rawObject(_ path: String, rootKey: String, query: [URLQueryItem]) async throws -> JSONValue { .null }
}

@Suite struct OrderedPageFetcherTests {
    func ids(_ source: FakePagedSource, perPage: Int, concurrency: Int, readAhead: Int = 0) async throws -> [Int] {
        var out: [Int] = []
        try await OrderedPageFetcher(source: source, perPage: perPage, concurrency: concurrency).fetchAll(
            path: "/invoices", collectionKey: "invoices", query: [], readAhead: readAhead
        ) { page in
            for item in page.items { out.append(Int(try JSONValue.parse(item)["lago_id"]!.stringValue!)!) }
        }
        return out
    }

    @Test(arguments: [(0, 10, 4), (1, 10, 4), (95, 10, 4), (100, 10, 1), (1000, 7, 8)])
    func deliversEveryRecordOnceInOrder(_ total: Int, _ perPage: Int, _ concurrency: Int) async throws {
        let source = FakePagedSource(total: total)
        let got = try await ids(source, perPage: perPage, concurrency: concurrency)
        #expect(got == Array(0..<total))
        #expect(source.maxInFlight <= concurrency)
    }

    @Test func fetchesConcurrently() async throws {
        let source = FakePagedSource(total: 500)
        _ = try await ids(source, perPage: 10, concurrency: 6)
        #expect(source.maxInFlight > 1)
        #expect(source.requests.count == 50)
    }

    @Test func followsNextPageWhenTheListGrewDuringTheExport() async throws {
        let source = FakePagedSource(total: 95, grownTotal: 123)
        let got = try await ids(source, perPage: 10, concurrency: 4)
        #expect(got == Array(0..<123))
    }

    @Test(arguments: [(0, 10, 4), (1, 10, 4), (10, 10, 4), (35, 10, 8), (95, 10, 4), (1000, 7, 8)])
    func readAheadDeliversEveryRecordOnceInOrder(_ total: Int, _ perPage: Int, _ concurrency: Int) async throws {
        let source = FakePagedSource(total: total)
        let got = try await ids(source, perPage: perPage, concurrency: concurrency, readAhead: concurrency - 1)
        #expect(got == Array(0..<total))
        #expect(source.maxInFlight <= concurrency)
        let pages = max(1, (total + perPage - 1) / perPage)
        // Every page once; beyond the list's end, at most the read-ahead pages were asked for.
        #expect(Set(source.requests).count == source.requests.count)
        #expect(source.requests.count <= max(pages, concurrency))
        #expect(Set(1...pages).isSubset(of: Set(source.requests)))
    }

    @Test func readAheadAsksForTheFirstPagesTogether() async throws {
        let source = FakePagedSource(total: 500)
        _ = try await ids(source, perPage: 10, concurrency: 6, readAhead: 5)
        #expect(Array(source.requests.prefix(6)).sorted() == [1, 2, 3, 4, 5, 6])
        #expect(source.requests.count == 50)
    }

    @Test func readAheadStillFollowsAListThatGrew() async throws {
        let source = FakePagedSource(total: 95, grownTotal: 123)
        let got = try await ids(source, perPage: 10, concurrency: 4, readAhead: 3)
        #expect(got == Array(0..<123))
    }
}
