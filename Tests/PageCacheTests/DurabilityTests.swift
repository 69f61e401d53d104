import Foundation
import GRDB
import LagoAPI
import Testing

@testable import PageCache

#if canImport(Glibc)
    import Glibc
#endif

@Suite("Durability: migrations, damage, unwritable places, file modes")
struct DurabilityTests {
    @Test func migratesAVersion1DatabaseKeepingItsData() async throws {
        let fixture = try CacheFixture()
        defer { fixture.directory.remove() }
        let location = CacheLocation(directory: fixture.directory.url, profile: "test")
        try location.prepare()
        let fetchedAt = fixture.clock.now.addingTimeInterval(-30).timeIntervalSince1970
        let customers = [Fixtures.customer(1, name: "Acme Corporation"), Fixtures.customer(2, name: "Globex")]
        let meta = try JSONEncoder().encode(Fixtures.meta(totalCount: 2))
        let queue = try DatabaseQueue(path: location.databaseURL.path)
        try CacheSchema.migrator.migrate(queue, upTo: "v1")
        try await queue.write { db in
            for (index, json) in customers.enumerated() {
                try db.execute(
                    sql: "INSERT INTO records (id, resource, record_id, fetched_at, json) VALUES (?, 'customers', ?, ?, ?)",
                    arguments: [index + 1, RecordParser.identity(of: json), fetchedAt, json])
            }
            try db.execute(
                sql: """
                    INSERT INTO pages (id, resource, path, query, page, per_page, meta, fetched_at)
                    VALUES (1, 'customers', '/customers', '', 1, 100, ?, ?)
                    """,
                arguments: [meta, fetchedAt])
            try db.execute(sql: "INSERT INTO page_items (page_id, position, record) VALUES (1, 0, 1), (1, 1, 2)")
        }
        try queue.close()

        let cache = fixture.makeCache()
        #expect(cache.openingWarnings.isEmpty)
        let page = try #require(await cache.cachedPage(PageKey(resource: .records(.customers))))
        #expect(page.items == customers)
        #expect(page.age == 30)
        #expect(!page.isStale)
        #expect(await cache.search("globex").map(\.resource) == [.records(.customers)])
        let info = await cache.info()
        #expect(info.pages == 1)
        #expect(info.records == 2)
        #expect(info.bytesCounted > customers.reduce(0) { $0 + $1.count })
        let applied = try await cache.currentStore?.pool.read { db in try CacheSchema.migrator.appliedIdentifiers(db) }
        #expect(applied == ["v1", "v2", "v3", "v4"])
        let refs = try await cache.currentStore?.pool.read { db in try Int.fetchAll(db, sql: "SELECT refs FROM records ORDER BY id") }
        #expect(refs == [1, 1])

        // The migrated database takes new data normally.
        fixture.fetcher.setPage(PageKey(resource: .records(.invoices)), Fixtures.page([Fixtures.invoice(1)]))
        #expect(await collect(cache.page(PageKey(resource: .records(.invoices)))).map(\.kind) == ["fresh"])
        #expect(await cache.cachedPage(PageKey(resource: .records(.invoices))) != nil)
    }

    @Test func garbageFileIsMovedAsideAndRebuilt() async throws {
        let fixture = try CacheFixture()
        defer { fixture.directory.remove() }
        let location = CacheLocation(directory: fixture.directory.url, profile: "test")
        let garbage = Data(String(repeating: "this is not an SQLite database\n", count: 200).utf8)
        try garbage.write(to: location.databaseURL)

        let cache = fixture.makeCache()
        #expect(cache.isPersistent)
        #expect(cache.openingWarnings.count == 1)
        #expect(cache.openingWarnings.first?.contains("moved it aside") == true)
        #expect(cache.emittedEvents == cache.openingWarnings.map { .warning($0) })
        let aside = URL(fileURLWithPath: location.databaseURL.path + ".corrupt-\(Int(fixture.clock.now.timeIntervalSince1970))")
        #expect(try Data(contentsOf: aside) == garbage)

        let key = PageKey(resource: .records(.invoices))
        fixture.fetcher.setPage(key, Fixtures.page([Fixtures.invoice(1)]))
        _ = await collect(cache.page(key))
        #expect(await cache.cachedPage(key)?.items == [Fixtures.invoice(1)])
    }

