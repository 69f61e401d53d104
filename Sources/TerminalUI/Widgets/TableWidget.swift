import LagoAPI

/// A table column as the table widget needs it.
public struct TableColumn: Sendable, Equatable {
    public var title: String
    public var alignment: TextAlignment
    /// 0 is essential; columns with the highest numbers are dropped first when space runs out.
    public var priority: Int
    /// Smallest useful width in columns.
    public var minWidth: Int
    /// Whether the column takes the width left over (names, descriptions).
    public var flexible: Bool

    public init(_ title: String, alignment: TextAlignment = .left, priority: Int = 0, minWidth: Int = 3, flexible: Bool = false) {
        self.title = title; self.alignment = alignment; self.priority = priority; self.minWidth = minWidth; self.flexible = flexible
    }
}

/// One cell: its text and role (a status colour, a muted value…).
public struct TableCell: Sendable, Equatable {
    public var text: String
    public var role: StyleRole
    public var changed: Bool
    public init(_ text: String, role: StyleRole = .text, changed: Bool = false) { self.text = text; self.role = role; self.changed = changed }
}

/// How a row shows that it is marked for a bulk action.
public enum TableRowMark: Sendable, Equatable {
    case none
    /// "●": marked.
    case marked
    /// "○": marked, but no bulk action applies to it any more.
    case skipped
}

/// A table's visible rows. Only the rows in view are handed over (`firstRowIndex` says where
/// they start), so a 100 000-row list costs what a screenful costs.
public struct TableContent: Sendable, Equatable {
    public var columns: [TableColumn]
    public var rows: [[TableCell]]
    public var firstRowIndex: Int
    public var totalRows: Int
    public var cursorIndex: Int?
    public var sortColumn: Int?
    public var sortAscending: Bool
    public var hasMore: Bool
    /// Each row's mark; when any row is marked the table keeps a two-column gutter for them.
    public var marks: [TableRowMark]

    public init(columns: [TableColumn], rows: [[TableCell]], firstRowIndex: Int = 0, totalRows: Int? = nil, cursorIndex: Int? = nil,
                sortColumn: Int? = nil, sortAscending: Bool = true, hasMore: Bool = false, marks: [TableRowMark] = []) {
        self.columns = columns; self.rows = rows; self.firstRowIndex = firstRowIndex; self.marks = marks
        self.totalRows = totalRows ?? rows.count; self.cursorIndex = cursorIndex
        self.sortColumn = sortColumn; self.sortAscending = sortAscending; self.hasMore = hasMore
    }
}

/// Draws a table: a header line, then rows. Column widths come from the content in view and
/// the columns' priorities; text is cut with "…" at the right display width, right-aligned
/// columns stay right-aligned, the cursor row is drawn in reverse video (underlined when the
/// pane is not focused) on top of the cells' status colours.
public struct TableWidget {
    public var content: TableContent
    public var focused: Bool

    public init(content: TableContent, focused: Bool) { self.content = content; self.focused = focused }

    /// Rows of data that fit in `rect` (one line goes to the header).
    public static func visibleRowCount(in rect: Rect) -> Int { max(0, rect.rows - 1) }

    @MainActor
    public func draw(on canvas: Canvas, in rect: Rect) {
        guard !rect.isEmpty else { return }
        let c = canvas.clipped(to: rect)
        // Marked rows get "● " (or "○ " when skipped) in a gutter, shown only while a row in
        // view is marked so unmarked tables keep every column.
        let gutter = content.marks.contains { $0 != .none } && rect.columns > 8 ? 2 : 0
        let layout = Self.columnWidths(content.columns, rows: content.rows, available: rect.columns - gutter)
        // Header.
        var x = rect.column + gutter
        for (index, width) in layout {
            let column = content.columns[index]
            var title = column.title
            var role = StyleRole.tableHeader
            if content.sortColumn == index {
                title += content.sortAscending ? "▲" : "▼"
                role = .tableHeaderSorted
            }
            c.field(title, row: rect.row, column: x, width: width, style: Style(role), alignment: column.alignment)
            x += width + 1
        }
        // Rows.
        let height = rect.rows - 1
        for (offset, cells) in content.rows.prefix(height).enumerated() {
            let y = rect.row + 1 + offset
            let selected = content.cursorIndex == content.firstRowIndex + offset
            let extra: Emphasis = selected ? (focused ? .reverse : .underline) : []
            if selected { c.fill(row: y, column: rect.column, width: rect.columns, style: Style(.text, extra)) }
            if gutter > 0 {
                switch offset < content.marks.count ? content.marks[offset] : .none {
                case .marked: c.field("●", row: y, column: rect.column, width: 1, style: Style(.accent, extra.union(.bold)), alignment: .left)
                case .skipped: c.field("○", row: y, column: rect.column, width: 1, style: Style(.statusDisabled, extra), alignment: .left)
                case .none: break
                }
            }
            var x = rect.column + gutter
            for (index, width) in layout {
                let cell = index < cells.count ? cells[index] : TableCell("")
                let role: StyleRole = cell.changed ? .changed : cell.role
                c.field(cell.text, row: y, column: x, width: width, style: Style(role, extra), alignment: content.columns[index].alignment)
                x += width + 1
            }
        }
    }

