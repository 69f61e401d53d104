import Foundation

extension LagoClient {
    /// Fetches one page of a list and decodes its items.
    ///
    /// `collectionKey` is Lago's plural key (`invoices`, `wallet_transactions`…). Lists that Lago
    /// does not paginate (`/billing_entities`, `/analytics/*`) come back as one page with
    /// ``PageMeta/singlePage(count:)``.
    public func listPage<T: Decodable & Sendable>(
        _ path: String,
        collectionKey: String,
        query: [URLQueryItem] = [],
        page: Int = 1,
        perPage: Int? = nil,
        as type: T.Type = T.self
    ) async throws -> Page<T> {
        let response = try await send(.get, path, query: pagedQuery(query, page: page, perPage: perPage))
        let envelope: ListEnvelope<T> = try decode(response.body, rootKey: collectionKey)
        let meta = envelope.meta ?? .singlePage(count: envelope.items.count)
        return Page(items: envelope.items, meta: meta)
    }

    /// Fetches one page of a list as raw JSON: `meta` plus each item's exact bytes, for caches
    /// that store what the server sent.
    public func rawPage(
        _ path: String,
        collectionKey: String,
        query: [URLQueryItem] = [],
        page: Int = 1,
        perPage: Int? = nil
    ) async throws -> RawPage {
        let response = try await send(.get, path, query: pagedQuery(query, page: page, perPage: perPage))
        return try Self.rawPage(from: response.body, collectionKey: collectionKey, apiKey: configuration.apiKey)
    }

    /// Fetches a list Lago returns whole (`ResourceEntry.isPaginated` is false), as raw JSON:
    /// no `page`/`per_page` is sent, and the page's meta says it is the only one.
    public func wholeList(_ path: String, collectionKey: String, query: [URLQueryItem] = []) async throws -> RawPage {
        let response = try await send(.get, path, query: query.filter { $0.name != "page" && $0.name != "per_page" })
        return try Self.rawPage(from: response.body, collectionKey: collectionKey, apiKey: configuration.apiKey)
    }

    /// Fetches one object, for example `GET /invoices/ID` with `rootKey: "invoice"`.
    /// An empty `rootKey` decodes the whole body.
    public func getObject<T: Decodable & Sendable>(
        _ path: String,
        rootKey: String,
        query: [URLQueryItem] = [],
        as type: T.Type = T.self
    ) async throws -> T {
        let response = try await send(.get, path, query: query)
        return try decodeRoot(response.body, rootKey: rootKey)
    }

    /// The object under `rootKey` exactly as Lago sent it: key order, number text and all, like
    /// ``rawPage(_:collectionKey:query:page:perPage:)`` keeps list items. The page cache stores
    /// these bytes and the detail view shows fields in Lago's order; decoding into a dictionary
    /// and encoding again would shuffle the keys and send decimals through `Double`.
    public func objectBytes(_ path: String, rootKey: String, query: [URLQueryItem] = []) async throws -> Data {
        let response = try await send(.get, path, query: query)
        guard JSONSlicer.isWellFormed(response.body) else { throw LagoError.decoding(path: rootKey, snippet: "not JSON") }
        guard let value = JSONSlicer.value(at: rootKey, in: response.body) else {
            throw LagoError.decoding(path: rootKey, snippet: "the response has no \(rootKey)")
        }
        guard value.first == UInt8(ascii: "{") else { throw LagoError.decoding(path: rootKey, snippet: "not a JSON object") }
        return value
    }

    /// Sends a mutation (`POST`/`PUT`/`DELETE`) and decodes the object under `rootKey`.
    ///
    /// Never retried once it may have reached the server; see ``send(_:_:query:body:idempotent:)``.
    /// For actions Lago answers with an empty body (`retry_payment`), ask for ``LagoEmpty`` or an
    /// `Optional`, which decode an empty body as `LagoEmpty()` or `nil`.
    public func mutate<T: Decodable & Sendable>(
        _ method: HTTPMethod,
        _ path: String,
        body: Data?,
        rootKey: String,
        as type: T.Type = T.self
    ) async throws -> T {
        let response = try await send(method, path, body: body, idempotent: method.isIdempotent)
        return try decodeRoot(response.body, rootKey: rootKey)
    }

    /// Encodes a request body with ``LagoJSON/encoder`` (a convenience for typed calls).
    public func encodeBody<B: Encodable>(_ body: B) throws -> Data {
        try Self.encodedBody(body)
    }

    /// Encodes a request body with ``LagoJSON/encoder``; throws `LagoError.invalidConfiguration`.
    static func encodedBody<B: Encodable>(_ body: B) throws -> Data {
        do {
            return try LagoJSON.encoder.encode(body)
        } catch {
            throw LagoError.invalidConfiguration("cannot encode the request body: \(error)")
        }
    }

    // MARK: - Decoding

    func pagedQuery(_ query: [URLQueryItem], page: Int, perPage: Int?) -> [URLQueryItem] {
        var items = query.filter { $0.name != "page" && $0.name != "per_page" }
        items.append(URLQueryItem(name: "page", value: String(max(1, page))))
        items.append(URLQueryItem(name: "per_page", value: String(max(1, perPage ?? configuration.perPage))))
        return items
    }

