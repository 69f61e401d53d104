import Foundation

/// One leaf of a record as ``JSONLeafWalker`` hands it over: its bytes, borrowed from the
/// record for the duration of the call.
public enum JSONLeaf {
    case null
    case bool(Bool)
    /// The number's text exactly as sent.
    case number(UnsafeBufferPointer<UInt8>)
    /// A string's content between its quotes. The walker hands over only strings without
    /// escapes or control characters, in well-formed UTF-8: their content is their text.
    case text(UnsafeBufferPointer<UInt8>)
    /// An array already in compact form: its bytes are what ``JSONValue/compactText`` writes for it.
    case compactArray(UnsafeBufferPointer<UInt8>)
    /// `{}` (or `{ }`): an empty object is a leaf.
    case emptyObject
}

/// Walks a record's leaves straight from its bytes, for flat formats (CSV) that need every
/// leaf's dotted path and text but no tree: the record is scanned once and nothing is
/// allocated per leaf. Nested non-empty objects are walked into (`customer.external_id`);
/// arrays and empty objects are leaves.
///
/// The walker covers the common shape of Lago's records and nothing else: an object whose
/// keys and strings hold no escapes and only well-formed UTF-8, arrays already compact, nesting
/// at most ``maximumDepth``. For anything else (`\u00e9`, `"a\nb"`, whitespace inside an array,
/// a trailing comma, invalid JSON) ``walk(_:_:)`` returns false and the caller reads the record
/// with ``JSONValue/parse(_:)-(Data)``, which gives the same leaves or the parse error; so the
/// two paths never disagree on what a record says.
public enum JSONLeafWalker {
    /// Nesting beyond this is left to the tree parser.
    public static let maximumDepth = 32

    /// Calls `body` with each leaf's dotted path (UTF-8) and value, in the record's key order;
    /// false (after any number of calls) when the record is outside the walker's shape, in which
    /// case the caller must discard what `body` received and read the record another way.
    public static func walk(_ record: Data, _ body: (UnsafeBufferPointer<UInt8>, JSONLeaf) -> Void) -> Bool {
        record.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            var scanner = JSONScanner(bytes: bytes)
            var path: [UInt8] = []
            path.reserveCapacity(128)
            scanner.skipWhitespace()
            guard scanner.current == UInt8(ascii: "{"),
                  scanner.walkObject(path: &path, depth: 1, body) else { return false }
            scanner.skipWhitespace()
            return scanner.isAtEnd
        }
    }
}

extension JSONScanner {
    /// Walks the object at the cursor (a `{`), its members' paths under `path`.
    fileprivate mutating func walkObject(path: inout [UInt8], depth: Int,
                                         _ body: (UnsafeBufferPointer<UInt8>, JSONLeaf) -> Void) -> Bool {
        guard depth <= JSONLeafWalker.maximumDepth else { return false }
        index += 1
        skipWhitespace()
        if consume(UInt8(ascii: "}")) { return true }
        let prefixLength = path.count
        while true {
            skipWhitespace()
            guard let key = plainString() else { return false }
            if prefixLength > 0 { path.append(UInt8(ascii: ".")) }
            path.append(contentsOf: key)
            skipWhitespace()
            guard consume(UInt8(ascii: ":")) else { return false }
            skipWhitespace()
            guard walkValue(path: &path, depth: depth, body) else { return false }
            path.removeSubrange(prefixLength...)
            skipWhitespace()
            if consume(UInt8(ascii: ",")) { continue }
            return consume(UInt8(ascii: "}"))
        }
    }

    private mutating func walkValue(path: inout [UInt8], depth: Int,
                                    _ body: (UnsafeBufferPointer<UInt8>, JSONLeaf) -> Void) -> Bool {
        guard let byte = current else { return false }
        func emit(_ leaf: JSONLeaf) {
            path.withUnsafeBufferPointer { body($0, leaf) }
        }
        switch byte {
        case UInt8(ascii: "{"):
            var probe = self
            probe.index += 1
            probe.skipWhitespace()
            if probe.consume(UInt8(ascii: "}")) {
                index = probe.index
                emit(.emptyObject)
                return true
            }
            return walkObject(path: &path, depth: depth + 1, body)
        case UInt8(ascii: "["):
            let start = index
            guard skipCompactArray() else { return false }
            emit(.compactArray(UnsafeBufferPointer(rebasing: bytes[start..<index])))
            return true
        case UInt8(ascii: "\""):
            guard let text = plainString() else { return false }
            emit(.text(text))
            return true
        case UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
            guard skipLiteralOrNumber() else { return false }
            emit(byte == UInt8(ascii: "n") ? .null : .bool(byte == UInt8(ascii: "t")))
            return true
        default:
            let start = index
            guard skipNumber(), start < index else { return false }
            emit(.number(UnsafeBufferPointer(rebasing: bytes[start..<index])))
            return true
        }
    }

