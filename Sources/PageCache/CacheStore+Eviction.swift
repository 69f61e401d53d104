import Foundation
import GRDB

extension CacheStore {
    /// Most entries one write evicts, so a write never stalls on a big eviction; the next
    /// writes continue until the cache is under its bound again.
    static let maxEvictionsPerWrite = 64

    /// Keeps the cache under `maxBytes`: once over, the least recently used entries go until the
    /// total is at 95 % of the bound, at most `maxEvictionsPerWrite` per write. An entry is a
    /// page (with its records that no other page shows) or a record no page shows (a detail
    /// view or usage object). Sizes are payload bytes plus a fixed per-row allowance, kept as a
    /// running total by triggers, so the check costs one row read.
    static func evict(_ db: Database, maxBytes: Int) throws {
        guard try usage(db) > maxBytes else { return }
        let target = maxBytes / 20 * 19
        var evicted = 0
        while try usage(db) > target, evicted < maxEvictionsPerWrite {
            evicted += 1
            let page = try Row.fetchOne(db, sql: "SELECT id, accessed_at FROM pages ORDER BY accessed_at LIMIT 1")
            let loose = try Row.fetchOne(
                db, sql: "SELECT id, accessed_at FROM records WHERE refs = 0 ORDER BY accessed_at LIMIT 1")
            switch (page, loose) {
            case (nil, nil):
                return
            case (let page?, let loose?) where (loose["accessed_at"] as Double) < (page["accessed_at"] as Double):
                try db.execute(sql: "DELETE FROM records WHERE id = ?", arguments: [loose["id"] as Int64])
            case (let page?, _):
                try deletePage(db, id: page["id"])
            case (nil, let loose?):
                try db.execute(sql: "DELETE FROM records WHERE id = ?", arguments: [loose["id"] as Int64])
            }
        }
    }

    /// Deletes a page and the records only it showed.
    static func deletePage(_ db: Database, id: Int64) throws {
        let recordIDs = try Int64.fetchAll(db, sql: "SELECT DISTINCT record FROM page_items WHERE page_id = ?", arguments: [id])
        try db.execute(sql: "DELETE FROM pages WHERE id = ?", arguments: [id])
        let statement = try db.cachedStatement(sql: "DELETE FROM records WHERE id = ? AND refs = 0")
        for recordID in recordIDs {
            try statement.execute(arguments: [recordID])
        }
    }

    /// The running total of cached bytes.
    static func usage(_ db: Database) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT bytes FROM cache_usage WHERE id = 1") ?? 0
    }
}