    func decodeRoot<T: Decodable>(_ body: Data, rootKey: String) throws -> T {
        if let emptyType = T.self as? any LagoEmptyDecodable.Type,
           body.allSatisfy({ [0x20, 0x09, 0x0A, 0x0D].contains($0) }),
           let empty = emptyType.emptyValue as? T {
            return empty
        }
        if rootKey.isEmpty { return try decode(body, rootKey: nil) }
        let wrapper: RootEnvelope<T> = try decode(body, rootKey: rootKey)
        return wrapper.value
    }

    func decode<T: Decodable>(_ body: Data, rootKey: String?) throws -> T {
        let decoder = LagoJSON.decoder
        if let rootKey { decoder.userInfo[.lagoRootKey] = rootKey }
        do {
            return try decoder.decode(T.self, from: body)
        } catch {
            throw LagoError.decoding(error, body: body).redacting(configuration.apiKey)
        }
    }

    /// The page's records sliced out of `body` as sent. The bytes are read by ``JSONScanner``
    /// (checked and sliced in one pass), never decoded into a tree or through Foundation: only `meta` is
    /// decoded. Foundation's decoder reads the page only when it is refused, to say why.
    static func rawPage(from body: Data, collectionKey: String, apiKey: String) throws -> RawPage {
        if let page = checkedRawPage(from: body, collectionKey: collectionKey) { return page }
        let decoder = LagoJSON.decoder
        decoder.userInfo[.lagoRootKey] = collectionKey
        do {
            _ = try decoder.decode(RawEnvelope.self, from: body)
        } catch {
            throw LagoError.decoding(error, body: body).redacting(apiKey)
        }
        throw LagoError.decoding(path: collectionKey, snippet: "not a JSON array")
    }
}

extension LagoClient {
    /// The page when it reads as one: the document must be well-formed JSON (at any nesting
    /// depth, so one record deeper than a decoder allows does not cost the rest of the page),
    /// the collection an array of objects and `meta` (when present) must decode. Each record
    /// is kept as sent, for its reader to accept or reject alone. Anything else fails the page,
    /// so an export never has a silent gap.
    static func checkedRawPage(from body: Data, collectionKey: String) -> RawPage? {
        guard let (elements, metaBytes) = JSONSlicer.checkedPage(body, collectionKey: collectionKey),
              elements.allSatisfy({ $0.first == UInt8(ascii: "{") }) else { return nil }
        var meta: PageMeta?
        if let metaBytes, metaBytes != Data("null".utf8) {
            guard let decoded = try? LagoJSON.decoder.decode(PageMeta.self, from: metaBytes) else { return nil }
            meta = decoded
        }
        return RawPage(meta: meta ?? .singlePage(count: elements.count), items: elements)
    }
}

/// A type that an empty response body decodes to (Lago answers some actions with `head :ok`).
public protocol LagoEmptyDecodable {
    /// The value an empty body stands for.
    static var emptyValue: Self { get }
}

/// The result of an action whose success has no body (for example `retry_payment`).
public struct LagoEmpty: Decodable, Sendable, Equatable, LagoEmptyDecodable {
    /// Creates the empty value.
    public init() {}
    /// Decodes from any body (its content is ignored).
    public init(from decoder: any Decoder) throws {}
    /// The empty value.
    public static var emptyValue: LagoEmpty { LagoEmpty() }
}

extension Optional: LagoEmptyDecodable {
    /// An empty body reads as `nil`.
    public static var emptyValue: Wrapped? { nil }
}

extension CodingUserInfoKey {
    static let lagoRootKey = CodingUserInfoKey(rawValue: "lagotui.rootKey")!
}

/// A coding key made from any string.
struct AnyCodingKey: CodingKey {
    var stringValue: String
    var intValue: Int?
    init(_ string: String) { stringValue = string }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { self.stringValue = String(intValue); self.intValue = intValue }
}

/// `{"<rootKey>": T}`, the key taken from the decoder's user info.
struct RootEnvelope<T: Decodable>: Decodable {
    let value: T
    init(from decoder: any Decoder) throws {
        let key = AnyCodingKey(decoder.userInfo[.lagoRootKey] as? String ?? "")
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        value = try container.decode(T.self, forKey: key)
    }
}

/// `{"<collectionKey>": [T], "meta": {…}?}`.
struct ListEnvelope<T: Decodable>: Decodable {
    let items: [T]
    let meta: PageMeta?
    init(from decoder: any Decoder) throws {
        let key = AnyCodingKey(decoder.userInfo[.lagoRootKey] as? String ?? "")
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        items = try container.decode([T].self, forKey: key)
        meta = try container.decodeIfPresent(PageMeta.self, forKey: AnyCodingKey("meta"))
    }
}

/// Checks that the collection is an array of objects and reads `meta`, without models.
struct RawEnvelope: Decodable {
    let meta: PageMeta?
    init(from decoder: any Decoder) throws {
        let key = AnyCodingKey(decoder.userInfo[.lagoRootKey] as? String ?? "")
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        var items = try container.nestedUnkeyedContainer(forKey: key)
        while !items.isAtEnd {
            _ = try items.nestedContainer(keyedBy: AnyCodingKey.self)
        }
        meta = try container.decodeIfPresent(PageMeta.self, forKey: AnyCodingKey("meta"))
    }
}
