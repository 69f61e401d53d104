import Foundation

/// Cuts values out of a JSON document without decoding them, so the page cache and export can
/// keep each record's bytes exactly as Lago sent them. Built on ``JSONScanner``.
///
/// The document must already be known to be valid JSON (``LagoClient`` checks it first).
public enum JSONSlicer {
    /// The raw bytes of each element of the array under `key` in the top-level object, or
    /// `nil` when there is no such array. Each element is a slice of `data` (sharing its
    /// storage, so a page's records cost no copy and no allocation each).
    public static func elements(ofArrayAt key: String, in data: Data) -> [Data]? {
        data.withUnsafeBytes { raw in
            var scanner = JSONScanner(bytes: raw.bindMemory(to: UInt8.self))
            var found: [Data]?
            _ = scanner.forEachMember { name, scanner in
                guard name == key else { return scanner.skipValue() }
                var items: [Data] = []
                if scanner.forEachArrayElement({ items.append(data[data.startIndex + $0.lowerBound..<data.startIndex + $0.upperBound]) }) {
                    found = items
                }
                return false
            }
            return found
        }
    }

    /// The raw bytes of the value of `key` in the top-level object, or `nil` when it is absent
    /// or the document does not read as an object up to it.
    public static func value(at key: String, in data: Data) -> Data? {
        data.withUnsafeBytes { raw in
            var scanner = JSONScanner(bytes: raw.bindMemory(to: UInt8.self))
            var found: Data?
            _ = scanner.forEachMember { name, scanner in
                let start = scanner.index
                guard scanner.skipValue() else { return false }
                guard name == key else { return true }
                found = data.subdata(in: data.startIndex + start..<data.startIndex + scanner.index)
                return false
            }
            return found
        }
    }

    /// The top-level members of an object whose names are in `names` and whose values are
    /// strings, decoded; other members are skipped unread. Empty when `data` is not an object.
    /// This is how the cache learns a record's identity and search text without a tree.
    public static func strings(named names: Set<String>, in data: Data) -> [String: String] {
        data.withUnsafeBytes { raw in
            var scanner = JSONScanner(bytes: raw.bindMemory(to: UInt8.self))
            var found: [String: String] = [:]
            _ = scanner.forEachMember { name, scanner in
                if names.contains(name), scanner.current == UInt8(ascii: "\""), found[name] == nil {
                    guard let text = try? scanner.parseString() else { return false }
                    found[name] = text
                    return true
                }
                return scanner.skipValue()
            }
            return found
        }
    }

    /// Whether `data` is one well-formed JSON document, checked without recursion so that no
    /// nesting depth is too deep to check (the tree parser stops at ``JSONValue/maximumDepth``).
    /// Like Foundation's parser it tolerates a trailing comma; UTF-8 is not checked here.
    public static func isWellFormed(_ data: Data) -> Bool {
        data.withUnsafeBytes { raw in
            var scanner = JSONScanner(bytes: raw.bindMemory(to: UInt8.self))
            scanner.skipWhitespace()
            guard scanner.skipWellFormedValue() else { return false }
            scanner.skipWhitespace()
            return scanner.isAtEnd
        }
    }