    /// Chooses which columns to show and how wide, for the rows in view. Each column wants the
    /// width of its widest value (and title). Essential columns (priority 0) keep that width
    /// while less important ones are squeezed to their minimum; when even that does not fit,
    /// the least important column is dropped. Leftover width goes to flexible columns.
    public static func columnWidths(_ columns: [TableColumn], rows: [[TableCell]], available: Int) -> [(index: Int, width: Int)] {
        guard !columns.isEmpty, available > 0 else { return [] }
        var natural = columns.map { $0.title.displayWidth + 1 }
        for row in rows {
            for (i, cell) in row.enumerated() where i < natural.count {
                natural[i] = max(natural[i], TextSanitizer.sanitize(cell.text).displayWidth)
            }
        }
        func minimum(_ i: Int) -> Int { min(max(1, columns[i].minWidth), natural[i]) }
        var shown = Array(columns.indices)
        func leastImportant() -> Int? {
            let candidates = shown.enumerated().filter { columns[$0.element].priority > 0 }
            return candidates.max { a, b in
                columns[a.element].priority == columns[b.element].priority ? a.offset < b.offset : columns[a.element].priority < columns[b.element].priority
            }?.offset
        }
        // What a column insists on before others are dropped: essential columns their natural
        // width, except flexible ones (names), which give way down to half of the table.
        func insisted(_ i: Int) -> Int {
            guard columns[i].priority == 0 else { return minimum(i) }
            return columns[i].flexible ? min(natural[i], max(minimum(i), available / 2)) : natural[i]
        }
        while shown.count > 1 {
            let needed = shown.map(insisted).reduce(0, +) + shown.count - 1
            guard needed > available else { break }
            if let drop = leastImportant() {
                shown.remove(at: drop)
            } else {
                // Only essential columns left: drop from the right until their minimums fit.
                let minimums = shown.map(minimum).reduce(0, +) + shown.count - 1
                if minimums > available { shown.removeLast() } else { break }
            }
        }
        var widths = shown.map { natural[$0] }
        let budget = available - max(0, shown.count - 1)
        var total = widths.reduce(0, +)
        if total < budget {
            let targets = shown.indices.filter { columns[shown[$0]].flexible }
            var spare = targets.isEmpty ? 0 : budget - total
            var t = 0
            while spare > 0 { widths[targets[t % targets.count]] += 1; spare -= 1; t += 1 }
            return zip(shown, widths).map { (index: $0, width: $1) }
        }
        // Squeeze in steps: flexible essential columns down to what they insist on, then less
        // important columns (highest priority number first) to their minimum, then flexible
        // ones, then the rest; widest first among equals.
        func squeeze(_ ks: [Int], to floor: (Int) -> Int) {
            for k in ks.sorted(by: { widths[$0] > widths[$1] }) where total > budget {
                let cut = min(total - budget, widths[k] - floor(shown[k]))
                if cut > 0 { widths[k] -= cut; total -= cut }
            }
        }
        let flexibleEssential = shown.indices.filter { columns[shown[$0]].priority == 0 && columns[shown[$0]].flexible }
        squeeze(flexibleEssential, to: insisted)
        for priority in Set(shown.map { columns[$0].priority }).filter({ $0 > 0 }).sorted(by: >) {
            squeeze(shown.indices.filter { columns[shown[$0]].priority == priority }, to: minimum)
        }
        squeeze(flexibleEssential, to: minimum)
        squeeze(Array(shown.indices), to: minimum)
        if total > budget, let last = widths.indices.last { widths[last] = max(1, widths[last] - (total - budget)) }
        return zip(shown, widths).map { (index: $0, width: $1) }
    }
}
