import Foundation

/// The typed list and lookup calls for every resource, driven by its catalogue row: path,
/// roots, record key, paging, filter spellings and value domains all come from
/// `ResourceEntry`, so there is no per-resource method or query type to keep in step with it.
extension LagoClient {
    /// One page of `resource`'s list decoded as `T`, filtered by the names users type
    /// (`status`, `payment_status`, `external_customer_id`; see `ResourceEntry.filters`).
    /// Values outside a filter's domain are refused before anything is sent. A nested list
    /// takes its parent's id among the filters; an unpaginated one is read whole, without
    /// paging parameters.
    public func list<T: Decodable & Sendable>(
        _ resource: LagoResource, filters: [(name: String, values: [String])] = [], page: Int = 1, perPage: Int? = nil,
        as type: T.Type = T.self
    ) async throws -> Page<T> {
        let (path, query) = try Self.listRequest(resource, filters)
        let entry = resource.entry
        guard entry.isPaginated else {
            let response = try await send(.get, path, query: query)
            let envelope: ListEnvelope<T> = try decode(response.body, rootKey: entry.collectionRoot)
            return Page(items: envelope.items, meta: .singlePage(count: envelope.items.count))
        }
        return try await listPage(path, collectionKey: entry.collectionRoot, query: query, page: page, perPage: perPage, as: T.self)
    }

    /// Every page of `resource`'s list, in order (see ``PageSequence``); filters as in `list`.
    public func allRecords<T: Decodable & Sendable>(
        _ resource: LagoResource, filters: [(name: String, values: [String])] = [], perPage: Int? = nil, as type: T.Type = T.self
    ) throws -> PageSequence<T> {
        let (path, query) = try Self.listRequest(resource, filters)
        return allPages(path, collectionKey: resource.collectionKey, query: query, perPage: perPage, as: T.self)
    }

    /// One record by the value of its key field (`recordKeyField`: lago_id, external_id,
    /// code…), percent-encoded as one path segment. The object is read under the record root
    /// (`{"invoice": {...}}`); a bare object is accepted too, as the OpenAPI file documents for
    /// `GET /payments/{id}` and `GET /wallet_transactions/{id}`.
    public func record<T: Decodable & Sendable>(_ resource: LagoResource, key: String, as type: T.Type = T.self) async throws -> T {
        let response = try await send(.get, try Self.recordPath(resource, id: key))
        let wrapped: WrappedOrBare<T> = try decode(response.body, rootKey: resource.singularKey)
        return wrapped.value
    }

    /// The path and query of a filtered list, or why it cannot be asked for.
    static func listRequest(_ resource: LagoResource, _ filters: [(name: String, values: [String])]) throws(LagoQueryError)
        -> (path: String, query: [URLQueryItem])
    {
        let entry = resource.entry
        var checked: [(name: String, values: [String])] = []
        for filter in filters {
            guard let spec = entry.filter(named: filter.name) else {
                throw LagoQueryError(parameter: filter.name, message: "\(resource.displayName) have no filter \(filter.name)")
            }
            var values: [String] = []
            for value in filter.values {
                switch spec.domain.check(value) {
                case let .success(value): values.append(value)
                case let .failure(rejection):
                    throw LagoQueryError(parameter: spec.wireName,
                                         message: "\(spec.wireName) takes \(rejection.expected); got \"\(TextSanitizer.printable(value, clippedTo: 60))\"")
                }
            }
            checked.append((spec.key, values))
        }
        let parentID = entry.parentFilter.flatMap { parent in checked.first { $0.name == parent.key }?.values.first }
        guard let path = resource.listPath(parentID: parentID) else {
            throw LagoQueryError(parameter: entry.parentFilter?.key ?? "parent",
                                 message: "\(resource.displayName) are listed under a \(resource.parent?.entry.noun ?? "parent"): its id is required")
        }
        return (path, entry.queryItems(checked))
    }
}

/// Decodes `{"<record root>": T}` when the root is present, else the whole body as `T`.
struct WrappedOrBare<T: Decodable>: Decodable {
    let value: T

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        let key = AnyCodingKey(decoder.userInfo[.lagoRootKey] as? String ?? "")
        value = container.contains(key) ? try container.decode(T.self, forKey: key) : try T(from: decoder)
    }
}
