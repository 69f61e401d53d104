import Foundation
import LagoAPI
import Testing

@testable import PageCache

@Suite("Local search and the size bound")
struct SearchAndEvictionTests {
    @Test func fullTextSearchAcrossEverythingCached() async throws {
        let fixture = try CacheFixture()
        defer { fixture.directory.remove() }
        let customers = PageKey(resource: .records(.customers))
        fixture.fetcher.setPage(
            customers,
            Fixtures.page([
                Fixtures.customer(1, name: "Acme Corporation", email: "ap@acme.test"),
                Fixtures.customer(2, name: "Globex", email: "finance@globex.test"),
                Fixtures.customer(3, name: "Zoë Société", email: "zoe@example.fr"),
            ]))
        let invoices = PageKey(resource: .records(.invoices))
        fixture.fetcher.setPage(invoices, Fixtures.page([Fixtures.invoice(42, customer: 2), Fixtures.invoice(43, customer: 2)]))
        let subscriptions = PageKey(resource: .records(.subscriptions))
        fixture.fetcher.setPage(subscriptions, Fixtures.page([Fixtures.subscription(1, plan: "enterprise_yearly")]))
        let plans = PageKey(resource: .records(.plans))
        fixture.fetcher.setPage(plans, Fixtures.page([Fixtures.plan("enterprise_yearly"), Fixtures.plan("startup")]))
        let cache = fixture.makeCache()
        for key in [customers, invoices, subscriptions, plans] { _ = await collect(cache.page(key)) }

        #expect(await cache.search("acme").map(\.id) == ["1a901a90-1a90-1a90-1a90-000000000001"])
        #expect(await cache.search("finance@globex").map(\.resource) == [.records(.customers)])
        #expect(await cache.search("cus_00003").map(\.resource) == [.records(.customers)])
        #expect(await cache.search("zoe societe").count == 1)  // diacritics folded
        #expect(await cache.search("INV-002-000042").map(\.id) == ["5eb02857-a71e-4ea2-bcf9-000000000042"])
        #expect(Set(await cache.search("inv-002").map(\.resource)) == [.records(.invoices)])
        #expect(Set(await cache.search("enterprise_yearly").map(\.resource)) == [.records(.subscriptions), .records(.plans)])
        #expect(await cache.search("enterprise_yearly", in: [.records(.plans)]).map(\.resource) == [.records(.plans)])
        #expect(await cache.search("sub_00001").first?.json == Fixtures.subscription(1, plan: "enterprise_yearly"))
        #expect(await cache.search("glob").count == 1)  // prefixes match
        #expect(await cache.search("nobody").isEmpty)
        // FTS syntax in the input is just text.
        #expect(await cache.search("\"acme\" (*:^").count == 1)
        #expect(await cache.search("acme OR globex").isEmpty)  // "OR" is a word here, not an operator
        #expect(await cache.search("   ").isEmpty)
        #expect(await cache.search("acme", limit: 0).isEmpty)

        // A record replaced by an action is searchable by its new values only.
        await cache.store(record: Fixtures.customer(2, name: "Initech", email: "ap@initech.test"), resource: .records(.customers))
        #expect(await cache.search("globex").isEmpty)
        #expect(await cache.search("initech").count == 1)
    }

    @Test func leastRecentlyUsedPagesAreEvictedAtTheBound() async throws {
        let fixture = try CacheFixture()
        defer { fixture.directory.remove() }
        let keys = (1...12).map { PageKey(resource: .records(.invoices), page: $0, perPage: 10) }
        for key in keys {
            let items = (0..<10).map { Fixtures.invoice(key.page * 100 + $0) }
            fixture.fetcher.setPage(key, Fixtures.page(items, page: key.page, totalPages: 12))
        }
        let onePage = Fixtures.page((0..<10).map { Fixtures.invoice(100 + $0) })
        let pageBytes = onePage.items.reduce(0) { $0 + $1.count + CacheSchema.rowOverhead } + 200
        let bound = pageBytes * 5
        let cache = fixture.makeCache(maxBytes: bound)

        for key in keys.prefix(4) {
            _ = await collect(cache.page(key))
            fixture.clock.advance(by: 1)
        }
        // Page 1 is read again, so page 2 is now the least recently used.
        #expect(await cache.cachedPage(keys[0]) != nil)
        fixture.clock.advance(by: 1)
        for key in keys.dropFirst(4) {
            _ = await collect(cache.page(key))
            fixture.clock.advance(by: 1)
            let info = await cache.info()
            #expect(info.bytesCounted <= bound)
        }
        #expect(await cache.cachedPage(keys[1]) == nil)
        #expect(await cache.cachedPage(keys[11]) != nil)
        let info = await cache.info()
        #expect(info.pages < 12)
        #expect(info.records == info.pages * 10)  // evicted pages took their records along
    }

    @Test func looseRecordsAreEvictedToo() async throws {
        let fixture = try CacheFixture()
        defer { fixture.directory.remove() }
        let record = Fixtures.invoice(1)
        let bound = (record.count + CacheSchema.rowOverhead) * 5
        let cache = fixture.makeCache(maxBytes: bound)
        for n in 1...20 {
            await cache.store(record: Fixtures.invoice(n), resource: .records(.invoices))
            fixture.clock.advance(by: 1)
        }
        let info = await cache.info()
        #expect(info.bytesCounted <= bound)
        #expect(info.records < 20)
        let newest = ObjectKey(resource: .records(.invoices), id: "5eb02857-a71e-4ea2-bcf9-000000000020", path: "/invoices/x", rootKey: "invoice")
        let oldest = ObjectKey(resource: .records(.invoices), id: "5eb02857-a71e-4ea2-bcf9-000000000001", path: "/invoices/y", rootKey: "invoice")
        #expect(await cache.cachedObject(newest) != nil)
        #expect(await cache.cachedObject(oldest) == nil)
    }
}
