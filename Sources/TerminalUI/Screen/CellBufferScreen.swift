/// One cell of the in-memory screen: the grapheme shown, its display width (2 for the left
/// half of a wide character, 0 for the right half it covers) and its style.
public struct Cell: Hashable, Sendable {
    public var grapheme: Character
    public var width: Int
    public var style: Style
    public static let blank = Cell(grapheme: " ", width: 1, style: .plain)
}

/// An in-memory `Screen`: a grid of cells that tests read back as text (`lines()`) and roles.
/// It enforces the same rules as a terminal: a wide character takes two cells, and
/// overwriting half of one blanks the other half.
@MainActor
public final class CellBufferScreen: Screen {
    public private(set) var size: Size
    private var cells: [[Cell]]
    /// Number of frames presented; tests use it to check that renders are coalesced.
    public private(set) var presentCount = 0

    public init(rows: Int, columns: Int) {
        size = Size(rows: rows, columns: columns)
        cells = Array(repeating: Array(repeating: .blank, count: columns), count: rows)
    }

    /// Changes the size, as a terminal resize would; contents are cleared.
    public func resize(rows: Int, columns: Int) {
        size = Size(rows: rows, columns: columns)
        cells = Array(repeating: Array(repeating: .blank, count: columns), count: rows)
    }

    public func clear() {
        for r in cells.indices { for c in cells[r].indices { cells[r][c] = .blank } }
    }

    public func put(_ grapheme: Character, width: Int, row: Int, column: Int, style: Style) {
        guard row >= 0, row < size.rows, column >= 0, column < size.columns else { return }
        let w = width >= 2 ? 2 : 1
        if w == 2 && column + 1 >= size.columns { return }
        breakWide(row, column)
        if w == 2 { breakWide(row, column + 1) }
        cells[row][column] = Cell(grapheme: grapheme, width: w, style: style)
        if w == 2 { cells[row][column + 1] = Cell(grapheme: " ", width: 0, style: style) }
    }

    public func present() { presentCount += 1 }

    /// The cell at (row, column).
    public func cell(row: Int, column: Int) -> Cell { cells[row][column] }

    /// Each row as text (continuation halves of wide characters skipped), trailing spaces trimmed.
    public func lines() -> [String] {
        cells.map { row in
            var line = ""
            for cell in row where cell.width > 0 { line.append(cell.grapheme) }
            while line.last == " " { line.removeLast() }
            return line
        }
    }

    /// The whole screen as one string, rows separated by newlines (for failure messages).
    public func dump() -> String {
        let border = "+" + String(repeating: "-", count: size.columns) + "+"
        return ([border] + lines().map { "|" + $0.padded(toWidth: size.columns) + "|" } + [border]).joined(separator: "\n")
    }

    /// Whether any row contains `text`.
    public func contains(_ text: String) -> Bool { lines().contains { $0.contains(text) } }

    /// The first row index containing `text`.
    public func row(containing text: String) -> Int? { lines().firstIndex { $0.contains(text) } }

    /// The style of the first cell of the first occurrence of `text`.
    public func style(of text: String) -> Style? {
        for (r, line) in lines().enumerated() {
            guard let range = line.range(of: text) else { continue }
            let targetColumn = String(line[..<range.lowerBound]).displayWidth
            return cells[r][targetColumn].style
        }
        return nil
    }

    /// Every grapheme on screen, for checking that no control character ever got in.
    public var allGraphemes: [Character] { cells.flatMap { $0.map(\.grapheme) } }

    private func breakWide(_ row: Int, _ column: Int) {
        let cell = cells[row][column]
        if cell.width == 2, column + 1 < size.columns { cells[row][column + 1] = .blank }
        if cell.width == 0, column > 0, cells[row][column - 1].width == 2 { cells[row][column - 1] = .blank }
    }
}
