import Foundation
import LagoAPI
import Testing

@testable import PageCache

@Suite("Page reads: hit, miss, stale-while-revalidate, coalescing")
struct PageReadTests {
    let invoicesKey = PageKey(resource: .records(.invoices), query: [URLQueryItem(name: "status", value: "finalized")], page: 1)

    @Test func missFetchesStoresAndThenHits() async throws {
        let fixture = try CacheFixture()
        defer { fixture.directory.remove() }
        let items = (1...3).map { Fixtures.invoice($0) }
        fixture.fetcher.setPage(invoicesKey, Fixtures.page(items))
        let cache = fixture.makeCache()

        let first = await collect(cache.page(invoicesKey))
        #expect(first.map(\.kind) == ["fresh"])
        #expect(first.last?.value?.items == items)
        #expect(fixture.fetcher.callCount == 1)

        fixture.clock.advance(by: 30)
        let second = await collect(cache.page(invoicesKey))
        #expect(second.map(\.kind) == ["cached"])
        let hit = try #require(second.first?.value)
        #expect(hit.items == items)
        #expect(hit.age == 30)
        #expect(!hit.isStale)
        #expect(hit.meta == Fixtures.page(items).meta)
        #expect(fixture.fetcher.callCount == 1)
    }

    @Test func queryOrderDoesNotMatterButFiltersDo() async throws {
        let fixture = try CacheFixture()
        defer { fixture.directory.remove() }
        let a = PageKey(resource: .records(.invoices), query: [.init(name: "status", value: "draft"), .init(name: "currency", value: "EUR")])
        let b = PageKey(resource: .records(.invoices), query: [.init(name: "currency", value: "EUR"), .init(name: "status", value: "draft")])
        let c = PageKey(resource: .records(.invoices), query: [.init(name: "currency", value: "USD"), .init(name: "status", value: "draft")])
        #expect(a == b)
        #expect(a.normalizedQuery == "currency=EUR&status=draft")
        fixture.fetcher.setPage(a, Fixtures.page([Fixtures.invoice(1)]))
        let cache = fixture.makeCache()
        _ = await collect(cache.page(a))
        #expect(await cache.cachedPage(b) != nil)
        #expect(await cache.cachedPage(c) == nil)
    }

    @Test func stalePageIsServedAtOnceThenRefreshed() async throws {
        let fixture = try CacheFixture()
        defer { fixture.directory.remove() }
        fixture.fetcher.setPage(invoicesKey, Fixtures.page([Fixtures.invoice(1, status: "draft")]))
        let cache = fixture.makeCache()
        _ = await collect(cache.page(invoicesKey))

        fixture.clock.advance(by: 61)  // invoices are fresh for a minute
        let refreshed = [Fixtures.invoice(1, status: "finalized"), Fixtures.invoice(2)]
        fixture.fetcher.setPage(invoicesKey, Fixtures.page(refreshed))
        let updates = await collect(cache.page(invoicesKey))
        #expect(updates.map(\.kind) == ["cached", "fresh"])
        guard case .cached(let stale) = updates[0], case .fresh(let fresh) = updates[1] else {
            Issue.record("unexpected updates")
            return
        }
        #expect(stale.isStale)
        #expect(stale.age == 61)
        #expect(stale.items == [Fixtures.invoice(1, status: "draft")])
        #expect(fresh.items == refreshed)
        #expect(!fresh.isStale)
        #expect(fixture.fetcher.callCount == 2)

        let afterwards = try #require(await cache.cachedPage(invoicesKey))
        #expect(afterwards.items == refreshed)
        #expect(!afterwards.isStale)
    }

