import Foundation
import GRDB
import LagoAPI

/// A page as stored: what the database holds, before freshness is judged.
struct StoredPage: Sendable {
    let meta: PageMeta
    let items: [Data]
    let fetchedAt: Date
    let invalidated: Bool
}

/// A record as stored.
struct StoredRecord: Sendable {
    let json: Data
    let fetchedAt: Date
    let stale: Bool
    /// False for a list page's copy (see `ParsedRecord.complete`).
    let complete: Bool
}

/// The SQL side of the cache: one `DatabasePool` (WAL, so reads never wait for the writer).
/// Knows tables and rows, not freshness or networking.
final class CacheStore: Sendable {
    let pool: DatabasePool
    let location: CacheLocation

    init(pool: DatabasePool, location: CacheLocation) {
        self.pool = pool
        self.location = location
    }

    // MARK: Pages

    func readPage(_ key: PageKey) async throws -> (id: Int64, page: StoredPage)? {
        try await pool.read { db in
            guard
                let row = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT id, meta, fetched_at, invalidated FROM pages
                        WHERE path = ? AND query = ? AND page = ? AND per_page = ?
                        """,
                    arguments: [key.path, key.normalizedQuery, key.page, key.perPage])
            else { return nil }
            let id: Int64 = row["id"]
            let items = try Data.fetchAll(
                db,
                sql: """
                    SELECT r.json FROM page_items AS i JOIN records AS r ON r.id = i.record
                    WHERE i.page_id = ? ORDER BY i.position
                    """,
                arguments: [id])
            let meta = try JSONDecoder().decode(PageMeta.self, from: row["meta"] as Data)
            let page = StoredPage(
                meta: meta, items: items, fetchedAt: Date(timeIntervalSince1970: row["fetched_at"]),
                invalidated: row["invalidated"] as Bool)
            return (id, page)
        }
    }

    /// Records a read for LRU, without making the reader wait for the writer.
    func touchPage(id: Int64, at date: Date) {
        pool.asyncWriteWithoutTransaction { db in
            try? db.execute(
                sql: "UPDATE pages SET accessed_at = ? WHERE id = ?", arguments: [date.timeIntervalSince1970, id])
        }
    }

    /// Stores a fetched page: its records (upserted, so each is stored once) and the page row.
    func writePage(_ key: PageKey, meta: PageMeta, records: [ParsedRecord], at date: Date, maxBytes: Int) async throws {
        let metaJSON = try JSONEncoder().encode(meta)
        try await pool.write { db in
            let now = date.timeIntervalSince1970
            var recordIDs: [Int64] = []
            recordIDs.reserveCapacity(records.count)
            for record in records {
                recordIDs.append(try Self.upsertRecord(db, resource: key.resource.name, record: record, at: now))
            }
            let size = metaJSON.count + CacheSchema.rowOverhead + CacheSchema.pageItemOverhead * records.count
            let pageStatement = try db.cachedStatement(
                sql: """
                    INSERT INTO pages (resource, path, query, page, per_page, meta, fetched_at, invalidated, accessed_at, byte_size)
                    VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?)
                    ON CONFLICT (path, query, page, per_page) DO UPDATE SET
                        resource = excluded.resource, meta = excluded.meta, fetched_at = excluded.fetched_at,
                        invalidated = 0, accessed_at = excluded.accessed_at, byte_size = excluded.byte_size
                    RETURNING id
                    """)
            guard
                let pageID = try Int64.fetchOne(
                    pageStatement,
                    arguments: [
                        key.resource.name, key.path, key.normalizedQuery, key.page, key.perPage, metaJSON, now, now, size,
                    ])
            else { throw DatabaseError(resultCode: .SQLITE_INTERNAL, message: "page upsert returned no id") }
            try db.execute(sql: "DELETE FROM page_items WHERE page_id = ?", arguments: [pageID])
            let itemStatement = try db.cachedStatement(
                sql: "INSERT INTO page_items (page_id, position, record) VALUES (?, ?, ?)")
            for (position, recordID) in recordIDs.enumerated() {
                try itemStatement.execute(arguments: [pageID, position, recordID])
            }
            try Self.evict(db, maxBytes: maxBytes)
        }
    }

    // MARK: Records

    func readRecord(resource: String, id: String) async throws -> (rowID: Int64, record: StoredRecord)? {
        try await pool.read { db in
            guard
                let row = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT id, json, fetched_at, stale, complete FROM records
                        WHERE resource = ? AND (record_id = ? OR alias = ?)
                        ORDER BY record_id = ? DESC, fetched_at DESC LIMIT 1
                        """,
                    arguments: [resource, id, id, id])
            else { return nil }
            let record = StoredRecord(
                json: row["json"], fetchedAt: Date(timeIntervalSince1970: row["fetched_at"]), stale: row["stale"],
                complete: row["complete"])
            return (row["id"], record)
        }
    }

    func touchRecord(rowID: Int64, at date: Date) {
        pool.asyncWriteWithoutTransaction { db in
            try? db.execute(
                sql: "UPDATE records SET accessed_at = ? WHERE id = ?", arguments: [date.timeIntervalSince1970, rowID])
        }
    }

    /// Stores one record (an object fetch or an action's result) and marks the given
    /// resources' pages, and their other cached objects, stale.
    func writeRecord(
        resource: String, record: ParsedRecord, invalidating resources: Set<String>, at date: Date, maxBytes: Int
    ) async throws {
        try await pool.write { db in
            _ = try Self.upsertRecord(db, resource: resource, record: record, at: date.timeIntervalSince1970)
            try Self.invalidate(db, pagesOf: resources, objectsOf: resources.subtracting([resource]))
            try Self.evict(db, maxBytes: maxBytes)
        }
    }

    func invalidate(resources: Set<String>) async throws {
        try await pool.write { db in try Self.invalidate(db, pagesOf: resources, objectsOf: resources) }
    }

    /// Marks pages of `pagesOf` stale, and the records of `objectsOf` (so a customer's cached
    /// usage object goes stale when one of its subscriptions changes).
    private static func invalidate(_ db: Database, pagesOf: Set<String>, objectsOf: Set<String>) throws {
        if !pagesOf.isEmpty {
            let list = pagesOf.sorted()
            try db.execute(
                sql: "UPDATE pages SET invalidated = 1 WHERE resource IN (\(list.map { _ in "?" }.joined(separator: ",")))",
                arguments: StatementArguments(list))
        }
        if !objectsOf.isEmpty {
            let list = objectsOf.sorted()
            try db.execute(
                sql: "UPDATE records SET stale = 1 WHERE resource IN (\(list.map { _ in "?" }.joined(separator: ",")))",
                arguments: StatementArguments(list))
        }
    }

    static func upsertRecord(_ db: Database, resource: String, record: ParsedRecord, at now: TimeInterval) throws -> Int64 {
        let size = record.json.count + (record.searchText?.utf8.count ?? 0) * 2 + CacheSchema.rowOverhead
        let statement = try db.cachedStatement(
            sql: """
                INSERT INTO records (resource, record_id, fetched_at, accessed_at, stale, byte_size, search_text, alias, json, complete)
                VALUES (?, ?, ?, ?, 0, ?, ?, ?, ?, ?)
                ON CONFLICT (resource, record_id) DO UPDATE SET
                    fetched_at = excluded.fetched_at, accessed_at = excluded.accessed_at, stale = 0,
                    complete = excluded.complete,
                    byte_size = excluded.byte_size, search_text = excluded.search_text,
                    alias = coalesce(excluded.alias, records.alias), json = excluded.json
                RETURNING id
                """)
        guard
            let id = try Int64.fetchOne(
                statement, arguments: [resource, record.id, now, now, size, record.searchText, record.alias, record.json, record.complete])
        else { throw DatabaseError(resultCode: .SQLITE_INTERNAL, message: "record upsert returned no id") }
        return id
    }

    // MARK: Whole cache

    func clear() async throws {
        try await pool.writeWithoutTransaction { db in
            try db.inTransaction {
                try db.execute(sql: "DELETE FROM page_items; DELETE FROM pages; DELETE FROM records;")
                try db.execute(sql: "INSERT INTO record_search (record_search) VALUES ('rebuild')")
                return .commit
            }
            try db.execute(sql: "VACUUM")
            try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
        }
    }

    func counts() async throws -> (pages: Int, records: Int, oldest: Date?, usage: Int) {
        try await pool.read { db in
            let pages = try Int.fetchOne(db, sql: "SELECT count(*) FROM pages") ?? 0
            let records = try Int.fetchOne(db, sql: "SELECT count(*) FROM records") ?? 0
            let oldest = try Double.fetchOne(
                db,
                sql: "SELECT min(t) FROM (SELECT min(fetched_at) AS t FROM pages UNION ALL SELECT min(fetched_at) FROM records)")
            let usage = try Int.fetchOne(db, sql: "SELECT bytes FROM cache_usage WHERE id = 1") ?? 0
            return (pages, records, oldest.map { Date(timeIntervalSince1970: $0) }, usage)
        }
    }

    /// Moves the WAL's content into the database file, then closes. GRDB closes the writer
    /// before the (read-only) readers, so the last connection cannot checkpoint by itself.
    func close() {
        try? pool.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) }
        try? pool.close()
    }
}
