/// The size of a terminal or a region, in rows and columns.
public struct Size: Hashable, Sendable, CustomStringConvertible {
    public var rows: Int
    public var columns: Int
    public init(rows: Int, columns: Int) { self.rows = rows; self.columns = columns }
    public var description: String { "\(columns)x\(rows)" }
}

/// A rectangle of cells: origin (row, column) and size. Widgets draw inside one.
public struct Rect: Hashable, Sendable, CustomStringConvertible {
    public var row: Int
    public var column: Int
    public var rows: Int
    public var columns: Int

    public init(row: Int, column: Int, rows: Int, columns: Int) {
        self.row = row; self.column = column; self.rows = max(0, rows); self.columns = max(0, columns)
    }

    public init(size: Size) { self.init(row: 0, column: 0, rows: size.rows, columns: size.columns) }

    public var isEmpty: Bool { rows <= 0 || columns <= 0 }
    public var bottom: Int { row + rows }
    public var right: Int { column + columns }
    public var description: String { "(\(row),\(column) \(columns)x\(rows))" }

    /// The rectangle shrunk by `by` cells on every side.
    public func inset(by amount: Int) -> Rect {
        Rect(row: row + amount, column: column + amount, rows: rows - 2 * amount, columns: columns - 2 * amount)
    }

    /// The top `count` rows and the rest.
    public func splitTop(_ count: Int) -> (Rect, Rect) {
        let n = min(max(0, count), rows)
        return (Rect(row: row, column: column, rows: n, columns: columns),
                Rect(row: row + n, column: column, rows: rows - n, columns: columns))
    }

    /// The bottom `count` rows and the rest above them.
    public func splitBottom(_ count: Int) -> (rest: Rect, bottom: Rect) {
        let n = min(max(0, count), rows)
        return (Rect(row: row, column: column, rows: rows - n, columns: columns),
                Rect(row: row + rows - n, column: column, rows: n, columns: columns))
    }

    /// The left `count` columns and the rest.
    public func splitLeft(_ count: Int) -> (Rect, Rect) {
        let n = min(max(0, count), columns)
        return (Rect(row: row, column: column, rows: rows, columns: n),
                Rect(row: row, column: column + n, rows: rows, columns: columns - n))
    }

    /// The intersection of two rectangles (empty when they do not overlap).
    public func intersection(_ other: Rect) -> Rect {
        let top = max(row, other.row), left = max(column, other.column)
        let bottom = min(self.bottom, other.bottom), right = min(self.right, other.right)
        return Rect(row: top, column: left, rows: bottom - top, columns: right - left)
    }

    /// A rectangle of the given size centred in this one (clamped to fit).
    public func centered(rows wantedRows: Int, columns wantedColumns: Int) -> Rect {
        let r = min(wantedRows, rows), c = min(wantedColumns, columns)
        return Rect(row: row + (rows - r) / 2, column: column + (columns - c) / 2, rows: r, columns: c)
    }
}