    /// A list page read in one strict pass: the elements of the array under `key` (slices of
    /// `data`, as ``elements(ofArrayAt:in:)`` gives) and the bytes of the `meta` member, or nil
    /// when `data` is not a well-formed object with such an array. This is the whole cost of
    /// reading a page on its way to the cache or an export file.
    public static func checkedPage(_ data: Data, collectionKey key: String) -> (items: [Data], meta: Data?)? {
        data.withUnsafeBytes { raw -> (items: [Data], meta: Data?)? in
            var scanner = JSONScanner(bytes: raw.bindMemory(to: UInt8.self))
            func slice(_ range: Range<Int>) -> Data { data[data.startIndex + range.lowerBound..<data.startIndex + range.upperBound] }
            var items: [Data]?
            var meta: Data?
            scanner.skipWhitespace()
            guard scanner.consume(UInt8(ascii: "{")) else { return nil }
            while true {
                scanner.skipWhitespace()
                if scanner.consume(UInt8(ascii: "}")) { break }
                guard scanner.current == UInt8(ascii: "\""), let name = try? scanner.parseString() else { return nil }
                scanner.skipWhitespace()
                guard scanner.consume(UInt8(ascii: ":")) else { return nil }
                scanner.skipWhitespace()
                let start = scanner.index
                if name == key, items == nil, scanner.current == UInt8(ascii: "[") {
                    var found: [Data] = []
                    guard scanner.forEachCheckedArrayElement({ found.append(slice($0)) }) else { return nil }
                    items = found
                } else {
                    guard scanner.skipWellFormedValue() else { return nil }
                    if name == "meta", meta == nil { meta = slice(start..<scanner.index) }
                }
                scanner.skipWhitespace()
                // A trailing comma is accepted, as Foundation's decoder on the normal path does.
                if scanner.consume(UInt8(ascii: ",")) { continue }
                guard scanner.consume(UInt8(ascii: "}")) else { return nil }
                break
            }
            scanner.skipWhitespace()
            guard scanner.isAtEnd, let items else { return nil }
            return (items, meta)
        }
    }
}

extension JSONScanner {
    /// Like ``forEachArrayElement(_:)``, but each element is checked strictly.
    mutating func forEachCheckedArrayElement(_ body: (Range<Int>) -> Void) -> Bool {
        guard consume(UInt8(ascii: "[")) else { return false }
        while true {
            skipWhitespace()
            if consume(UInt8(ascii: "]")) { return true }
            let start = index
            guard skipWellFormedValue() else { return false }
            body(start..<index)
            skipWhitespace()
            if consume(UInt8(ascii: ",")) { continue }
            return consume(UInt8(ascii: "]"))
        }
    }

    /// Skips one value, checking it strictly with an explicit stack instead of recursion.
    mutating func skipWellFormedValue() -> Bool {
        var open: [UInt8] = []   // the containers we are inside: "{" or "["
        var expectValue = true
        /// After `{` or `,` inside an object: a key string and a colon.
        func readKey(_ scanner: inout JSONScanner) -> Bool {
            scanner.skipWhitespace()
            guard scanner.skipStrictString() else { return false }
            scanner.skipWhitespace()
            return scanner.consume(UInt8(ascii: ":"))
        }
        while true {
            if expectValue {
                skipWhitespace()
                guard let byte = current else { return false }
                switch byte {
                case UInt8(ascii: "{"):
                    index += 1
                    skipWhitespace()
                    if consume(UInt8(ascii: "}")) { expectValue = false; continue }
                    open.append(UInt8(ascii: "{"))
                    guard readKey(&self) else { return false }
                case UInt8(ascii: "["):
                    index += 1
                    skipWhitespace()
                    if consume(UInt8(ascii: "]")) { expectValue = false; continue }
                    open.append(UInt8(ascii: "["))
                case UInt8(ascii: "\""):
                    guard skipStrictString() else { return false }
                    expectValue = false
                default:
                    guard skipLiteralOrNumber() else { return false }
                    expectValue = false
                }
            } else {
                guard let top = open.last else { return true }
                skipWhitespace()
                guard let byte = current else { return false }
                index += 1
                if byte == UInt8(ascii: ",") {
                    // A trailing comma is accepted, as Foundation's decoder on the normal path does.
                    skipWhitespace()
                    if current == UInt8(ascii: "}") || current == UInt8(ascii: "]") { continue }
                    if top == UInt8(ascii: "{"), !readKey(&self) { return false }
                    expectValue = true
                } else if (byte == UInt8(ascii: "]") && top == UInt8(ascii: "[")) || (byte == UInt8(ascii: "}") && top == UInt8(ascii: "{")) {
                    open.removeLast()
                } else {
                    return false
                }
            }
        }
    }
}
