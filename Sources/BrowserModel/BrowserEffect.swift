import Foundation

/// Something only the host can do (terminal clipboard, launching a browser, rebuilding the
/// session for another profile, exiting). The front end drains them with `takeEffects()`.
public enum BrowserEffect: Sendable, Equatable {
    /// Copy text to the clipboard (OSC 52 or a native tool).
    case copyToClipboard(String)
    /// Open an address in the user's browser (with the launcher's output silenced).
    case openURL(URL)
    /// Switch to another configured profile; answer with `BrowserModel.replaceSession`.
    case switchProfile(String)
    /// Leave the program.
    case quit
}

/// Inputs other than plain keys that the front end sends.
public enum BrowserCommand: Sendable, Equatable {
    /// A key press (same as `handle(_ key:)`).
    case key(KeyPress)
    /// Run an action as if its key were pressed.
    case action(ActionID)
    /// Run a `:` command line (without the colon).
    case run(String)
    /// Set (or clear) the focused list's local filter.
    case setFilter(String?)
    /// Search the focused list on the server (or clear the search).
    case serverSearch(String?)
    /// How many table rows the front end shows for a pane.
    case viewport(PaneID, rows: Int)
    /// Move a pane's cursor to a row (mouse click) and focus it.
    case select(PaneID, row: Int)
    /// Focus a pane.
    case focus(PaneID)
    /// Dismiss one toast, or all when nil.
    case dismissToast(Int?)
    /// The terminal gained or lost focus / was suspended: polling pauses while hidden.
    case terminalVisible(Bool)
}
