/// A terminal surface that widgets draw on. Two implementations: `NcursesScreen` (the real
/// terminal, through ncursesw) and `CellBufferScreen` (an in-memory grid used by tests).
/// Callers hand it graphemes that are already sanitised and measured; `Canvas` does that.
@MainActor
public protocol Screen: AnyObject {
    /// Current size in rows and columns.
    var size: Size { get }
    /// Blanks every cell (with the `.text` role) before a frame is drawn.
    func clear()
    /// Puts one grapheme of `width` columns (1 or 2) at (row, column). Out-of-bounds puts are ignored.
    func put(_ grapheme: Character, width: Int, row: Int, column: Int, style: Style)
    /// Makes the frame visible (a no-op for the cell buffer).
    func present()
}
