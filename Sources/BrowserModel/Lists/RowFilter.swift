/// The `/` filter over loaded rows: case-insensitive, a regular expression when the text is
/// one (plain text otherwise), and inverted with a leading `!`.
struct RowFilter {
    /// The text as typed.
    let text: String
    let inverse: Bool
    private let needle: String
    private let regex: Regex<AnyRegexOutput>?

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
        self.regex = (try? Regex(String(body)))?.ignoresCase()
    }

    /// True when a row whose cells joined read `haystack` passes the filter.
    func matches(_ haystack: String) -> Bool {
        let hit: Bool
        if let regex {
            hit = haystack.contains(regex)
        } else {
            hit = haystack.lowercased().contains(needle)
        }
        return hit != inverse
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
