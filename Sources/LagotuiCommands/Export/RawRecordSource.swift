import Foundation
import LagoAPI

/// What the export engine needs from the API: raw list pages and single objects.
/// `LagoClient` is the real one; tests may script one.
public protocol RawRecordSource: Sendable {
    /// One page of a list, items as raw JSON in API order.
    func rawPage(_ path: String, collectionKey: String, query: [URLQueryItem], page: Int, perPage: Int?) async throws -> RawPage
    /// A list Lago returns whole, requested without paging parameters.
    func wholeList(_ path: String, collectionKey: String, query: [URLQueryItem]) async throws -> RawPage
    /// The object under `rootKey` of a GET response, keys in the server's order.
    func rawObject(_ path: String, rootKey: String, query: [URLQueryItem]) async throws -> JSONValue
}

extension RawRecordSource {
    /// A scripted source has no paging to leave out: its first page is the whole list.
    public func wholeList(_ path: String, collectionKey: String, query: [URLQueryItem]) async throws -> RawPage {
        try await rawPage(path, collectionKey: collectionKey, query: query, page: 1, perPage: nil)
    }
}

extension LagoClient: RawRecordSource {
    public func rawObject(_ path: String, rootKey: String, query: [URLQueryItem]) async throws -> JSONValue {
        let response = try await send(.get, path, query: query)
        let body: JSONValue
        do { body = try JSONValue.parse(response.body) } catch {
            throw LagoError.decoding(path: rootKey, snippet: error.description)
        }
        guard let object = body[rootKey] else {
            throw LagoError.decoding(path: rootKey, snippet: "the response has no \(rootKey)")
        }
        return object
    }
}
