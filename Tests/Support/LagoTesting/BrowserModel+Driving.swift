import BrowserModel

/// Drives a browser model the way a person does, key by key, and waits until it is idle, so
/// tests over fakes and over the sandbox share one way of typing.
extension BrowserModel {
    /// Presses each named key ("j", "enter", "ctrl-r"), then waits for the work it started.
    public func press(_ keys: [String]) async {
        for key in keys { handle(KeyPress(key)) }
        await idle()
    }

    /// Types `text` character by character, then waits.
    public func type(_ text: String) async {
        for character in text { handle(KeyPress.char(character)) }
        await idle()
    }

    /// Runs `text` through the command line (`:` … Enter), then waits.
    public func command(_ text: String) async {
        handle(KeyPress(":"))
        for character in text { handle(KeyPress.char(character)) }
        handle(.enter)
        await idle()
    }

    /// The pane that has the focus in the current snapshot.
    public var focusedPaneSnapshot: PaneSnapshot {
        let snapshot = snapshot()
        return snapshot.body.panes[snapshot.body.focusedIndex]
    }
}
