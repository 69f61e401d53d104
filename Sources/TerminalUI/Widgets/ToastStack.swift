import LagoAPI

/// A transient message.
public struct ToastInfo: Sendable, Equatable {
    public enum Level: Sendable, Equatable { case info, success, warning, error }
    public var level: Level
    public var text: String
    public init(level: Level, text: String) { self.level = level; self.text = text }

    var role: StyleRole {
        switch level {
        case .info: return .toastInfo
        case .success: return .toastSuccess
        case .warning: return .toastWarning
        case .error: return .toastError
        }
    }

    var icon: String {
        switch level {
        case .info: return "i"
        case .success: return "✓"
        case .warning: return "!"
        case .error: return "✗"
        }
    }
}

/// Messages stacked bottom-right above the footer, newest at the bottom; each on one line,
/// cut with "…" when long. Errors start with ✗ so they read without colour.
public struct ToastStack {
    public var toasts: [ToastInfo]
    public init(_ toasts: [ToastInfo]) { self.toasts = toasts }

    @MainActor
    public func draw(on canvas: Canvas, above row: Int, in rect: Rect) {
        // Inside the pane frames' right edge (one column in), so a message never reads as
        // part of a broken border, in monochrome least of all.
        let inset = rect.columns >= 24 ? 1 : 0
        let maxWidth = min(rect.columns - inset, max(20, rect.columns * 2 / 3))
        for (i, toast) in toasts.suffix(3).reversed().enumerated() {
            let y = row - 1 - i
            guard y >= rect.row else { break }
            let text = (" " + toast.icon + " " + TextSanitizer.sanitize(toast.text) + " ").truncated(toWidth: maxWidth)
            let w = text.displayWidth
            canvas.fill(row: y, column: rect.right - inset - w, width: w, style: Style(toast.role, .reverse))
            canvas.text(text, row: y, column: rect.right - inset - w, style: Style(toast.role, .reverse))
        }
    }
}