    @Test func damagedPagesInAValidFileAreCaughtAtOpen() async throws {
        let fixture = try CacheFixture()
        defer { fixture.directory.remove() }
        let key = PageKey(resource: .records(.invoices))
        fixture.fetcher.setPage(key, Fixtures.page((1...50).map { Fixtures.invoice($0) }))
        weak var weakCache: PageCache?
        do {
            let cache = fixture.makeCache()
            _ = await collect(cache.page(key))
            #expect(await cache.cachedPage(key) != nil)
            weakCache = cache
        }
        #expect(weakCache == nil)  // closed, with the WAL checkpointed into the file
        // Keep the 100-byte header, scribble over the schema page and what follows.
        let url = CacheLocation(directory: fixture.directory.url, profile: "test").databaseURL
        var bytes = try Data(contentsOf: url)
        try #require(bytes.count > 8192)
        bytes.replaceSubrange(100..<8192, with: Data(repeating: 0xA5, count: 8092))
        try bytes.write(to: url)

        let reopened = fixture.makeCache()
        #expect(reopened.isPersistent)
        #expect(reopened.openingWarnings.count == 1)
        #expect(await reopened.cachedPage(key) == nil)
        _ = await collect(reopened.page(key))
        #expect(await reopened.cachedPage(key)?.items.count == 50)
    }

    @Test func unusableDirectoryRunsWithoutCacheAndOneWarning() async throws {
        let fixture = try CacheFixture()
        defer { fixture.directory.remove() }
        // A plain file where the cache directory should be: no one (not even root) can create it.
        let blocker = fixture.directory.url.appendingPathComponent("blocked")
        try Data("x".utf8).write(to: blocker)
        var configuration = fixture.configuration()
        configuration.directory = blocker.appendingPathComponent("lagotui")
        let cache = PageCache(configuration: configuration, fetcher: fixture.fetcher)

        #expect(!cache.isPersistent)
        #expect(cache.openingWarnings.count == 1)
        #expect(cache.openingWarnings.first?.contains("running without a cache") == true)
        let key = PageKey(resource: .records(.invoices))
        fixture.fetcher.setPage(key, Fixtures.page([Fixtures.invoice(1)]))
        #expect(await collect(cache.page(key)).map(\.kind) == ["fresh"])
        #expect(await collect(cache.page(key)).map(\.kind) == ["fresh"])  // nothing kept
        #expect(fixture.fetcher.callCount == 2)
        #expect(await cache.store(record: Fixtures.invoice(1), resource: .records(.invoices)) == nil)
        #expect(await cache.search("inv").isEmpty)
        #expect(await cache.info().isEnabled == false)
        try await cache.clear()
        #expect(cache.emittedEvents.count == 1)
    }

    @Test(.enabled(if: geteuid() != 0, "root ignores directory permission bits"))
    func readOnlyDirectoryRunsWithoutCache() async throws {
        let fixture = try CacheFixture()
        defer {
            chmod(fixture.directory.url.path, 0o700)
            fixture.directory.remove()
        }
        #expect(chmod(fixture.directory.url.path, 0o500) == 0)
        var configuration = fixture.configuration()
        configuration.directory = fixture.directory.url
        let cache = PageCache(configuration: configuration, fetcher: fixture.fetcher)
        #expect(!cache.isPersistent)
        #expect(cache.openingWarnings.count == 1)
        let key = PageKey(resource: .records(.invoices))
        fixture.fetcher.setPage(key, Fixtures.page([Fixtures.invoice(1)]))
        #expect(await collect(cache.page(key)).map(\.kind) == ["fresh"])
    }

    @Test func fullDiskSwitchesToNoCacheModeWithOneWarning() async throws {
        let fixture = try CacheFixture()
        defer { fixture.directory.remove() }
        // SQLite's page limit makes the database "full" after a few pages, as a full disk would.
        let cache = fixture.makeCache(prepareConnection: { db in try db.execute(sql: "PRAGMA max_page_count = 60") })
        #expect(cache.isPersistent)
        let keys = (1...40).map { PageKey(resource: .records(.invoices), page: $0) }
        for key in keys {
            fixture.fetcher.setPage(key, Fixtures.page((0..<20).map { Fixtures.invoice(key.page * 100 + $0) }))
        }
        for key in keys {
            let updates = await collect(cache.page(key))
            #expect(updates.last?.kind == "fresh")
        }
        #expect(!cache.isPersistent)
        let warnings = cache.emittedEvents
        #expect(warnings.count == 1)
        guard case .warning(let text) = warnings.first else {
            Issue.record("expected a warning, got \(warnings)")
            return
        }
        #expect(text.contains("running without a cache"))
        #expect(text.contains("disk full"))
        #expect(await cache.cachedPage(keys[0]) == nil)
    }

