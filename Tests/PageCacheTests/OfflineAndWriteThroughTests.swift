import Foundation
import LagoAPI
import Testing

@testable import PageCache

@Suite("Offline serving and action write-through")
struct OfflineAndWriteThroughTests {
    @Test func outageServesCachedPagesAndIsReportedOnce() async throws {
        let fixture = try CacheFixture()
        defer { fixture.directory.remove() }
        let keys = (1...3).map { PageKey(resource: .records(.invoices), page: $0) }
        for key in keys {
            fixture.fetcher.setPage(key, Fixtures.page([Fixtures.invoice(key.page)], page: key.page, totalPages: 3))
        }
        let cache = fixture.makeCache()
        for key in keys { _ = await collect(cache.page(key)) }

        fixture.clock.advance(by: 3_600)
        fixture.fetcher.fail(with: LagoError.network("connection refused"))
        var failures: [FetchFailure] = []
        for key in keys {
            let updates = await collect(cache.page(key))
            #expect(updates.map(\.kind) == ["cached", "failed+cached"])
            guard case .failed(let failure, let cached?) = updates.last else { continue }
            #expect(cached.age == 3_600)
            #expect(cached.isStale)
            #expect(cached.items == [Fixtures.invoice(key.page)])
            failures.append(failure)
        }
        #expect(failures.map(\.isNewOutage) == [true, false, false])
        #expect(failures.allSatisfy { $0.isOutage })
        #expect(cache.emittedEvents == [.offline(LagoError.network("connection refused").message)])

        // A page never cached has nothing to show: it fails alone, no second report.
        let unseen = await collect(cache.page(PageKey(resource: .records(.customers))))
        #expect(unseen.map(\.kind) == ["failed"])
        #expect(cache.emittedEvents.count == 1)

        // The cache-or-network helper falls back to the cached page.
        let loaded = try await cache.loadPage(keys[0])
        #expect(loaded.isStale)

        fixture.fetcher.fail(with: nil)
        #expect(await collect(cache.page(keys[0])).map(\.kind) == ["cached", "fresh"])
        #expect(cache.emittedEvents == [.offline(LagoError.network("connection refused").message), .online])
    }

    @Test func requestErrorsAreNotOutages() async throws {
        let fixture = try CacheFixture()
        defer { fixture.directory.remove() }
        let cache = fixture.makeCache()
        let updates = await collect(cache.page(PageKey(resource: .records(.invoices), page: 9)))  // fake answers 404
        guard case .failed(let failure, nil) = updates.last else {
            Issue.record("expected a failure, got \(updates.map(\.kind))")
            return
        }
        #expect(!failure.isOutage)
        #expect(cache.emittedEvents.isEmpty)
        await #expect(throws: FetchFailure.self) { try await cache.loadPage(PageKey(resource: .records(.invoices), page: 9)) }
    }

    @Test func actionResultReplacesRecordAndInvalidatesLists() async throws {
        let fixture = try CacheFixture()
        defer { fixture.directory.remove() }
        let drafts = PageKey(resource: .records(.invoices), query: [.init(name: "status", value: "draft")])
        let all = PageKey(resource: .records(.invoices))
        let fees = PageKey(resource: .records(.fees))
        let plans = PageKey(resource: .records(.plans))
        fixture.fetcher.setPage(drafts, Fixtures.page([Fixtures.invoice(7, status: "draft"), Fixtures.invoice(8, status: "draft")]))
        fixture.fetcher.setPage(all, Fixtures.page([Fixtures.invoice(6), Fixtures.invoice(7, status: "draft")]))
        fixture.fetcher.setPage(fees, Fixtures.page([Fixtures.json(["lago_id": "fee-7", "amount_cents": 100])]))
        fixture.fetcher.setPage(plans, Fixtures.page([Fixtures.plan("startup")]))
        let cache = fixture.makeCache()
        for key in [drafts, all, fees, plans] { _ = await collect(cache.page(key)) }

        fixture.clock.advance(by: 5)
        let finalized = Fixtures.invoice(7, status: "finalized")
        let id = await cache.store(record: finalized, resource: .records(.invoices))
        #expect(id == "5eb02857-a71e-4ea2-bcf9-000000000007")

        // The new record shows at once in every page holding it, and those lists are stale.
        let draftsPage = try #require(await cache.cachedPage(drafts))
        #expect(draftsPage.items == [finalized, Fixtures.invoice(8, status: "draft")])
        #expect(draftsPage.isStale)
        let allPage = try #require(await cache.cachedPage(all))
        #expect(allPage.items[1] == finalized)
        #expect(allPage.isStale)
        // Related lists go stale too; unrelated ones do not.
        #expect(await cache.cachedPage(fees)?.isStale == true)
        #expect(await cache.cachedPage(plans)?.isStale == false)
        // The detail view sees the new record as fresh.
        let detail = ObjectKey(resource: .records(.invoices), id: id ?? "", path: "/invoices/\(id ?? "")", rootKey: "invoice")
        let object = try #require(await cache.cachedObject(detail))
        #expect(object.json == finalized)
        #expect(!object.isStale)

        // The next read of a stale list revalidates it.
        fixture.fetcher.setPage(drafts, Fixtures.page([Fixtures.invoice(8, status: "draft")]))
        #expect(await collect(cache.page(drafts)).map(\.kind) == ["cached", "fresh"])
        #expect(await cache.cachedPage(drafts)?.isStale == false)
    }

