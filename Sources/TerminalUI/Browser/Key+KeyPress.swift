import BrowserModel

extension Key {
    /// The browser's name for this key (`KeyPress`), or nil for events that are not keys
    /// (resize, paste, mouse), which the browser view handles itself.
    public var keyPress: KeyPress? {
        switch self {
        case .character(" "): return .space
        case .character(let c): return .char(c)
        case .control(let c): return KeyPress("ctrl-\(c)")
        case .up: return .up
        case .down: return .down
        case .left: return .left
        case .right: return .right
        case .pageUp: return .pageUp
        case .pageDown: return .pageDown
        case .home: return .home
        case .end: return .end
        case .tab: return .tab
        case .backTab: return .backTab
        case .enter: return .enter
        case .escape: return .escape
        case .backspace: return .backspace
        case .delete: return .delete
        case .function(let n): return KeyPress("f\(n)")
        case .insert, .paste, .mouse, .resize: return nil
        }
    }
}
