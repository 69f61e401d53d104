/// What an application (the browser view) can ask of the terminal it runs in. Implemented by
/// the real run loop and by the test driver, so the app cannot tell them apart.
@MainActor
public protocol TerminalHost: AnyObject {
    /// Asks for a frame; several requests in one turn of the main queue give one frame.
    func setNeedsRender()
    /// Copies text to the user's clipboard (OSC 52, so it works over SSH and in tmux).
    func copyToClipboard(_ text: String)
    /// Ends the session with an exit status once the current turn finishes.
    func quit(status: Int32)
    /// Frame characters of the theme in force (nil: the app's own choice).
    var frameGlyphs: BoxGlyphs? { get }
    /// How charts tell bars apart on this terminal and theme (colour, or patterns).
    var chartPalette: ChartPalette { get }
}

extension TerminalHost {
    public var frameGlyphs: BoxGlyphs? { nil }
    public var chartPalette: ChartPalette { .colour }
}

/// An application drawn by the run loop: it renders its state on a screen and handles keys.
/// It must never block: work that waits (network, disk) runs in tasks that call
/// `host.setNeedsRender()` when they change something.
@MainActor
public protocol TerminalApplication: AnyObject {
    /// Called once before the first frame.
    func attach(to host: any TerminalHost)
    /// Draws one complete frame.
    func render(on screen: any Screen)
    /// Handles one decoded key (or resize, paste, mouse event).
    func handle(_ key: Key)
    /// True while something animates (a spinner); the loop then ticks ~10 times a second.
    var isAnimating: Bool { get }
    /// Advances animations by one frame.
    func tick()
}
