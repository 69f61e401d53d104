/// Pretty-prints and colours JSON for the raw view. Pretty-printing keeps the API's key order
/// (Foundation's serializer would not), and highlighting works line by line: keys, strings,
/// numbers, literals and punctuation each get their role.
public enum JSONHighlighter {
    /// `json` re-indented with two spaces per level, one value per line. Text that is not JSON
    /// comes back split into lines unchanged.
    public static func prettyLines(_ json: String) -> [String] {
        var lines: [String] = []
        var current = ""
        var depth = 0
        var inString = false
        var escaped = false
        let chars = Array(json)
        func newline() {
            let trimmed = current.trimmingTrailingSpaces()
            if !trimmed.isEmpty { lines.append(trimmed) }
            current = String(repeating: "  ", count: max(0, depth))
        }
        var i = 0
        while i < chars.count {
            let ch = chars[i]
            if inString {
                current.append(ch)
                if escaped { escaped = false } else if ch == "\\" { escaped = true } else if ch == "\"" { inString = false }
                i += 1
                continue
            }
            switch ch {
            case "\"": inString = true; current.append(ch)
            case "{", "[":
                // Empty containers stay on one line.
                var j = i + 1
                while j < chars.count, chars[j].isWhitespace { j += 1 }
                if j < chars.count, chars[j] == (ch == "{" ? "}" : "]") {
                    current.append(ch); current.append(chars[j]); i = j
                } else {
                    current.append(ch); depth += 1; newline()
                }
            case "}", "]": depth -= 1; newline(); current.append(ch)
            case ",": current.append(ch); newline()
            case ":": current.append(": ")
            case " ", "\n", "\r", "\t": break
            default: current.append(ch)
            }
            i += 1
        }
        let trimmed = current.trimmingTrailingSpaces()
        if !trimmed.isEmpty { lines.append(trimmed) }
        return lines
    }

    /// The spans of one pretty-printed line.
    public static func spans(forLine line: String) -> [Span] {
        var spans: [Span] = []
        let chars = Array(line)
        var i = 0
        func emit(_ text: String, _ role: StyleRole) {
            if let last = spans.last, last.role == role { spans[spans.count - 1].text += text } else { spans.append(Span(text, role)) }
        }
        while i < chars.count {
            let ch = chars[i]
            if ch == "\"" {
                var j = i + 1
                var escaped = false
                while j < chars.count {
                    if escaped { escaped = false } else if chars[j] == "\\" { escaped = true } else if chars[j] == "\"" { break }
                    j += 1
                }
                let end = min(j, chars.count - 1)
                let text = String(chars[i...end])
                var k = end + 1
                while k < chars.count, chars[k] == " " { k += 1 }
                emit(text, k < chars.count && chars[k] == ":" ? .jsonKey : .jsonString)
                i = end + 1
            } else if ch == "-" || ch.isNumber {
                var j = i
                while j < chars.count, "+-.eE0123456789".contains(chars[j]) { j += 1 }
                emit(String(chars[i..<j]), .jsonNumber)
                i = j
            } else if ch.isLetter {
                var j = i
                while j < chars.count, chars[j].isLetter { j += 1 }
                emit(String(chars[i..<j]), .jsonLiteral)
                i = j
            } else if ch == " " {
                emit(" ", spans.last?.role ?? .jsonPunctuation)
                i += 1
            } else {
                emit(String(ch), .jsonPunctuation)
                i += 1
            }
        }
        return spans
    }

    /// Pretty-printed, highlighted lines ready for a `TextView`.
    public static func styledLines(_ json: String) -> [StyledLine] {
        prettyLines(json).map { StyledLine(spans(forLine: $0)) }
    }
}

extension String {
    fileprivate func trimmingTrailingSpaces() -> String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
