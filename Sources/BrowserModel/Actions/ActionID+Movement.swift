/// Cursor movement as arithmetic, shared by the panes that keep a plain cursor.
extension ActionID {
    /// Where a cursor at `position` lands after this movement, in `count` rows shown `page` at
    /// a time (clamped to the rows); nil when the action is not a movement.
    func moved(_ position: Int, page: Int, count: Int) -> Int? {
        let target: Int
        switch self {
        case .cursorUp: target = position - 1
        case .cursorDown: target = position + 1
        case .pageUp: target = position - page
        case .pageDown: target = position + page
        case .top: target = 0
        case .bottom: target = count - 1
        default: return nil
        }
        return max(0, min(target, count - 1))
    }
}