    @Test func freshnessIsPerResourceAndConfigurable() async throws {
        let fixture = try CacheFixture()
        defer { fixture.directory.remove() }
        let plans = PageKey(resource: .records(.plans))
        fixture.fetcher.setPage(plans, Fixtures.page([Fixtures.plan("startup")]))
        fixture.fetcher.setPage(invoicesKey, Fixtures.page([Fixtures.invoice(1)]))
        let cache = fixture.makeCache()
        _ = await collect(cache.page(plans))
        _ = await collect(cache.page(invoicesKey))
        fixture.clock.advance(by: 600)
        #expect(await cache.cachedPage(plans)?.isStale == false)
        #expect(await cache.cachedPage(invoicesKey)?.isStale == true)

        var configuration = fixture.configuration()
        configuration.freshness = FreshnessPolicy(maxAge: [.records(.plans): 300])
        let strict = PageCache(configuration: configuration, fetcher: fixture.fetcher)
        #expect(await strict.cachedPage(plans)?.isStale == true)
        #expect(FreshnessPolicy().maxAge(for: .usage(.current)) < 60)
    }

    @Test func refreshModesNeverAndAlways() async throws {
        let fixture = try CacheFixture()
        defer { fixture.directory.remove() }
        fixture.fetcher.setPage(invoicesKey, Fixtures.page([Fixtures.invoice(1)]))
        let cache = fixture.makeCache()
        #expect(await collect(cache.page(invoicesKey, refresh: .never)).isEmpty)
        #expect(fixture.fetcher.callCount == 0)
        _ = await collect(cache.page(invoicesKey))
        #expect(await collect(cache.page(invoicesKey, refresh: .always)).map(\.kind) == ["cached", "fresh"])
        #expect(fixture.fetcher.callCount == 2)
        let loaded = try await cache.loadPage(invoicesKey, refresh: .never)
        #expect(loaded.items.count == 1)
    }

    @Test func concurrentMissesShareOneFetch() async throws {
        let fixture = try CacheFixture()
        defer { fixture.directory.remove() }
        let items = (1...5).map { Fixtures.invoice($0) }
        fixture.fetcher.setPage(invoicesKey, Fixtures.page(items))
        let (joins, joined) = AsyncStream.makeStream(of: FetchCoordinator.FlightKey.self)
        let cache = fixture.makeCache(onJoin: { joined.yield($0) })
        fixture.fetcher.closeGate()

        async let first = collect(cache.page(invoicesKey))
        async let second = collect(cache.page(invoicesKey))
        // Both readers have joined the flight before the fetch may finish.
        var iterator = joins.makeAsyncIterator()
        #expect(await iterator.next() == .page(invoicesKey))
        #expect(await iterator.next() == .page(invoicesKey))
        fixture.fetcher.openGate()

        let (a, b) = await (first, second)
        #expect(a.map(\.kind) == ["fresh"])
        #expect(b.map(\.kind) == ["fresh"])
        #expect(a.last?.value?.items == items)
        #expect(b.last?.value?.items == items)
        #expect(fixture.fetcher.callCount == 1)
    }

    @Test func objectsAreCachedWithTheSameContract() async throws {
        let fixture = try CacheFixture()
        defer { fixture.directory.remove() }
        let usage = ObjectKey(
            resource: .usage(.current), id: "cus_00001/sub_00001", path: "/customers/cus_00001/current_usage",
            rootKey: "customer_usage", query: [.init(name: "external_subscription_id", value: "sub_00001")])
        let body = Fixtures.json(["from_datetime": "2026-03-01T00:00:00Z", "amount_cents": 1_250, "currency": "EUR"])
        fixture.fetcher.setObject(usage, body)
        let cache = fixture.makeCache()
        #expect(await collect(cache.object(usage)).map(\.kind) == ["fresh"])
        fixture.clock.advance(by: 5)
        #expect(await collect(cache.object(usage)).map(\.kind) == ["cached"])
        fixture.clock.advance(by: 10)  // usage goes stale in seconds
        let updates = await collect(cache.object(usage))
        #expect(updates.map(\.kind) == ["cached", "fresh"])
        #expect(updates.last?.value?.json == body)
        #expect(fixture.fetcher.callCount == 2)
    }