    @Test func directoryIsPrivateAndEveryDatabaseFileIs0600() async throws {
        let fixture = try CacheFixture()
        defer { fixture.directory.remove() }
        let directory = fixture.directory.url.appendingPathComponent("xdg/lagotui")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        chmod(directory.path, 0o755)
        let location = CacheLocation(directory: directory, profile: "work")
        #expect(FileManager.default.createFile(atPath: location.databaseURL.path, contents: nil))
        chmod(location.databaseURL.path, 0o644)

        var configuration = fixture.configuration(profile: "work")
        configuration.directory = directory
        let cache = PageCache(configuration: configuration, fetcher: fixture.fetcher)
        let key = PageKey(resource: .records(.customers))
        fixture.fetcher.setPage(key, Fixtures.page([Fixtures.customer(1)]))
        _ = await collect(cache.page(key))
        #expect(cache.isPersistent)

        #expect(try mode(of: directory.path) == 0o700)
        for file in location.allFiles {
            #expect(FileManager.default.fileExists(atPath: file.path), "\(file.lastPathComponent) exists while open")
            #expect(try mode(of: file.path) == 0o600, "\(file.lastPathComponent)")
        }
    }

    @Test func aSharedStickyDirectoryIsNotTightenedButTheFilesAre() async throws {
        let fixture = try CacheFixture()
        defer { fixture.directory.remove() }
        let shared = fixture.directory.url.appendingPathComponent("shared")
        try FileManager.default.createDirectory(at: shared, withIntermediateDirectories: true)
        #expect(chmod(shared.path, 0o1777) == 0)
        var configuration = fixture.configuration()
        configuration.directory = shared
        let cache = PageCache(configuration: configuration, fetcher: fixture.fetcher)
        #expect(cache.isPersistent)
        let attributes = try FileManager.default.attributesOfItem(atPath: shared.path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o1777)
        #expect(try mode(of: cache.location.databaseURL.path) == 0o600)
    }

    @Test func locationFollowsXDGAndSanitisesProfileNames() {
        let xdg = CacheLocation(profile: "prod", environment: ["XDG_CACHE_HOME": "/var/tmp/c", "HOME": "/home/ana"])
        #expect(xdg.databaseURL.path == "/var/tmp/c/lagotui/prod.sqlite")
        let home = CacheLocation(profile: "../eu prod", environment: ["XDG_CACHE_HOME": "relative", "HOME": "/home/ana"])
        #expect(home.databaseURL.path == "/home/ana/.cache/lagotui/___eu_prod.sqlite")
    }

    @Test func clearEmptiesTheCacheAndStaticClearRemovesFiles() async throws {
        let fixture = try CacheFixture()
        defer { fixture.directory.remove() }
        let key = PageKey(resource: .records(.customers))
        fixture.fetcher.setPage(key, Fixtures.page([Fixtures.customer(1, name: "Acme")]))
        do {
            let cache = fixture.makeCache()
            _ = await collect(cache.page(key))
            #expect(await cache.info().records == 1)
            try await cache.clear()
            let info = await cache.info()
            #expect(info.pages == 0)
            #expect(info.records == 0)
            #expect(info.bytesCounted == 0)
            #expect(info.oldestEntry == nil)
            #expect(await cache.search("acme").isEmpty)
            _ = await collect(cache.page(key))
        }
        let location = CacheLocation(directory: fixture.directory.url, profile: "test")
        try Data("old".utf8).write(to: URL(fileURLWithPath: location.databaseURL.path + ".corrupt-1"))
        let other = CacheLocation(directory: fixture.directory.url, profile: "other")
        try Data("keep".utf8).write(to: other.databaseURL)
        #expect(await PageCache.info(configuration: fixture.configuration()).records == 1)
        try PageCache.clear(configuration: fixture.configuration())
        let left = try FileManager.default.contentsOfDirectory(atPath: fixture.directory.url.path)
        #expect(left == ["other.sqlite"])
    }
}

func mode(of path: String) throws -> Int {
    let attributes = try FileManager.default.attributesOfItem(atPath: path)
    return (attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1
}