    /// The content of the string at the cursor when it holds no escape, no control character
    /// and only well-formed UTF-8 (its content is then its text, byte for byte); nil otherwise,
    /// the cursor anywhere. Inside an array (`compact`) it must also hold nothing
    /// ``JSONValue/compactText`` escapes: DEL, C1 controls, U+2028 and U+2029.
    private mutating func plainString(compact: Bool = false) -> UnsafeBufferPointer<UInt8>? {
        guard consume(UInt8(ascii: "\"")) else { return nil }
        let start = index
        while index < bytes.count {
            skipPlainStringBytes(stoppingAtNonASCII: true)
            guard index < bytes.count else { return nil }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                index += 1
                return UnsafeBufferPointer(rebasing: bytes[start..<index - 1])
            }
            if byte < 0x7F {
                guard byte >= 0x20, byte != UInt8(ascii: "\\") else { return nil }
                index += 1
            } else {
                guard let length = wellFormedScalarLength(compact: compact) else { return nil }
                index += length
            }
        }
        return nil
    }

    /// The length of the UTF-8 sequence at the cursor (a byte of 0x7F or above) when it is well
    /// formed (Unicode's table 3-7), so that decoding it changes nothing; with `compact`, nil also
    /// for DEL, C1 controls and U+2028/9, which compact JSON writes as escapes.
    private func wellFormedScalarLength(compact: Bool) -> Int? {
        let lead = bytes[index]
        func continuation(_ offset: Int, _ range: ClosedRange<UInt8> = 0x80...0xBF) -> Bool {
            index + offset < bytes.count && range.contains(bytes[index + offset])
        }
        switch lead {
        case 0x7F:
            return compact ? nil : 1
        case 0xC2...0xDF:
            guard continuation(1) else { return nil }
            if compact, lead == 0xC2, bytes[index + 1] <= 0x9F { return nil }
            return 2
        case 0xE0:
            return continuation(1, 0xA0...0xBF) && continuation(2) ? 3 : nil
        case 0xE1...0xEC, 0xEE...0xEF:
            guard continuation(1), continuation(2) else { return nil }
            if compact, lead == 0xE2, bytes[index + 1] == 0x80, bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9 { return nil }
            return 3
        case 0xED:
            return continuation(1, 0x80...0x9F) && continuation(2) ? 3 : nil
        case 0xF0:
            return continuation(1, 0x90...0xBF) && continuation(2) && continuation(3) ? 4 : nil
        case 0xF1...0xF3:
            return continuation(1) && continuation(2) && continuation(3) ? 4 : nil
        case 0xF4:
            return continuation(1, 0x80...0x8F) && continuation(2) && continuation(3) ? 4 : nil
        default:
            return nil
        }
    }

    /// Skips the array at the cursor when it is already compact JSON as ``JSONValue/compactText``
    /// writes it: no whitespace or trailing comma, only plain strings, valid literals and numbers.
    private mutating func skipCompactArray() -> Bool {
        // The open containers, innermost in the lowest bit (1 for an object); at most
        // ``JSONLeafWalker/maximumDepth`` deep, so 64 bits hold them.
        var kinds: UInt64 = 0
        var open = 0
        var expectValue = true
        while index < bytes.count {
            let byte = bytes[index]
            if expectValue {
                switch byte {
                case UInt8(ascii: "["), UInt8(ascii: "{"):
                    let isObject = byte == UInt8(ascii: "{")
                    guard open < JSONLeafWalker.maximumDepth else { return false }
                    index += 1
                    if consume(isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) {
                        expectValue = false
                        if open == 0 { return true }
                        continue
                    }
                    kinds = kinds << 1 | (isObject ? 1 : 0)
                    open += 1
                    if isObject {
                        guard plainString(compact: true) != nil, consume(UInt8(ascii: ":")) else { return false }
                    }
                case UInt8(ascii: "\""):
                    guard open > 0, plainString(compact: true) != nil else { return false }
                    expectValue = false
                default:
                    guard open > 0, skipLiteralOrNumber() else { return false }
                    expectValue = false
                }
            } else {
                let inObject = kinds & 1 == 1
                switch byte {
                case UInt8(ascii: ","):
                    index += 1
                    if inObject {
                        guard plainString(compact: true) != nil, consume(UInt8(ascii: ":")) else { return false }
                    }
                    expectValue = true
                case UInt8(ascii: "]"), UInt8(ascii: "}"):
                    guard (byte == UInt8(ascii: "}")) == inObject else { return false }
                    index += 1
                    kinds >>= 1
                    open -= 1
                    if open == 0 { return true }
                default:
                    return false
                }
            }
        }
        return false
    }
}
