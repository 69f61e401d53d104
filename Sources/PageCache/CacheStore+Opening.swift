import Foundation
import GRDB

extension CacheStore {
    /// The outcome of opening: a store (or none, for no-cache mode) and the warnings to show once.
    struct Opening: Sendable {
        let store: CacheStore?
        let warnings: [String]
    }

    /// Opens (creating, migrating, or rebuilding) the database at `location`. Never throws:
    /// a damaged file is moved aside and rebuilt with a warning; a directory or disk that cannot
    /// be written gives no store and one warning, and lagotui runs without a cache.
    static func open(
        at location: CacheLocation, now: Date, prepareConnection: (@Sendable (Database) throws -> Void)? = nil
    ) -> Opening {
        do {
            return Opening(store: try openOnce(location, prepareConnection: prepareConnection), warnings: [])
        } catch let error where isDamage(error) {
            do {
                let aside = try location.moveAside(now: now)
                let store = try openOnce(location, prepareConnection: prepareConnection)
                return Opening(
                    store: store,
                    warnings: [
                        "cache database was damaged; moved it aside to \(aside.path) and started a new one"
                    ])
            } catch {
                return Opening(store: nil, warnings: [unusableWarning(location, error)])
            }
        } catch {
            return Opening(store: nil, warnings: [unusableWarning(location, error)])
        }
    }

    private static func openOnce(_ location: CacheLocation, prepareConnection: (@Sendable (Database) throws -> Void)?)
        throws -> CacheStore
    {
        try location.prepare()
        var configuration = Configuration()
        configuration.label = "lagotui.cache"
        configuration.busyMode = .timeout(5)
        configuration.prepareDatabase { db in
            // A cache may lose its last writes on power loss, never its consistency: in WAL
            // mode NORMAL syncs at checkpoints only, not at every commit.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            try prepareConnection?(db)
        }
        let pool = try DatabasePool(path: location.databaseURL.path, configuration: configuration)
        do {
            try CacheSchema.migrator.migrate(pool)
            // Read both main tables once so damage shows now, not in the middle of browsing
            // (a full integrity check would cost seconds on a large cache at every start).
            try pool.read { db in
                _ = try Int.fetchOne(db, sql: "SELECT count(*) FROM pages")
                _ = try Int.fetchOne(db, sql: "SELECT count(*) FROM records")
            }
            try location.prepare()  // the -wal and -shm files now exist: make sure they are 0600 too
            return CacheStore(pool: pool, location: location)
        } catch {
            try? pool.close()
            throw error
        }
    }

    /// Whether an error means the file's contents are damaged (rebuild) rather than the place
    /// being unusable (run without a cache).
    static func isDamage(_ error: any Error) -> Bool {
        guard let error = error as? DatabaseError else { return false }
        return error.resultCode == .SQLITE_CORRUPT || error.resultCode == .SQLITE_NOTADB
    }

    /// Whether an error means the cache can no longer be written or read at all (disk full,
    /// read-only, I/O error, damage): the cache switches itself off for the session.
    static func isFatal(_ error: any Error) -> Bool {
        guard let error = error as? DatabaseError else { return error is CacheFileError }
        switch error.resultCode {
        // SQLITE_ABORT: SQLite rolled our transaction back by itself, which it does after a
        // full disk or an I/O error (GRDB then reports "Transaction was aborted").
        case .SQLITE_ABORT, .SQLITE_FULL, .SQLITE_READONLY, .SQLITE_IOERR, .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_CORRUPT,
            .SQLITE_NOTADB, .SQLITE_NOMEM:
            return true
        default:
            return false
        }
    }

    static func unusableWarning(_ location: CacheLocation, _ error: any Error) -> String {
        "cache unavailable at \(location.directory.path) (\(describe(error))); running without a cache"
    }

    /// A one-line description of a storage error for people. Never includes SQL or its
    /// arguments (which could hold cached data): only what went wrong and SQLite's code.
    static func describe(_ error: any Error) -> String {
        guard let error = error as? DatabaseError else { return "\(error)" }
        let what: String
        switch error.resultCode {
        case .SQLITE_FULL: what = "disk full"
        case .SQLITE_ABORT: what = "a write was rolled back: disk full or I/O error"
        case .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_CANTOPEN: what = "not writable"
        case .SQLITE_IOERR: what = "I/O error"
        case .SQLITE_CORRUPT, .SQLITE_NOTADB: what = "damaged database"
        case .SQLITE_NOMEM: what = "out of memory"
        default: what = "database error"
        }
        return "\(what), SQLite code \(error.extendedResultCode.rawValue)"
    }
}
