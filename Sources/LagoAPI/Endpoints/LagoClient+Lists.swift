import Foundation

/// Generic list and lookup calls driven by a `LagoListQuery` or a `LagoRecord` type; the typed
/// calls per resource are thin wrappers over these. Queries are validated before sending.
extension LagoClient {
    /// One page of the list a query describes.
    public func list<Query: LagoListQuery>(_ query: Query, page: Int = 1, perPage: Int? = nil) async throws -> Page<Query.Record> {
        try await listPage(
            try Self.path(of: query), collectionKey: Query.resource.collectionKey,
            query: query.queryItems, page: page, perPage: perPage, as: Query.Record.self)
    }

    /// One page of the list as raw JSON (for caches that store what the server sent).
    public func rawList<Query: LagoListQuery>(_ query: Query, page: Int = 1, perPage: Int? = nil) async throws -> RawPage {
        try await rawPage(
            try Self.path(of: query), collectionKey: Query.resource.collectionKey,
            query: query.queryItems, page: page, perPage: perPage)
    }

    /// Every page of the list, in order (pages 2…N fetched concurrently once the total is known).
    public func allRecords<Query: LagoListQuery>(_ query: Query, perPage: Int? = nil) throws -> PageSequence<Query.Record> {
        allPages(
            try Self.path(of: query), collectionKey: Query.resource.collectionKey,
            query: query.queryItems, perPage: perPage, as: Query.Record.self)
    }

    /// One record by the identifier its endpoint uses (`LagoResource.recordKeyField`): lago_id,
    /// external_id, code, transaction_id or request_id. The object is read under the singular
    /// key (`{"invoice": {...}}`); a bare object is accepted too, as the OpenAPI file documents
    /// for `GET /payments/{id}` and `GET /wallet_transactions/{id}`.
    public func record<Record: LagoRecord>(_ type: Record.Type, id: String) async throws -> Record {
        try await getObject(try Self.recordPath(Record.resource, id: id), rootKey: "", as: WrappedOrBare<Record>.self).value
    }

    static func path<Query: LagoListQuery>(of query: Query) throws -> String {
        try query.validate()
        guard let path = query.listPath else {
            throw LagoQueryError(parameter: "parent", message: "\(Query.resource.displayName) are listed under a \(Query.resource.parent?.singularKey ?? "parent"): its id is required")
        }
        return path
    }

    static func recordPath(_ resource: LagoResource, id: String) throws(LagoQueryError) -> String {
        guard !id.isEmpty else {
            throw LagoQueryError(parameter: resource.recordKeyField, message: "a \(resource.singularKey.replacingOccurrences(of: "_", with: " ")) needs its \(resource.recordKeyField)")
        }
        return resource.recordPath(id: id)
    }
}
