/// What a cell means, not how it looks: themes map each role to colours and attributes, and
/// the monochrome fallback maps it to bold/underline/reverse/dim. Raw value = theme key.
public enum StyleRole: String, CaseIterable, Sendable, Hashable {
    case text = "text"
    case dim = "text.dim"
    case accent = "text.accent"
    case placeholder = "text.placeholder"
    case changed = "text.changed"
    case border = "frame.border"
    case borderFocused = "frame.focus"
    case title = "frame.title"
    case titleFocused = "frame.title.focus"
    case tableHeader = "table.header"
    case tableHeaderSorted = "table.header.sorted"
    case statusSuccess = "status.success"
    case statusWarning = "status.warning"
    case statusDanger = "status.danger"
    case statusDisabled = "status.disabled"
    case statusDefault = "status.default"
    case statusOutline = "status.outline"
    case header = "header"
    case headerLabel = "header.label"
    case headerValue = "header.value"
    case badgeLive = "badge.live"
    case badgeTest = "badge.test"
    case badgeReadOnly = "badge.readonly"
    case connectionOnline = "connection.online"
    case connectionOffline = "connection.offline"
    case connectionCached = "connection.cached"
    case crumbs = "crumbs"
    case crumbsActive = "crumbs.active"
    case hintKey = "hints.key"
    case hintText = "hints.text"
    case hintDisabled = "hints.disabled"
    case prompt = "prompt"
    case promptInput = "prompt.input"
    case promptSuggestion = "prompt.suggestion"
    case dialog = "dialog"
    case dialogTitle = "dialog.title"
    case dialogDanger = "dialog.danger"
    case dialogButton = "dialog.button"
    case dialogButtonFocused = "dialog.button.focus"
    case dialogInput = "dialog.input"
    case dialogError = "dialog.error"
    case jsonKey = "json.key"
    case jsonString = "json.string"
    case jsonNumber = "json.number"
    case jsonLiteral = "json.literal"
    case jsonPunctuation = "json.punctuation"
    case toastInfo = "toast.info"
    case toastSuccess = "toast.success"
    case toastWarning = "toast.warning"
    case toastError = "toast.error"
    case helpSection = "help.section"
    case helpKey = "help.key"
    case tabActive = "tab.active"
    case tabInactive = "tab.inactive"
    case progress = "progress"
}

/// Emphasis added on top of a role: the selected row is `.reverse` whatever its status colour.
public struct Emphasis: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let bold = Emphasis(rawValue: 1)
    public static let dim = Emphasis(rawValue: 2)
    public static let underline = Emphasis(rawValue: 4)
    public static let reverse = Emphasis(rawValue: 8)
    public static let italic = Emphasis(rawValue: 16)
}

/// The style of one cell: a role plus emphasis.
public struct Style: Hashable, Sendable {
    public var role: StyleRole
    public var emphasis: Emphasis
    public init(_ role: StyleRole = .text, _ emphasis: Emphasis = []) { self.role = role; self.emphasis = emphasis }
    public static let plain = Style()

    /// This style with more emphasis.
    public func adding(_ more: Emphasis) -> Style { Style(role, emphasis.union(more)) }
}
