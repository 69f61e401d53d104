/// The one reader of JSON text in lagotui: a cursor over UTF-8 bytes that can skip a value
/// (to slice records out of a page without decoding them), check a value strictly, or parse it
/// into a ``JSONValue``. ``JSONSlicer`` and ``JSONValue/parse(_:)-(Data)`` are built on it, so
/// both agree on what JSON is.
///
/// The bytes are borrowed: a scanner lives only inside the `withUnsafeBytes` call that made it.
struct JSONScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0
    /// Containers open around the cursor while parsing (see ``JSONValue/maximumDepth``).
    var depth = 0

    init(bytes: UnsafeBufferPointer<UInt8>, index: Int = 0) {
        self.bytes = bytes
        self.index = index
    }

    var current: UInt8? { index < bytes.count ? bytes[index] : nil }
    var isAtEnd: Bool { index >= bytes.count }

    mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    mutating func consume(_ byte: UInt8) -> Bool {
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    func fail(_ reason: String) -> JSONParseError { JSONParseError(offset: index, reason: reason) }

    // MARK: skipping (the document is known to be valid)

    /// Skips a string token without decoding it; false when it is not terminated.
    mutating func skipString() -> Bool {
        guard consume(UInt8(ascii: "\"")) else { return false }
        while index < bytes.count {
            skipPlainStringBytes()
            guard index < bytes.count else { return false }
            let byte = bytes[index]
            index += 1
            if byte == UInt8(ascii: "\\") {
                index += 1
            } else if byte == UInt8(ascii: "\"") {
                return true
            }
        }
        return false
    }

    /// Skips one value of any kind without checking it beyond its brackets and strings.
    mutating func skipValue() -> Bool {
        guard let byte = current else { return false }
        switch byte {
        case UInt8(ascii: "\""):
            return skipString()
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            var open = 0
            while index < bytes.count {
                switch bytes[index] {
                case UInt8(ascii: "\""):
                    guard skipString() else { return false }
                    continue
                case UInt8(ascii: "{"), UInt8(ascii: "["):
                    open += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    open -= 1
                default:
                    break
                }
                index += 1
                if open == 0 { return true }
            }
            return false
        default:
            while index < bytes.count {
                switch bytes[index] {
                case UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]"), 0x20, 0x09, 0x0A, 0x0D: return true
                default: index += 1
                }
            }
            return true
        }
    }

    /// Calls `body` with the byte range of each element of the array starting here; false when
    /// the cursor is not at an array or it is cut short.
    mutating func forEachArrayElement(_ body: (Range<Int>) throws -> Void) rethrows -> Bool {
        guard consume(UInt8(ascii: "[")) else { return false }
        skipWhitespace()
        if consume(UInt8(ascii: "]")) { return true }
        while true {
            skipWhitespace()
            let start = index
            guard skipValue() else { return false }
            try body(start..<index)
            skipWhitespace()
            if consume(UInt8(ascii: ",")) { continue }
            return consume(UInt8(ascii: "]"))
        }
    }

    /// Walks the members of the object starting here, handing `body` each decoded name with
    /// the cursor at its value; `body` must move the cursor past the value (or return false to
    /// stop). False when the text does not read as an object up to where the walk stopped.
    mutating func forEachMember(_ body: (String, inout JSONScanner) -> Bool) -> Bool {
        skipWhitespace()
        guard consume(UInt8(ascii: "{")) else { return false }
        while true {
            skipWhitespace()
            if consume(UInt8(ascii: "}")) { return true }
            guard current == UInt8(ascii: "\""), let name = try? parseString() else { return false }
            skipWhitespace()
            guard consume(UInt8(ascii: ":")) else { return false }
            skipWhitespace()
            guard body(name, &self) else { return true }
            skipWhitespace()
            if consume(UInt8(ascii: ",")) { continue }
            return consume(UInt8(ascii: "}"))
        }
    }

    // MARK: strict reading

    /// Moves the cursor over the string bytes ahead that need no look, eight at a time: it stops
    /// at or before the first quote, backslash or control byte (and, with `stoppingAtNonASCII`,
    /// the first byte of 0x7F or above). Most of a record's bytes are string contents, so this
    /// word-at-a-time run is where reading a page spends least.
    mutating func skipPlainStringBytes(stoppingAtNonASCII: Bool = false) {
        guard let base = bytes.baseAddress else { return }
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        // The classic SWAR tests: a byte of `word ^ (b * ones)` is zero where `word` holds `b`;
        // `(v - n * ones) & ~v & highs` is non-zero when some byte of `v` is below `n`. They may
        // flag a byte next to a real hit, never miss one: a flagged word is read byte by byte.
        func hasByte(below n: UInt64, _ v: UInt64) -> Bool { (v &- n &* ones) & ~v & highs != 0 }
        while index + 8 <= bytes.count {
            let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
            if hasByte(below: 0x20, word) || hasByte(below: 1, word ^ (0x22 &* ones)) || hasByte(below: 1, word ^ (0x5C &* ones)) {
                return
            }
            if stoppingAtNonASCII, word & highs != 0 || hasByte(below: 1, word ^ (0x7F &* ones)) { return }
            index += 8
        }
    }

    /// Skips a string token, checking escapes and refusing raw control characters.
    mutating func skipStrictString() -> Bool {
        guard consume(UInt8(ascii: "\"")) else { return false }
        while index < bytes.count {
            skipPlainStringBytes()
            guard index < bytes.count else { return false }
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "\""): return true
            case UInt8(ascii: "\\"):
                guard let escaped = current else { return false }
                index += 1
                switch escaped {
                case UInt8(ascii: "u"):
                    for _ in 0..<4 {
                        guard let h = current, Self.hexValue(h) != nil else { return false }
                        index += 1
                    }
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"),
                     UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                    continue
                default:
                    return false
                }
            case 0x00..<0x20: return false
            default: continue
            }
        }
        return false
    }

    /// Skips `true`, `false`, `null` or a number in JSON's grammar; false on anything else.
    mutating func skipLiteralOrNumber() -> Bool {
        let word: [UInt8]
        switch current {
        case UInt8(ascii: "t"): word = Self.trueWord
        case UInt8(ascii: "f"): word = Self.falseWord
        case UInt8(ascii: "n"): word = Self.nullWord
        default: return skipNumber()
        }
        guard matches(word) else { return false }
        index += word.count
        return true
    }

    /// Skips a number in RFC 8259's grammar (no leading zeros, digits after `.` and `e`).
    mutating func skipNumber() -> Bool {
        func digits(_ scanner: inout JSONScanner) -> Int {
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

    func matches(_ word: [UInt8]) -> Bool {
        guard index + word.count <= bytes.count else { return false }
        for offset in 0..<word.count where bytes[index + offset] != word[offset] { return false }
        return true
    }

    static let trueWord = Array("true".utf8)
    static let falseWord = Array("false".utf8)
    static let nullWord = Array("null".utf8)

    static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case 0x30...0x39: return UInt32(byte - 0x30)
        case 0x41...0x46: return UInt32(byte - 0x41 + 10)
        case 0x61...0x66: return UInt32(byte - 0x61 + 10)
        default: return nil
        }
    }

    /// Decodes the string token at the cursor (which must be at its opening quote), strictly:
    /// raw control characters and unknown escapes are errors, a lone surrogate becomes U+FFFD.
    mutating func parseString() throws(JSONParseError) -> String {
        index += 1
        let start = index
        // Most strings have no escapes: they are decoded from the bytes in one go.
        while index < bytes.count {
            skipPlainStringBytes()
            guard index < bytes.count else { break }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
                index += 1
                return text
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { throw fail("control character in string") }
            index += 1
        }
        var scalars = String.UnicodeScalarView()
        var runStart = start
        func flushRun(_ end: Int) {
            if end > runStart {
                scalars.append(contentsOf: String(decoding: UnsafeBufferPointer(rebasing: bytes[runStart..<end]), as: UTF8.self).unicodeScalars)
            }
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                flushRun(index)
                index += 1
                return String(scalars)
            }
            if byte < 0x20 { throw fail("control character in string") }
            if byte == UInt8(ascii: "\\") {
                flushRun(index)
                index += 1
                guard index < bytes.count else { throw fail("unexpected end of data") }
                let escape = bytes[index]
                index += 1
                switch escape {
                case UInt8(ascii: "\""): scalars.append("\"")
                case UInt8(ascii: "\\"): scalars.append("\\")
                case UInt8(ascii: "/"): scalars.append("/")
                case UInt8(ascii: "b"): scalars.append("\u{08}")
                case UInt8(ascii: "f"): scalars.append("\u{0C}")
                case UInt8(ascii: "n"): scalars.append("\n")
                case UInt8(ascii: "r"): scalars.append("\r")
                case UInt8(ascii: "t"): scalars.append("\t")
                case UInt8(ascii: "u"): scalars.append(try parseUnicodeEscape())
                default: throw fail("invalid escape")
                }
                runStart = index
                continue
            }
            index += 1
        }
        throw fail("unterminated string")
    }

    mutating func parseHex4() throws(JSONParseError) -> UInt32 {
        guard index + 4 <= bytes.count else { throw fail("unexpected end of data") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let digit = Self.hexValue(bytes[index]) else { throw fail("invalid \\u escape") }
            value = value << 4 | digit
            index += 1
        }
        return value
    }

    /// A `\uXXXX` escape, joining surrogate pairs; a lone surrogate becomes U+FFFD.
    mutating func parseUnicodeEscape() throws(JSONParseError) -> Unicode.Scalar {
        let first = try parseHex4()
        if (0xD800...0xDBFF).contains(first) {
            if index + 6 <= bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") {
                let save = index
                index += 2
                let second = try parseHex4()
                if (0xDC00...0xDFFF).contains(second) {
                    let combined = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
                    return Unicode.Scalar(combined) ?? "\u{FFFD}"
                }
                index = save
            }
            return "\u{FFFD}"
        }
        return Unicode.Scalar(first) ?? "\u{FFFD}"
    }
}
