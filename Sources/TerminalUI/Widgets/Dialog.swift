import LagoAPI

/// An input field inside a dialog.
public struct DialogField: Sendable, Equatable {
    public var label: String
    public var value: String
    public var placeholder: String
    public var focused: Bool
    public var hint: String?
    public var error: String?
    public init(label: String, value: String, placeholder: String = "", focused: Bool = false, hint: String? = nil, error: String? = nil) {
        self.label = label; self.value = value; self.placeholder = placeholder; self.focused = focused; self.hint = hint; self.error = error
    }
}

/// What a modal dialog shows: a confirmation (Cancel focused by default, typed confirmation for
/// irreversible actions on live data), a form (wallet top-up) or a message to acknowledge.
public struct DialogInfo: Sendable, Equatable {
    public var title: String
    public var lines: [StyledLine]
    public var fields: [DialogField]
    public var buttons: [String]
    /// Focused button, nil while a field has focus.
    public var focusedButton: Int?
    public var dangerous: Bool
    public var error: String?
    public var submitting: Bool
    /// One row per field (label, input, hint or error), for a form with a field per line item.
    public var compactFields: Bool

    public init(title: String, lines: [StyledLine], fields: [DialogField] = [], buttons: [String], focusedButton: Int?,
                dangerous: Bool = false, error: String? = nil, submitting: Bool = false, compactFields: Bool = false) {
        self.title = title; self.lines = lines; self.fields = fields; self.buttons = buttons
        self.focusedButton = focusedButton; self.dangerous = dangerous; self.error = error; self.submitting = submitting
        self.compactFields = compactFields
    }
}

/// Draws a dialog centred over the screen: a frame in the danger colour for dangerous actions,
/// the message lines (wrapped), the fields with their hints and errors, and the buttons, the
/// focused one in reverse video. It shrinks with the terminal and stays readable at 20x6.
public struct DialogWidget {
    public var info: DialogInfo
    public var glyphs: BoxGlyphs
    public init(_ info: DialogInfo, glyphs: BoxGlyphs = .unicode) { self.info = info; self.glyphs = glyphs }

    @MainActor
    public func draw(on canvas: Canvas, in area: Rect) {
        let maxWidth = min(area.columns, 72)
        let inner = max(1, maxWidth - 4)
        var body: [StyledLine] = []
        for line in info.lines { body.append(contentsOf: Self.wrap(line, width: inner)) }
        if info.compactFields, !info.fields.isEmpty {
            body.append(StyledLine(""))
            body += compactFieldRows(width: inner)
        }
        for field in info.fields where !info.compactFields {
            body.append(StyledLine(""))
            body.append(StyledLine(field.label, role: .dialogTitle))
            let shown = field.value.isEmpty ? field.placeholder : field.value
            let role: StyleRole = field.value.isEmpty ? .promptSuggestion : .dialogInput
            body.append(StyledLine([Span("[", .dim), Span(shown + (field.focused ? "▏" : ""), role), Span("]", .dim)]))
            if let error = field.error { body.append(StyledLine("✗ " + error, role: .dialogError)) }
            if let hint = field.hint { body.append(StyledLine(hint, role: .dim)) }
        }
        if let error = info.error { body.append(StyledLine("")); body.append(contentsOf: Self.wrap(StyledLine("✗ " + error, role: .dialogError), width: inner)) }
        let buttonLine = buttonSpans()
        let wanted = body.count + 4
        let width = min(maxWidth, max(info.title.displayWidth + 6, body.map(\.width).max().map { $0 + 4 } ?? 0, buttonLine.width + 4, 30))
        let rect = area.centered(rows: wanted, columns: width)
        canvas.fill(rect, style: Style(.dialog))
        let frameRole: StyleRole = info.dangerous ? .dialogDanger : .borderFocused
        canvas.box(rect, title: info.title, style: Style(frameRole), titleStyle: Style(info.dangerous ? .dialogDanger : .dialogTitle), glyphs: glyphs)
        let content = rect.inset(by: 1)
        let inside = Rect(row: content.row, column: content.column + 1, rows: content.rows, columns: content.columns - 2)
        // Body lines, keeping the button row visible: at tiny sizes the body is cut, never the buttons.
        let bodyRows = max(0, inside.rows - 1)
        for (i, line) in body.prefix(bodyRows).enumerated() { line.draw(on: canvas, row: inside.row + i, in: inside) }
        if inside.rows >= 1 {
            let row = inside.bottom - 1
            let x = inside.right - min(inside.columns, buttonLine.width)
            buttonLine.draw(on: canvas, row: row, in: Rect(row: row, column: max(inside.column, x), rows: 1, columns: inside.right - max(inside.column, x)))
        }
    }

