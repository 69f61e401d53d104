/// Where a text view is scrolled to: the first of `count` lines shown `viewport` at a time,
/// moved by the movement actions and kept so the last page stays full (or, for wrapped text,
/// which is longer on screen than `count`, so the last line can reach the top).
struct ScrollPosition: Equatable {
    var offset = 0

    /// Applies a movement action; false when `action` is not one.
    mutating func move(_ action: ActionID, count: Int, viewport: Int, wrapped: Bool = false) -> Bool {
        switch action {
        case .cursorUp: offset -= 1
        case .cursorDown: offset += 1
        case .pageUp: offset -= viewport
        case .pageDown: offset += viewport
        case .top: offset = 0
        case .bottom: offset = count
        default: return false
        }
        offset = max(0, min(offset, max(0, wrapped ? count - 1 : count - viewport)))
        return true
    }
}

/// A cursor over `count` rows and the scroll that keeps it in a `viewport` of rows.
struct ListCursor: Equatable {
    var index = 0
    var scroll = 0

    /// Applies a movement action; false when `action` is not one.
    mutating func move(_ action: ActionID, count: Int, viewport: Int) -> Bool {
        switch action {
        case .cursorUp: index -= 1
        case .cursorDown: index += 1
        case .pageUp: index -= viewport
        case .pageDown: index += viewport
        case .top: index = 0
        case .bottom: index = count - 1
        default: return false
        }
        clamp(count: count, viewport: viewport)
        return true
    }

    /// Keeps the cursor on a row and in view.
    mutating func clamp(count: Int, viewport: Int) {
        index = max(0, min(index, count - 1))
        if index < scroll { scroll = index }
        if index >= scroll + viewport { scroll = index - viewport + 1 }
        scroll = max(0, min(scroll, max(0, count - viewport)))
    }
}