    @Test func recordsShownInManyPagesAreStoredOnce() async throws {
        let fixture = try CacheFixture()
        defer { fixture.directory.remove() }
        let all = PageKey(resource: .records(.invoices))
        let mine = PageKey(resource: .records(.invoices), query: [.init(name: "external_customer_id", value: "cus_00001")])
        fixture.fetcher.setPage(all, Fixtures.page((1...4).map { Fixtures.invoice($0) }))
        fixture.fetcher.setPage(mine, Fixtures.page([Fixtures.invoice(1), Fixtures.invoice(3)]))
        let cache = fixture.makeCache()
        _ = await collect(cache.page(all))
        _ = await collect(cache.page(mine))
        let info = await cache.info()
        #expect(info.pages == 2)
        #expect(info.records == 4)
        #expect(info.isEnabled)
        #expect(info.oldestEntry == fixture.clock.now)
    }

    @Test func itemsWithoutIdentityStillReadBackInOrder() async throws {
        let fixture = try CacheFixture()
        defer { fixture.directory.remove() }
        let logs = PageKey(resource: .records(.apiLogs))
        let items = (1...3).map { Fixtures.json(["message": "line \($0)"]) }
        fixture.fetcher.setPage(logs, Fixtures.page(items))
        let cache = fixture.makeCache()
        _ = await collect(cache.page(logs))
        #expect(await cache.cachedPage(logs)?.items == items)
    }
}

@Suite("Keys for Lago resources, detail aliases and the events stream")
struct KeysAndEventsTests {
    @Test func lagoResourceKeysUseLagoPaths() throws {
        let invoices = try #require(PageKey.list(.invoices, query: [.init(name: "page", value: "3")], page: 2, perPage: 20))
        #expect(invoices.path == "/invoices")
        #expect(invoices.collectionKey == "invoices")
        #expect(invoices.queryItems.isEmpty)  // paging lives in the key, not the query
        #expect(invoices.page == 2)
        #expect(PageKey.list(.walletTransactions) == nil)
        let transactions = try #require(PageKey.list(.walletTransactions, parentID: "wal 1"))
        #expect(transactions.path == "/wallets/wal%201/wallet_transactions")
        #expect(transactions.resource == .records(.walletTransactions))
        let customer = ObjectKey.record(.customers, id: "cus_00001")
        #expect(customer.path == "/customers/cus_00001")
        #expect(customer.rootKey == "customer")
    }

    @Test func detailFetchedByExternalIdIsTheListRecordNotACopy() async throws {
        let fixture = try CacheFixture()
        defer { fixture.directory.remove() }
        let list = try #require(PageKey.list(.customers))
        fixture.fetcher.setPage(list, Fixtures.page([Fixtures.customer(1, name: "Acme"), Fixtures.customer(2)]))
        let detail = ObjectKey.record(.customers, id: "cus_00001")
        let updated = Fixtures.customer(1, name: "Acme Holdings")
        fixture.fetcher.setObject(detail, updated)
        let cache = fixture.makeCache()
        _ = await collect(cache.page(list))
        #expect(await cache.cachedObject(detail) == nil)
        #expect(await collect(cache.object(detail)).map(\.kind) == ["fresh"])

        #expect(await cache.cachedObject(detail)?.json == updated)  // found by its external id
        #expect(await cache.cachedPage(list)?.items.first == updated)  // the list shows the new copy
        #expect(await cache.search("acme").count == 1)
        #expect(await cache.info().records == 2)
        // A later list refresh keeps the alias.
        fixture.clock.advance(by: 400)
        _ = await collect(cache.page(list))
        #expect(await cache.cachedObject(detail)?.json == Fixtures.customer(1, name: "Acme"))
    }

    @Test func eventsStreamDeliversOutageAndRecoveryOnce() async throws {
        let fixture = try CacheFixture()
        defer { fixture.directory.remove() }
        let cache = fixture.makeCache()
        fixture.fetcher.fail(with: LagoError.timeout)
        for page in 1...3 { _ = await collect(cache.page(PageKey(resource: .records(.invoices), page: page))) }
        fixture.fetcher.fail(with: nil)
        fixture.fetcher.setPage(PageKey(resource: .records(.plans)), Fixtures.page([Fixtures.plan("a")]))
        _ = await collect(cache.page(PageKey(resource: .records(.plans))))
        var iterator = cache.events.makeAsyncIterator()
        #expect(await iterator.next() == .offline(LagoError.timeout.message))
        #expect(await iterator.next() == .online)
    }
}
