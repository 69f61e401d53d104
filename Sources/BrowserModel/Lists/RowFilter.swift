/// The `/` filter over loaded rows: case-insensitive, a regular expression when the text is
/// one (plain text otherwise), and inverted with a leading `!`.
///
/// Plain text (no regex syntax) is matched as a substring of the lower-cased row, byte by
/// byte, without the regex engine: on 100,000 rows that is the difference between a few
/// milliseconds and half a second (lagotui-bench, issue 8).
struct RowFilter: @unchecked Sendable {
    /// The text as typed.
    let text: String
    let inverse: Bool
    private let needle: String
    private let needleBytes: [UInt8]
    /// Only set when the text uses regex syntax; `Regex` is immutable once built, which is why
    /// the filter can be handed to a background task (`@unchecked Sendable`).
    private let regex: Regex<AnyRegexOutput>?

    static let regexSyntax: Set<Character> = ["\\", "^", "$", ".", "|", "?", "*", "+", "(", ")", "[", "]", "{", "}"]

    /// Nil for empty text (no filter).
    init?(_ text: String) {
        var body = Substring(text)
        var inverse = false
        if body.hasPrefix("!") {
            inverse = true
            body = body.dropFirst()
        }
        guard !body.isEmpty else { return nil }
        self.text = text
        self.inverse = inverse
        self.needle = body.lowercased()
        self.needleBytes = Array(needle.utf8)
        self.regex = body.contains(where: Self.regexSyntax.contains) ? (try? Regex(String(body)))?.ignoresCase() : nil
    }

    /// True when a row whose cells joined read `haystack` passes the filter.
    func matches(_ haystack: String) -> Bool {
        matches(lowercased: haystack.lowercased())
    }

    /// `matches(_:)` for a haystack that is already lower-cased (rows keep one).
    func matches(lowercased haystack: String) -> Bool {
        let hit: Bool
        if let regex {
            hit = haystack.contains(regex)
        } else {
            hit = Self.contains(haystack, needleBytes)
        }
        return hit != inverse
    }

    /// The lower-cased UTF-8 needle when this is a plain-text filter an arena scan can run
    /// (`memmem`), nil for a regular expression or a needle holding the rows' 0x00 separator.
    var plainNeedle: [UInt8]? {
        regex == nil && !needleBytes.contains(RowStore.haystackTerminator) ? needleBytes : nil
    }

    /// Whether a lower-cased haystack contains the text (regular expression or plain), before
    /// `inverse` is applied; the per-row path of a scan.
    func regexMatches(lowercased haystack: String) -> Bool {
        regex.map { haystack.contains($0) } ?? Self.contains(haystack, needleBytes)
    }

    /// Substring search over UTF-8 bytes (both sides lower-cased, so byte equality is the
    /// same as the string comparison the filter means).
    static func contains(_ haystack: String, _ needle: [UInt8]) -> Bool {
        guard let first = needle.first else { return true }
        var text = haystack
        return text.withUTF8 { bytes in
            let n = needle.count
            guard bytes.count >= n else { return false }
            var i = 0
            let last = bytes.count - n
            while i <= last {
                if bytes[i] == first {
                    var j = 1
                    while j < n && bytes[i + j] == needle[j] { j += 1 }
                    if j == n { return true }
                }
                i += 1
            }
            return false
        }
    }

    /// True when the text is a plain term a server search could use (no regex syntax, no `!`).
    var isPlainTerm: Bool {
        !inverse && !text.contains(where: { "\\^$.|?*+()[]{}".contains($0) })
    }
}

/// A user's sort: a column and a direction.
struct SortSpec: Equatable {
    var column: Int
    var ascending: Bool
}