    /// "API calls          [9081.00▏] of $9,081.00": the label cut to share the row, the input
    /// at least ten cells wide, the hint after it; an error (✗) gets its own row under the input.
    func compactFieldRows(width: Int) -> [StyledLine] {
        let inputWidth = max(10, info.fields.map { max($0.value.displayWidth, $0.placeholder.displayWidth) + 1 }.max() ?? 10)
        let labelWidth = max(6, min(info.fields.map(\.label.displayWidth).max() ?? 6, (width - inputWidth - 3) / 2))
        return info.fields.flatMap { field -> [StyledLine] in
            let shown = field.value.isEmpty ? field.placeholder : field.value
            let input = (shown + (field.focused ? "▏" : "")).padded(toWidth: inputWidth)
            var spans = [Span(field.label.padded(toWidth: labelWidth) + " ", field.focused ? .dialogTitle : .text), Span("[", .dim),
                         Span(input, field.value.isEmpty ? .promptSuggestion : .dialogInput), Span("] ", .dim)]
            if let hint = field.hint { spans.append(Span(hint, .dim)) }
            guard let error = field.error else { return [StyledLine(spans)] }
            return [StyledLine(spans)] + Self.wrap(StyledLine("✗ " + error, role: .dialogError), width: width)
        }
    }

    func buttonSpans() -> StyledLine {
        var spans: [Span] = []
        for (i, title) in info.buttons.enumerated() {
            if i > 0 { spans.append(Span(" ", .dialog)) }
            let focused = info.focusedButton == i
            let label = info.submitting && i == info.buttons.count - 1 ? "[ \(Spinner.frame(0)) \(title) ]" : "[ \(title) ]"
            spans.append(Span(label, focused ? .dialogButtonFocused : .dialogButton))
        }
        return StyledLine(spans)
    }

    /// Splits a line into lines of at most `width` columns at spaces (hard breaks for long words).
    static func wrap(_ line: StyledLine, width: Int) -> [StyledLine] {
        let text = line.spans.map(\.text).joined()
        let role = line.spans.first?.role ?? .text
        guard TextSanitizer.sanitize(text).displayWidth > width, line.spans.count == 1, width > 4 else { return [line] }
        var lines: [StyledLine] = []
        var current = ""
        for word in TextSanitizer.sanitize(text).split(separator: " ", omittingEmptySubsequences: false) {
            let candidate = current.isEmpty ? String(word) : current + " " + word
            if candidate.displayWidth <= width { current = candidate; continue }
            if !current.isEmpty { lines.append(StyledLine(current, role: role)) }
            var rest = String(word)
            while rest.displayWidth > width {
                var piece = ""
                for ch in rest { if (piece + String(ch)).displayWidth > width { break }; piece.append(ch) }
                lines.append(StyledLine(piece, role: role))
                rest = String(rest.dropFirst(piece.count))
            }
            current = rest
        }
        if !current.isEmpty { lines.append(StyledLine(current, role: role)) }
        return lines
    }
}

extension StyledLine {
    /// Display width of the whole line (indent, spans and trailing part).
    public var width: Int {
        indent * 2 + spans.map { TextSanitizer.sanitize($0.text).displayWidth }.reduce(0, +) + (trailing.map { TextSanitizer.sanitize($0.text).displayWidth + 1 } ?? 0)
    }
}
