import Foundation
import LagoAPI

extension PageKey {
    /// The key of a page of a Lago resource's list, with the path and collection key Lago uses.
    /// Nested lists (wallet transactions) need their parent's id and give nil without it.
    public static func list(
        _ resource: LagoResource, parentID: String? = nil, query: [URLQueryItem] = [], page: Int = 1, perPage: Int = 100
    ) -> PageKey? {
        guard let path = resource.listPath(parentID: parentID) else { return nil }
        return PageKey(
            resource: .records(resource), path: path, collectionKey: resource.collectionKey, query: query, page: page,
            perPage: perPage, isPaginated: resource.isPaginated)
    }
}

extension ObjectKey {
    /// The key of one Lago record's detail: `id` is what its path takes (`recordKeyField`:
    /// the lago id, or the external id / code for customers, subscriptions and catalogue objects).
    public static func record(_ resource: LagoResource, id: String) -> ObjectKey {
        ObjectKey(resource: .records(resource), id: id, path: resource.recordPath(id: id), rootKey: resource.singularKey)
    }
}

extension PageCache {
    /// Stores an action's returned record of a Lago resource; see `store(record:resource:)`.
    @discardableResult
    public func store(record json: Data, resource: LagoResource) async -> String? {
        await store(record: json, resource: .records(resource))
    }
}
