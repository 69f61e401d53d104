/// Width-aware helpers: truncation with an ellipsis and padding, both measured in terminal
/// columns rather than characters, so CJK and emoji keep columns aligned.
extension String {
    /// Columns this string occupies on a terminal.
    public var displayWidth: Int { DisplayWidth.of(self) }

    /// This string cut to at most `width` columns; when it is cut, the last column holds "…".
    /// A wide character that would straddle the limit is dropped rather than split.
    public func truncated(toWidth width: Int, ellipsis: String = "…") -> String {
        guard width > 0 else { return "" }
        if displayWidth <= width { return self }
        let ellipsisWidth = ellipsis.displayWidth
        guard width > ellipsisWidth else { return String(repeating: ".", count: width) }
        var result = ""
        var used = 0
        for grapheme in self {
            let w = DisplayWidth.of(grapheme)
            if used + w > width - ellipsisWidth { break }
            result.append(grapheme)
            used += w
        }
        return result + ellipsis
    }

    /// This string truncated or padded with spaces to exactly `width` columns.
    public func padded(toWidth width: Int, alignment: TextAlignment = .left) -> String {
        let text = truncated(toWidth: width)
        let gap = width - text.displayWidth
        guard gap > 0 else { return text }
        switch alignment {
        case .left: return text + String(repeating: " ", count: gap)
        case .right: return String(repeating: " ", count: gap) + text
        case .center:
            let left = gap / 2
            return String(repeating: " ", count: left) + text + String(repeating: " ", count: gap - left)
        }
    }
}

/// Horizontal alignment of text inside a fixed number of columns.
public enum TextAlignment: Sendable, Equatable {
    case left, right, center
}
