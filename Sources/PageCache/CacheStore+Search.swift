import Foundation
import GRDB

/// One local search result: a cached record that matches.
public struct SearchHit: Sendable, Equatable {
    /// The record's resource, e.g. `.records(.customers)`.
    public let resource: CachedResource
    /// The record's id (its `lago_id`).
    public let id: String
    /// The record's raw JSON, as cached.
    public let json: Data
}

extension CacheStore {
    /// Full-text search over the cached records' search fields, best match first.
    func search(_ text: String, resources: Set<String>?, limit: Int) async throws -> [SearchHit] {
        guard let match = SearchQuery.ftsPattern(for: text), limit > 0 else { return [] }
        return try await pool.read { db in
            var sql = """
                SELECT r.resource, r.record_id, r.json FROM record_search
                JOIN records AS r ON r.id = record_search.rowid
                WHERE record_search MATCH ?
                """
            var arguments: StatementArguments = [match]
            if let resources {
                let list = resources.sorted()
                sql += " AND r.resource IN (\(list.map { _ in "?" }.joined(separator: ",")))"
                arguments += StatementArguments(list)
            }
            sql += " ORDER BY record_search.rank LIMIT ?"
            arguments += [limit]
            return try Row.fetchAll(db, sql: sql, arguments: arguments).compactMap { row in
                CachedResource(name: row["resource"]).map { SearchHit(resource: $0, id: row["record_id"], json: row["json"]) }
            }
        }
    }
}

/// Turns what a person typed into a safe FTS5 pattern: every word becomes a quoted prefix
/// term and all must match, so "acme inv" finds "ACME Corp" invoices numbered "INV-…".
/// Nothing typed can reach FTS5 as syntax (operators, column filters, quotes).
enum SearchQuery {
    static func ftsPattern(for text: String) -> String? {
        var words: [String] = []
        var current = ""
        for scalar in text.unicodeScalars {
            if CharacterSet.alphanumerics.contains(scalar) {
                current.unicodeScalars.append(scalar)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        guard !words.isEmpty else { return nil }
        return words.prefix(16).map { "\"\($0)\"*" }.joined(separator: " ")
    }
}