    /// Lago's list items leave out what a show answer has (an invoice's fees): a detail read
    /// must fetch the whole record even when the list copy is fresh, fall back to the list copy
    /// when that fetch fails, and keep the whole record once it has it.
    @Test func listCopyIsNotTakenForTheWholeRecord() async throws {
        let fixture = try CacheFixture()
        defer { fixture.directory.remove() }
        let list = PageKey(resource: .records(.invoices))
        let summary = Fixtures.invoice(7)
        fixture.fetcher.setPage(list, Fixtures.page([summary]))
        let cache = fixture.makeCache()
        _ = await collect(cache.page(list))
        let id = "5eb02857-a71e-4ea2-bcf9-000000000007"
        let detail = ObjectKey(resource: .records(.invoices), id: id, path: "/invoices/\(id)", rootKey: "invoice")
        let cached = try #require(await cache.cachedObject(detail))
        #expect(cached.json == summary)
        #expect(cached.isStale, "a list copy must not pass for the whole record")

        // Offline: the list copy is the best answer there is.
        fixture.fetcher.fail(with: LagoError.network("connection refused"))
        #expect(try await cache.loadObject(detail).json == summary)
        #expect(await collect(cache.object(detail)).map(\.kind) == ["cached", "failed+cached"])

        // Online: the whole record is fetched, then served from the cache as fresh.
        fixture.fetcher.fail(with: nil)
        var whole = try JSONSerialization.jsonObject(with: summary) as! [String: Any]
        whole["fees"] = [["lago_id": "fee-7", "amount_cents": 100]]
        let full = Fixtures.json(whole)
        fixture.fetcher.setObject(detail, full)
        let calls = fixture.fetcher.callCount
        #expect(try await cache.loadObject(detail).json == full)
        #expect(fixture.fetcher.callCount == calls + 1)
        let stored = try #require(await cache.cachedObject(detail))
        #expect(stored.json == full && !stored.isStale)

        // A later list page replaces it with a list copy again: stale for detail reads.
        fixture.clock.advance(by: 1)
        _ = await collect(cache.page(list, refresh: .always))
        #expect(await cache.cachedObject(detail)?.isStale == true)
    }

    @Test func walletTopUpMakesWalletsAndUsageObjectsStale() async throws {
        let fixture = try CacheFixture()
        defer { fixture.directory.remove() }
        let wallets = PageKey(resource: .records(.wallets), query: [.init(name: "external_customer_id", value: "cus_00001")])
        fixture.fetcher.setPage(wallets, Fixtures.page([Fixtures.json(["lago_id": "wal-1", "balance_cents": 1_000])]))
        let usage = ObjectKey(resource: .usage(.current), id: "cus_00001", path: "/customers/cus_00001/current_usage", rootKey: "customer_usage")
        fixture.fetcher.setObject(usage, Fixtures.json(["amount_cents": 10]))
        let cache = fixture.makeCache()
        _ = await collect(cache.page(wallets))
        _ = await collect(cache.object(usage))
        await cache.store(record: Fixtures.json(["lago_id": "wt-1", "lago_wallet_id": "wal-1", "status": "pending"]), resource: .records(.walletTransactions))
        #expect(await cache.cachedPage(wallets)?.isStale == true)
        #expect(await cache.cachedObject(usage)?.isStale == false)
        await cache.store(record: Fixtures.subscription(1, plan: "startup"), resource: .records(.subscriptions))
        #expect(await cache.cachedObject(usage)?.isStale == true)
    }
}
