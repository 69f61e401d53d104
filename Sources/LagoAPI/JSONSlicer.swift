import Foundation

/// Cuts the elements of one top-level array out of a JSON document without re-encoding them,
/// so the page cache can store each record's bytes exactly as Lago sent them.
///
/// The document must already be known to be valid JSON (``LagoClient`` decodes it first).
enum JSONSlicer {
    /// The raw bytes of each element of the array under `key` in the top-level object, or
    /// `nil` when there is no such array.
    static func elements(ofArrayAt key: String, in data: Data) -> [Data]? {
        let bytes = [UInt8](data)
        return atMember(key, in: bytes) { scanner in
            scanner.readArrayElements().map { ranges in ranges.map { Data(bytes[$0]) } }
        }
    }

    /// The raw bytes of the value of `key` in the top-level object, or `nil` when it is absent
    /// or the document does not read as an object up to it.
    static func value(at key: String, in data: Data) -> Data? {
        let bytes = [UInt8](data)
        return atMember(key, in: bytes) { scanner in
            let start = scanner.index
            guard scanner.skipValue() else { return nil }
            return Data(bytes[start..<scanner.index])
        }
    }

    /// Walks the top-level object's members up to `key` and hands `body` the scanner placed at
    /// its value; nil when the key is absent or the document does not read as an object up to it.
    private static func atMember<Found>(_ key: String, in bytes: [UInt8], _ body: (inout Scanner) -> Found?) -> Found? {
        var scanner = Scanner(bytes: bytes)
        scanner.skipWhitespace()
        guard scanner.consume(UInt8(ascii: "{")) else { return nil }
        while true {
            scanner.skipWhitespace()
            if scanner.consume(UInt8(ascii: "}")) { return nil }
            guard let name = scanner.readString() else { return nil }
            scanner.skipWhitespace()
            guard scanner.consume(UInt8(ascii: ":")) else { return nil }
            scanner.skipWhitespace()
            if name == key { return body(&scanner) }
            guard scanner.skipValue() else { return nil }
            scanner.skipWhitespace()
            if scanner.consume(UInt8(ascii: ",")) { continue }
            return nil
        }
    }

    /// Whether `data` is one well-formed JSON document, checked without recursion so that no
    /// nesting depth is too deep to check (Foundation's decoders stop at 512 levels). Like
    /// Foundation's parser it tolerates a trailing comma; UTF-8 is not checked here.
    static func isWellFormed(_ data: Data) -> Bool {
        let bytes = [UInt8](data)
        var scanner = Scanner(bytes: bytes)
        var open: [UInt8] = []   // the containers we are inside: "{" or "["
        var expectValue = true
        /// After `{` or `,` inside an object: a key string and a colon.
        func readKey(_ scanner: inout Scanner) -> Bool {
            scanner.skipWhitespace()
            guard scanner.skipStrictString() else { return false }
            scanner.skipWhitespace()
            return scanner.consume(UInt8(ascii: ":"))
        }
        while true {
            scanner.skipWhitespace()
            if expectValue {
                guard let byte = scanner.current else { return false }
                switch byte {
                case UInt8(ascii: "{"):
                    scanner.index += 1
                    scanner.skipWhitespace()
                    if scanner.consume(UInt8(ascii: "}")) { expectValue = false; continue }
                    open.append(UInt8(ascii: "{"))
                    guard readKey(&scanner) else { return false }
                case UInt8(ascii: "["):
                    scanner.index += 1
                    scanner.skipWhitespace()
                    if scanner.consume(UInt8(ascii: "]")) { expectValue = false; continue }
                    open.append(UInt8(ascii: "["))
                case UInt8(ascii: "\""):
                    guard scanner.skipStrictString() else { return false }
                    expectValue = false
                default:
                    guard scanner.skipLiteralOrNumber() else { return false }
                    expectValue = false
                }
            } else {
                guard let top = open.last else { return scanner.current == nil }
                guard let byte = scanner.current else { return false }
                scanner.index += 1
                if byte == UInt8(ascii: ",") {
                    // A trailing comma is accepted, as Foundation's decoder on the normal path does.
                    scanner.skipWhitespace()
                    if scanner.current == UInt8(ascii: "}") || scanner.current == UInt8(ascii: "]") { continue }
                    if top == UInt8(ascii: "{"), !readKey(&scanner) { return false }
                    expectValue = true
                } else if (byte == UInt8(ascii: "]") && top == UInt8(ascii: "[")) || (byte == UInt8(ascii: "}") && top == UInt8(ascii: "{")) {
                    open.removeLast()
                } else {
                    return false
                }
            }
        }
    }

