import Foundation
import LagoAPI

/// Where the cache gets pages and objects it does not have (or has stale).
///
/// The cache only ever talks to the network through this protocol, so tests and the browser's
/// view-model tests can inject a fake, and so no request headers or credentials ever pass
/// through the cache: the fetcher owns them.
public protocol PageFetching: Sendable {
    /// Fetches one list page as raw JSON items, in API order.
    func fetch(_ key: PageKey) async throws -> RawPage
    /// Fetches one object as the raw JSON of the value under the key's `rootKey`.
    func fetchObject(_ key: ObjectKey) async throws -> Data
}

/// The production fetcher: a `LagoClient` (which holds the API key; the cache never sees it).
public struct LagoPageFetcher: PageFetching {
    public let client: LagoClient

    /// Wraps a client.
    public init(client: LagoClient) {
        self.client = client
    }

    public func fetch(_ key: PageKey) async throws -> RawPage {
        try await client.rawPage(
            key.path, collectionKey: key.collectionKey, query: key.queryItems, page: key.page, perPage: key.perPage)
    }

    public func fetchObject(_ key: ObjectKey) async throws -> Data {
        let value = try await client.getObject(key.path, rootKey: key.rootKey, query: key.queryItems, as: JSONValue.self)
        return try JSONEncoder().encode(value)
    }
}

/// Any JSON value, decoded losslessly enough to re-encode an object the typed client returned.
/// Integers stay integers (Lago's money is integer cents); decimals in Lago are strings.
enum JSONValue: Codable, Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int64)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    init(from decoder: any Decoder) throws {
        if let container = try? decoder.container(keyedBy: Key.self) {
            var object: [String: JSONValue] = [:]
            for key in container.allKeys {
                object[key.stringValue] = try container.decode(JSONValue.self, forKey: key)
            }
            self = .object(object)
        } else if var container = try? decoder.unkeyedContainer() {
            var array: [JSONValue] = []
            while !container.isAtEnd {
                array.append(try container.decode(JSONValue.self))
            }
            self = .array(array)
        } else {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() {
                self = .null
            } else if let value = try? container.decode(Bool.self) {
                self = .bool(value)
            } else if let value = try? container.decode(Int64.self) {
                self = .int(value)
            } else if let value = try? container.decode(Double.self) {
                self = .double(value)
            } else {
                self = .string(try container.decode(String.self))
            }
        }
    }

    func encode(to encoder: any Encoder) throws {
        switch self {
        case .null:
            var container = encoder.singleValueContainer()
            try container.encodeNil()
        case .bool(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case .int(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case .double(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case .string(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case .array(let values):
            var container = encoder.unkeyedContainer()
            for value in values { try container.encode(value) }
        case .object(let object):
            var container = encoder.container(keyedBy: Key.self)
            for (key, value) in object { try container.encode(value, forKey: Key(stringValue: key)) }
        }
    }
}
