import Foundation
import GRDB

/// The database schema, as GRDB migrations. Never edit a shipped migration: add a new one.
///
/// - v1: pages (one row per list page), page_items (the record ids of a page, in order) and
///   records (one row per record, raw JSON, stored once however many pages show it).
/// - v2: LRU bookkeeping (`accessed_at`, `byte_size`, a running total in `cache_usage`), a
///   `stale` flag and a lookup `alias` (an external id or code a detail view asked for) on
///   records, and local search: `records.search_text` indexed by the FTS5
///   table `record_search`, kept in sync by triggers.
/// - v3: `records.refs`, the number of page slots showing a record, kept by triggers, and a
///   partial index of unreferenced records, so eviction finds loose records without a scan.
/// - v4: `records.complete`: 1 when the JSON came from the record's own endpoint or an action's
///   answer, 0 when it came from a list page. Lago's list items leave out what a show answer
///   has (an invoice's fees, credits, subscriptions), so a detail view never takes a list copy
///   for the full record.
enum CacheSchema {
    /// Fixed per-row allowance (index entries, row headers) added to the payload size.
    static let rowOverhead = 96
    /// Per-item allowance for a page's item list.
    static let pageItemOverhead = 24

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1", migrate: createVersion1)
        migrator.registerMigration("v2", migrate: migrateToVersion2)
        migrator.registerMigration("v3", migrate: migrateToVersion3)
        migrator.registerMigration("v4", migrate: migrateToVersion4)
        return migrator
    }

    /// The latest migration identifier.
    static let latestVersion = "v4"

    static func createVersion1(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE records (
                    id INTEGER PRIMARY KEY,
                    resource TEXT NOT NULL,
                    record_id TEXT NOT NULL,
                    fetched_at REAL NOT NULL,
                    json BLOB NOT NULL,
                    UNIQUE (resource, record_id)
                );
                CREATE TABLE pages (
                    id INTEGER PRIMARY KEY,
                    resource TEXT NOT NULL,
                    path TEXT NOT NULL,
                    query TEXT NOT NULL,
                    page INTEGER NOT NULL,
                    per_page INTEGER NOT NULL,
                    meta BLOB NOT NULL,
                    fetched_at REAL NOT NULL,
                    invalidated INTEGER NOT NULL DEFAULT 0,
                    UNIQUE (path, query, page, per_page)
                );
                CREATE INDEX pages_by_resource ON pages (resource);
                CREATE TABLE page_items (
                    page_id INTEGER NOT NULL REFERENCES pages (id) ON DELETE CASCADE,
                    position INTEGER NOT NULL,
                    record INTEGER NOT NULL REFERENCES records (id),
                    PRIMARY KEY (page_id, position)
                ) WITHOUT ROWID;
                CREATE INDEX page_items_by_record ON page_items (record);
                """)
    }

    static func migrateToVersion2(_ db: Database) throws {
        // Records are rebuilt (SQLite's documented table-rebuild procedure; GRDB runs
        // migrations with foreign keys off and checks them afterwards) so the small columns
        // come before the JSON blob: summing sizes and picking LRU victims then never reads
        // the JSON's overflow pages.
        try db.execute(
            sql: """
                CREATE TABLE records_v2 (
                    id INTEGER PRIMARY KEY,
                    resource TEXT NOT NULL,
                    record_id TEXT NOT NULL,
                    fetched_at REAL NOT NULL,
                    accessed_at REAL NOT NULL,
                    stale INTEGER NOT NULL DEFAULT 0,
                    byte_size INTEGER NOT NULL,
                    search_text TEXT,
                    alias TEXT,
                    json BLOB NOT NULL,
                    UNIQUE (resource, record_id)
                );
                INSERT INTO records_v2 (id, resource, record_id, fetched_at, accessed_at, stale, byte_size, json)
                    SELECT id, resource, record_id, fetched_at, fetched_at, 0, length(json) + \(rowOverhead), json FROM records;
                DROP TABLE records;
                ALTER TABLE records_v2 RENAME TO records;
                CREATE INDEX records_by_access ON records (accessed_at);
                CREATE INDEX records_by_alias ON records (resource, alias) WHERE alias IS NOT NULL;

                ALTER TABLE pages ADD COLUMN accessed_at REAL NOT NULL DEFAULT 0;
                ALTER TABLE pages ADD COLUMN byte_size INTEGER NOT NULL DEFAULT 0;
                UPDATE pages SET accessed_at = fetched_at,
                    byte_size = length(meta) + \(rowOverhead)
                        + \(pageItemOverhead) * (SELECT count(*) FROM page_items WHERE page_id = pages.id);
                CREATE INDEX pages_by_access ON pages (accessed_at);
                """)

        // Search text for records cached before v2.
        let searchable = CachedResource.all.filter { !$0.searchFields.isEmpty }.map(\.name).sorted()
        let rows = try Row.fetchAll(
            db, sql: "SELECT id, resource, json FROM records WHERE resource IN (\(searchable.map { _ in "?" }.joined(separator: ",")))",
            arguments: StatementArguments(searchable))
        for row in rows {
            let json: Data = row["json"]
            guard let resource = CachedResource(name: row["resource"]),
                  let text = RecordParser.searchText(of: json, fields: resource.searchFields) else { continue }
            try db.execute(
                sql: "UPDATE records SET search_text = ?, byte_size = byte_size + ? WHERE id = ?",
                arguments: [text, text.utf8.count * 2, row["id"] as Int64])
        }

        try db.execute(
            sql: """
                CREATE VIRTUAL TABLE record_search USING fts5(
                    search_text, content = 'records', content_rowid = 'id',
                    tokenize = 'unicode61 remove_diacritics 2');
                INSERT INTO record_search (record_search) VALUES ('rebuild');
                CREATE TRIGGER records_search_insert AFTER INSERT ON records
                    WHEN new.search_text IS NOT NULL BEGIN
                    INSERT INTO record_search (rowid, search_text) VALUES (new.id, new.search_text);
                END;
                CREATE TRIGGER records_search_delete AFTER DELETE ON records
                    WHEN old.search_text IS NOT NULL BEGIN
                    INSERT INTO record_search (record_search, rowid, search_text) VALUES ('delete', old.id, old.search_text);
                END;
                CREATE TRIGGER records_search_update AFTER UPDATE OF search_text ON records
                    WHEN old.search_text IS NOT new.search_text BEGIN
                    INSERT INTO record_search (record_search, rowid, search_text)
                        SELECT 'delete', old.id, old.search_text WHERE old.search_text IS NOT NULL;
                    INSERT INTO record_search (rowid, search_text)
                        SELECT new.id, new.search_text WHERE new.search_text IS NOT NULL;
                END;

                CREATE TABLE cache_usage (id INTEGER PRIMARY KEY CHECK (id = 1), bytes INTEGER NOT NULL);
                INSERT INTO cache_usage (id, bytes) VALUES (1,
                    (SELECT coalesce(sum(byte_size), 0) FROM records) + (SELECT coalesce(sum(byte_size), 0) FROM pages));
                CREATE TRIGGER records_usage_insert AFTER INSERT ON records BEGIN
                    UPDATE cache_usage SET bytes = bytes + new.byte_size WHERE id = 1;
                END;
                CREATE TRIGGER records_usage_delete AFTER DELETE ON records BEGIN
                    UPDATE cache_usage SET bytes = bytes - old.byte_size WHERE id = 1;
                END;
                CREATE TRIGGER records_usage_update AFTER UPDATE OF byte_size ON records BEGIN
                    UPDATE cache_usage SET bytes = bytes - old.byte_size + new.byte_size WHERE id = 1;
                END;
                CREATE TRIGGER pages_usage_insert AFTER INSERT ON pages BEGIN
                    UPDATE cache_usage SET bytes = bytes + new.byte_size WHERE id = 1;
                END;
                CREATE TRIGGER pages_usage_delete AFTER DELETE ON pages BEGIN
                    UPDATE cache_usage SET bytes = bytes - old.byte_size WHERE id = 1;
                END;
                CREATE TRIGGER pages_usage_update AFTER UPDATE OF byte_size ON pages BEGIN
                    UPDATE cache_usage SET bytes = bytes - old.byte_size + new.byte_size WHERE id = 1;
                END;
                """)
    }

    static func migrateToVersion3(_ db: Database) throws {
        try db.execute(
            sql: """
                ALTER TABLE records ADD COLUMN refs INTEGER NOT NULL DEFAULT 0;
                UPDATE records SET refs = (SELECT count(*) FROM page_items WHERE record = records.id);
                CREATE INDEX records_loose_by_access ON records (accessed_at) WHERE refs = 0;
                CREATE TRIGGER page_items_ref_insert AFTER INSERT ON page_items BEGIN
                    UPDATE records SET refs = refs + 1 WHERE id = new.record;
                END;
                CREATE TRIGGER page_items_ref_delete AFTER DELETE ON page_items BEGIN
                    UPDATE records SET refs = refs - 1 WHERE id = old.record;
                END;
                """)
    }

    static func migrateToVersion4(_ db: Database) throws {
        // Records cached before v4 are taken as list copies: a detail view re-reads them once.
        try db.execute(sql: "ALTER TABLE records ADD COLUMN complete INTEGER NOT NULL DEFAULT 0")
    }
}