    private struct Scanner {
        let bytes: [UInt8]
        var index = 0

        init(bytes: [UInt8]) { self.bytes = bytes }

        var current: UInt8? { index < bytes.count ? bytes[index] : nil }

        mutating func skipWhitespace() {
            while let byte = current, byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { index += 1 }
        }

        mutating func consume(_ byte: UInt8) -> Bool {
            guard current == byte else { return false }
            index += 1
            return true
        }

        /// Reads a string token and returns its decoded value.
        mutating func readString() -> String? {
            let start = index
            guard skipString() else { return nil }
            let token = Data(bytes[start..<index])
            if !token.contains(UInt8(ascii: "\\")) {
                return String(decoding: token.dropFirst().dropLast(), as: UTF8.self)
            }
            return try? JSONDecoder().decode(String.self, from: token)
        }

        mutating func skipString() -> Bool {
            guard consume(UInt8(ascii: "\"")) else { return false }
            while let byte = current {
                index += 1
                if byte == UInt8(ascii: "\\") {
                    index += 1
                } else if byte == UInt8(ascii: "\"") {
                    return true
                }
            }
            return false
        }

        /// Skips a string token, checking escapes and refusing raw control characters.
        mutating func skipStrictString() -> Bool {
            guard consume(UInt8(ascii: "\"")) else { return false }
            while let byte = current {
                index += 1
                switch byte {
                case UInt8(ascii: "\""): return true
                case UInt8(ascii: "\\"):
                    guard let escaped = current else { return false }
                    index += 1
                    if escaped == UInt8(ascii: "u") {
                        for _ in 0..<4 {
                            guard let h = current, (h >= 0x30 && h <= 0x39) || (h | 0x20 >= 0x61 && h | 0x20 <= 0x66) else { return false }
                            index += 1
                        }
                    } else if !Array("\"\\/bfnrt".utf8).contains(escaped) {
                        return false
                    }
                case 0x00..<0x20: return false
                default: continue
                }
            }
            return false
        }

        /// Skips `true`, `false`, `null` or a number in JSON's grammar.
        mutating func skipLiteralOrNumber() -> Bool {
            for word in ["true", "false", "null"] {
                let w = Array(word.utf8)
                if index + w.count <= bytes.count, Array(bytes[index..<index + w.count]) == w {
                    index += w.count
                    return true
                }
            }
            func digits(_ scanner: inout Scanner) -> Int {
                var n = 0
                while let b = scanner.current, b >= 0x30 && b <= 0x39 { scanner.index += 1; n += 1 }
                return n
            }
            _ = consume(UInt8(ascii: "-"))
            if consume(UInt8(ascii: "0")) {
                // no further integer digits after a leading zero
            } else if digits(&self) == 0 {
                return false
            }
            if consume(UInt8(ascii: ".")), digits(&self) == 0 { return false }
            if consume(UInt8(ascii: "e")) || consume(UInt8(ascii: "E")) {
                if !consume(UInt8(ascii: "+")) { _ = consume(UInt8(ascii: "-")) }
                if digits(&self) == 0 { return false }
            }
            return true
        }

        /// Skips one value of any kind.
        mutating func skipValue() -> Bool {
            guard let byte = current else { return false }
            switch byte {
            case UInt8(ascii: "\""):
                return skipString()
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                var depth = 0
                while let next = current {
                    switch next {
                    case UInt8(ascii: "\""):
                        guard skipString() else { return false }
                        continue
                    case UInt8(ascii: "{"), UInt8(ascii: "["):
                        depth += 1
                    case UInt8(ascii: "}"), UInt8(ascii: "]"):
                        depth -= 1
                    default:
                        break
                    }
                    index += 1
                    if depth == 0 { return true }
                }
                return false
            default:
                while let next = current,
                      ![UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]"), 0x20, 0x09, 0x0A, 0x0D].contains(next) {
                    index += 1
                }
                return true
            }
        }

        /// The byte ranges of each element of the array starting here.
        mutating func readArrayElements() -> [Range<Int>]? {
            guard consume(UInt8(ascii: "[")) else { return nil }
            var ranges: [Range<Int>] = []
            skipWhitespace()
            if consume(UInt8(ascii: "]")) { return ranges }
            while true {
                skipWhitespace()
                let start = index
                guard skipValue() else { return nil }
                ranges.append(start..<index)
                skipWhitespace()
                if consume(UInt8(ascii: ",")) { continue }
                return consume(UInt8(ascii: "]")) ? ranges : nil
            }
        }
    }
}
