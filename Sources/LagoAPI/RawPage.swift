import Foundation

/// One page of a Lago list kept as raw JSON, for the page cache (which stores bytes and needs
/// no model knowledge).
public struct RawPage: Sendable, Equatable {
    /// Lago's pagination `meta`.
    public var meta: PageMeta
    /// Each item's JSON object bytes, exactly as the server sent them, in API order.
    public var items: [Data]

    /// Creates a raw page.
    public init(meta: PageMeta, items: [Data]) {
        self.meta = meta
        self.items = items
    }

    /// Decodes every item with ``LagoJSON/decoder``; a failure names the item's index.
    public func decode<T: Decodable>(_ type: T.Type, collectionKey: String = "items") throws -> [T] {
        let decoder = LagoJSON.decoder
        return try items.enumerated().map { index, data in
            do {
                return try decoder.decode(T.self, from: data)
            } catch {
                let inner = LagoError.decoding(error, body: data)
                if case let .decoding(path, snippet) = inner {
                    let prefix = "\(collectionKey)[\(index)]"
                    throw LagoError.decoding(path: path.isEmpty ? prefix : (path.hasPrefix("[") ? prefix + path : "\(prefix).\(path)"), snippet: snippet)
                }
                throw inner
            }
        }
    }
}
