import BrowserModel

extension StyledText {
    /// The line word-wrapped to `width` columns (its indent included); continuation lines keep
    /// the indent. A line with a right-aligned part, or one that fits, stays as it is; a word
    /// longer than the width is left to be cut.
    func wrapped(toWidth width: Int) -> [StyledText] {
        let room = width - indent * 2
        guard trailing == nil, room > 8, text.displayWidth > room else { return [self] }
        var out: [StyledText] = []
        var current = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: false).map(String.init) {
            let candidate = current.isEmpty ? word : current + " " + word
            if candidate.displayWidth > room, !current.isEmpty {
                out.append(StyledText(current, role: role, indent: indent))
                current = word
            } else {
                current = candidate
            }
        }
        if !current.isEmpty { out.append(StyledText(current, role: role, indent: indent)) }
        return out
    }
}
