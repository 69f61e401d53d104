import Foundation
import LagoAPI
import LagoTesting
import Testing

/// allPages: concurrency after page 1, in-order delivery, following next_page.
@Suite(.timeLimit(.minutes(1))) struct ClientPagingTests {
    struct Row: Decodable, Sendable, Equatable { let n: Int }

    static func page(_ number: Int, of total: Int?, rows: [Int], next: Int?? = nil) -> String {
        let nextPage: Int? = next ?? (total.map { number < $0 ? number + 1 : nil } ?? nil)
        let meta = """
        {"current_page":\(number),"next_page":\(nextPage.map(String.init) ?? "null"),\
        "prev_page":\(number > 1 ? String(number - 1) : "null"),\
        "total_pages":\(total.map(String.init) ?? "null"),"total_count":\((total ?? 0) * 2)}
        """
        return #"{"rows":[\#(rows.map { #"{"n":\#($0)}"# }.joined(separator: ",")) ],"meta":\#(meta)}"#
    }

    @Test func laterPagesAreFetchedConcurrentlyAndDeliveredInOrder() async throws {
        // Pages 2-4 are held at the "server" until the test releases them, last first.
        let paged = PageGatedTransport(total: 4)
        let pagedClient = try LagoClient(
            configuration: LagoClientConfiguration(baseURL: URL(string: "http://127.0.0.1:1/api/v1")!, apiKey: "k", perPage: 2),
            transport: paged)
        let task = Task { try await collect(pagedClient.allPages("/rows", collectionKey: "rows", as: Row.self)) }
        await paged.waitForRequests(4)  // pages 2, 3 and 4 are all in flight at once
        paged.release(4)
        paged.release(3)
        paged.release(2)
        let pages = try await task.value
        #expect(pages.map(\.meta.currentPage) == [1, 2, 3, 4])
        #expect(pages.flatMap(\.items).map(\.n) == [1, 2, 3, 4, 5, 6, 7, 8])
    }

    @Test func withoutTotalPagesItFollowsNextPage() async throws {
        let transport = PageGatedTransport(total: 3, reportTotal: false, gated: false)
        let client = try LagoClient(
            configuration: LagoClientConfiguration(baseURL: URL(string: "http://127.0.0.1:1/api/v1")!, apiKey: "k"),
            transport: transport)
        let pages = try await collect(client.allPages("/rows", collectionKey: "rows", as: Row.self))
        #expect(pages.map(\.meta.currentPage) == [1, 2, 3])
        #expect(transport.requestedPages == [1, 2, 3])
    }

    @Test func staleTotalPagesDoesNotCutTheListShort() async throws {
        // total_pages says 2 (a cached count) but page 2 still has a next page.
        let transport = PageGatedTransport(total: 3, reportedTotal: 2, gated: false)
        let client = try LagoClient(
            configuration: LagoClientConfiguration(baseURL: URL(string: "http://127.0.0.1:1/api/v1")!, apiKey: "k"),
            transport: transport)
        let pages = try await collect(client.allPages("/rows", collectionKey: "rows", as: Row.self))
        #expect(pages.map(\.meta.currentPage) == [1, 2, 3])
    }

    @Test func aFailingPageEndsTheSequenceWithItsError() async throws {
        let transport = PageGatedTransport(total: 3, gated: false, failing: 2)
        let client = try LagoClient(
            configuration: LagoClientConfiguration(baseURL: URL(string: "http://127.0.0.1:1/api/v1")!, apiKey: "k",
                                                   retry: RetryPolicy(maxAttempts: 1)),
            transport: transport)
        var seen: [Int] = []
        await #expect(throws: LagoError.server(status: 500)) {
            for try await page in client.allPages("/rows", collectionKey: "rows", as: Row.self) {
                seen.append(page.meta.currentPage)
            }
        }
        #expect(seen == [1])
    }

    @Test func rawPagesKeepItemBytes() async throws {
        let transport = PageGatedTransport(total: 2, gated: false)
        let client = try LagoClient(
            configuration: LagoClientConfiguration(baseURL: URL(string: "http://127.0.0.1:1/api/v1")!, apiKey: "k"),
            transport: transport)
        let pages = try await collect(client.allRawPages("/rows", collectionKey: "rows"))
        #expect(pages.flatMap(\.items).map { String(decoding: $0, as: UTF8.self) } == [#"{"n":1}"#, #"{"n":2}"#, #"{"n":3}"#, #"{"n":4}"#])
    }
}

/// Answers `GET …?page=N` with page N of `total` (two rows each); pages after the first wait
/// for ``release(_:)`` when gated.
final class PageGatedTransport: Transport, Sendable {
    private let total: Int
    private let reportedTotal: Int?
    private let gated: Bool
    private let failing: Int?
    private let gates: [Int: Gate]
    private let arrivals = Arrivals()

    init(total: Int, reportTotal: Bool = true, reportedTotal: Int? = nil, gated: Bool = true, failing: Int? = nil) {
        self.total = total
        self.reportedTotal = reportTotal ? (reportedTotal ?? total) : nil
        self.gated = gated
        self.failing = failing
        var gates: [Int: Gate] = [:]
        for number in 1...total { gates[number] = Gate() }
        self.gates = gates
    }

    var requestedPages: [Int] { arrivals.seen.compactMap { Int($0.path) } }

    func waitForRequests(_ count: Int) async { await arrivals.wait(for: count) }

    func release(_ page: Int) { gates[page]?.open() }

    func send(_ request: LagoAPI.HTTPRequest) async throws -> LagoAPI.HTTPResponse {
        let page = Int(URLComponents(url: request.url, resolvingAgainstBaseURL: false)?
            .queryItems?.first { $0.name == "page" }?.value ?? "1") ?? 1
        arrivals.arrived(SeenRequest(method: "GET", path: String(page), authorization: nil, acceptEncoding: nil, userAgent: nil, body: Data()))
        if gated, page > 1 { await gates[page]?.wait() }
        if page == failing {
            return LagoAPI.HTTPResponse(status: 500, body: Data(), url: request.url)
        }
        let next: Int?? = .some(page < total ? page + 1 : nil)
        let rows = page <= total ? [page * 2 - 1, page * 2] : []
        let body = ClientPagingTests.page(page, of: reportedTotal, rows: rows, next: next)
        return LagoAPI.HTTPResponse(status: 200, body: Data(body.utf8), url: request.url)
    }
}
