import Foundation
import LagoAPI
import LagoTesting
import Testing

@testable import PageCache

@Suite("The API key never reaches the cache files")
struct SecretScanTests {
    static let apiKey = "lago-key-7c1e9f0b-3d52-4a8e-b6f1-SECRETSECRET"

    @Test func wholeSessionThroughLagoClientLeavesNoKeyOnDisk() async throws {
        let directory = try TempDirectory()
        defer { directory.remove() }
        let clock = TestClock()
        let transport = ScriptedTransport()
        let customers = (1...30).map { Fixtures.customer($0, name: "Customer \($0)", email: "ops\($0)@acme.test") }
        transport.on(.get, "/customers", json: Self.listJSON("customers", customers))
        transport.on(.get, "/invoices", json: Self.listJSON("invoices", (1...50).map { Fixtures.invoice($0) }))
        transport.on(.get, "/plans", json: Self.listJSON("plans", [Fixtures.plan("startup"), Fixtures.plan("scale")]))
        let invoice = Fixtures.invoice(3)
        transport.on(.get, "/invoices/5eb02857", json: Self.objectJSON("invoice", invoice))
        transport.on(.get, "/customers/cus_00001/current_usage", json: Self.objectJSON("customer_usage", Fixtures.json(["amount_cents": 1200, "currency": "EUR"])))
        let client = try transport.makeClient(apiKey: Self.apiKey)
        let configuration = CacheConfiguration(directory: directory.url, profile: "prod", now: clock.function)

        do {
            let cache = PageCache(configuration: configuration, fetcher: LagoPageFetcher(client: client))
            let customerPage = try #require(PageKey.list(.customers, query: [.init(name: "currency", value: "EUR")]))
            let invoicePages = (1...2).compactMap { PageKey.list(.invoices, page: $0, perPage: 50) }
            #expect(await collect(cache.page(customerPage)).last?.kind == "fresh")
            for key in invoicePages { _ = await collect(cache.page(key)) }
            _ = await collect(cache.page(try #require(PageKey.list(.plans))))
            let detail = ObjectKey.record(.invoices, id: "5eb02857-a71e-4ea2-bcf9-000000000003")
            #expect(await collect(cache.object(detail)).last?.value?.json != nil)
            let usage = ObjectKey(
                resource: .usage(.current), id: "cus_00001", path: "/customers/cus_00001/current_usage", rootKey: "customer_usage")
            #expect(await collect(cache.object(usage)).last?.kind == "fresh")
            clock.advance(by: 120)
            _ = await collect(cache.page(customerPage))
            await cache.store(record: Fixtures.invoice(3, status: "voided"), resource: .invoices)
            #expect(await cache.search("ops7").count == 1)
            // The outage path writes nothing of the request either.
            transport.on(.get, "/customers", replies: [.error(.connectionFailed("refused"))])
            clock.advance(by: 600)
            _ = await collect(cache.page(customerPage))
            #expect(cache.emittedEvents.count == 1)
            // Every request carried the key, so the key was there to leak.
            #expect(transport.calls.allSatisfy { $0.request.headers.values.contains { $0.contains(Self.apiKey) } })
            #expect(transport.calls.count >= 6)

            let files = try Self.cacheFiles(in: directory.url)
            #expect(files.contains { $0.hasSuffix("prod.sqlite-wal") })
            try Self.expectNoKey(in: files, control: "ops17@acme.test")
        }
        // After closing (WAL checkpointed into the main file) as well.
        try Self.expectNoKey(in: try Self.cacheFiles(in: directory.url), control: "ops17@acme.test")
    }

    static func cacheFiles(in directory: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).map { directory.appendingPathComponent($0).path }
    }

    /// Scans every byte of every file for the key (as UTF-8 and as the Authorization value),
    /// and checks that a value known to be cached IS found, so the scan can see data at all.
    static func expectNoKey(in files: [String], control: String) throws {
        var all = Data()
        for file in files {
            let bytes = try Data(contentsOf: URL(fileURLWithPath: file))
            #expect(bytes.range(of: Data(apiKey.utf8)) == nil, "API key found in \(file)")
            #expect(bytes.range(of: Data("Bearer".utf8)) == nil, "Authorization header found in \(file)")
            #expect(bytes.range(of: Data(String(apiKey.suffix(12)).utf8)) == nil, "part of the key found in \(file)")
            all.append(bytes)
        }
        #expect(all.range(of: Data(control.utf8)) != nil, "the scan must see cached data")
    }

    static func listJSON(_ key: String, _ items: [Data]) -> String {
        let body = items.map { String(decoding: $0, as: UTF8.self) }.joined(separator: ",")
        return #"{"\#(key)":[\#(body)],"meta":{"current_page":1,"next_page":null,"prev_page":null,"total_pages":1,"total_count":\#(items.count)}}"#
    }

    static func objectJSON(_ key: String, _ item: Data) -> String {
        #"{"\#(key)":\#(String(decoding: item, as: UTF8.self))}"#
    }
}
