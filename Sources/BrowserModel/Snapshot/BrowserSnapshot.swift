import Foundation
import LagoAPI

/// Everything the terminal front end needs to draw one frame. Immutable and `Sendable`: the
/// model builds a fresh one on request (`BrowserModel.snapshot()`) and never mutates it.
/// All strings are already safe for a terminal (control characters removed).
public struct BrowserSnapshot: Sendable, Equatable {
    /// Top line: profile, live/test, read-only, API status, last refresh.
    public var header: HeaderSnapshot
    /// Where the user is, outermost first: `["customers", "Acme", "invoices", "INV-0042"]`.
    public var breadcrumbs: [String]
    /// The main area: one or more panes and how they are arranged.
    public var body: BodySnapshot
    /// Key hints for the footer, generated from the action registry for the focused pane.
    public var footerHints: [KeyHint]
    /// The `:` command line or `/` filter line while one is being edited.
    public var prompt: PromptSnapshot?
    /// A modal dialog (confirmation, top-up form, result that must be acknowledged).
    public var dialog: DialogSnapshot?
    /// The help overlay, when open (`?`).
    public var help: HelpSnapshot?
    /// Short-lived messages; errors stay until dismissed.
    public var toasts: [Toast]
    /// Background tasks (PDF downloads, actions in flight) with their progress.
    public var tasks: [TaskSnapshot]
    /// True while any request or background task is running (for a spinner).
    public var busy: Bool

    public init(header: HeaderSnapshot, breadcrumbs: [String], body: BodySnapshot, footerHints: [KeyHint],
                prompt: PromptSnapshot?, dialog: DialogSnapshot?, help: HelpSnapshot?, toasts: [Toast],
                tasks: [TaskSnapshot], busy: Bool) {
        self.header = header
        self.breadcrumbs = breadcrumbs
        self.body = body
        self.footerHints = footerHints
        self.prompt = prompt
        self.dialog = dialog
        self.help = help
        self.toasts = toasts
        self.tasks = tasks
        self.busy = busy
    }
}

/// The header line's facts.
public struct HeaderSnapshot: Sendable, Equatable {
    /// Profile name from the config ("eu-live").
    public var profile: String
    /// Live or test environment; live is drawn unmistakably (red badge).
    public var environment: EnvironmentKind
    /// True when every dangerous action has been removed (`--readonly` or profile setting).
    public var readOnly: Bool
    /// API host shown to the user ("api.eu.getlago.com").
    public var apiHost: String
    /// Last API problem in one line, or nil when the last request went well.
    public var apiStatus: String?
    /// When the focused view last received fresh data.
    public var lastRefresh: Date?
    /// Pre-formatted badges in display order, e.g. `["LIVE", "RO"]`.
    public var badges: [String]
    /// When a failed load will be retried by itself ("retrying in 4 s"), or nil. Shown even
    /// when a later request elsewhere succeeded and cleared `apiStatus`.
    public var recovery: String? = nil
}

/// Live (real money) or test (sandbox) Lago environment.
public enum EnvironmentKind: String, Sendable, Equatable {
    case live, test
}

/// How the body's panes are arranged.
public enum PaneLayout: Sendable, Equatable {
    /// One pane fills the body.
    case single
    /// The dashboard: `panes[0]` (customers) on the left; the others stacked on the right.
    case dashboard
    /// A customer's own screen: the panes stacked or tiled, no list on the left.
    case stacked
}

/// The body: panes and their layout.
public struct BodySnapshot: Sendable, Equatable {
    public var layout: PaneLayout
    public var panes: [PaneSnapshot]
    /// Index in `panes` of the pane with keyboard focus.
    public var focusedIndex: Int
    /// The screen's own tabs (the dashboard's `customers` and `analytics`), drawn beside the
    /// breadcrumbs when the terminal is wide enough; empty for other screens.
    public var screenTabs: [String] = []
    /// Index in `screenTabs` of the tab shown.
    public var activeScreenTab: Int = 0
}

/// Identity of a pane inside the current screen; stable across snapshots.
public struct PaneID: Hashable, Sendable, CustomStringConvertible {
    public var rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }
}

/// Loading state of a pane.
public enum LoadState: Sendable, Equatable {
    /// Nothing requested yet, or data is current.
    case idle
    /// First load in progress (no rows yet).
    case loading
    /// Rows are shown and a refresh or next page is in flight.
    case refreshing
    /// The last request failed; the message is one human line. Rows (if any) stay visible.
    case failed(String)
}

/// One pane: a titled box with a table or text.
public struct PaneSnapshot: Sendable, Equatable {
    public var id: PaneID
    /// Title line, e.g. "invoices (Acme)".
    public var title: String
    /// Count to show after the title: "42", "100+", "3/100+" when filtered.
    public var countText: String
    public var focused: Bool
    public var state: LoadState
    /// True when rows came from the cache and a fresh copy has not arrived yet.
    public var stale: Bool
    /// While `stale`, seconds since the rows were read from Lago ("cached 3 min ago"), when known.
    public var cachedAge: TimeInterval? = nil
    /// Active local filter text (as typed, with `!` for inverse), or nil.
    public var filter: String?
    /// Active server-side search term, or nil.
    public var serverSearch: String?
    /// Lines shown above the content (overdue totals, usage period and total…).
    public var summary: [StyledText]
    public var content: PaneContent
    /// Placeholder when there is nothing to show ("No invoices", "Select a subscription").
    public var emptyMessage: String?
}

/// What a pane contains.
public enum PaneContent: Sendable, Equatable {
    case table(TableSnapshot)
    /// Free text lines (detail fields tree, raw JSON), with a scroll position.
    case text(TextSnapshot)
    /// Bar charts of analytics series.
    case charts(ChartsSnapshot)
    /// A bar chart, meters and lines (usage history).
    case chart(ChartSnapshot)
}

/// A window of a table: only the rows in view are included.
public struct TableSnapshot: Sendable, Equatable {
    public var columns: [ColumnSnapshot]
    /// The rows in view, from `firstRowIndex`.
    public var rows: [RowSnapshot]
    /// Index (in the filtered, sorted list) of `rows[0]`.
    public var firstRowIndex: Int
    /// Index of the cursor row in the filtered, sorted list, or nil when the list is empty.
    public var cursorIndex: Int?
    /// Number of rows in the filtered, sorted list that are loaded.
    public var totalRows: Int
    /// Index of the sorted column and its direction, when sorted by the user.
    public var sort: SortIndicator?
    /// True when more pages exist on the server beyond the loaded rows.
    public var hasMore: Bool
}

/// Sorted column marker.
public struct SortIndicator: Sendable, Equatable {
    public var column: Int
    public var ascending: Bool
}

/// Horizontal alignment of a column.
public enum ColumnAlignment: Sendable, Equatable {
    case left, right
}

/// A column header.
public struct ColumnSnapshot: Sendable, Equatable {
    public var title: String
    public var alignment: ColumnAlignment
    /// 0 is essential; higher numbers are dropped first when the terminal is narrow.
    public var priority: Int
    /// Smallest useful width in cells; a hint, not a hard limit.
    public var minWidth: Int
    /// True when the column may take extra width (names, descriptions).
    public var flexible: Bool
}

/// Semantic colour role; the theme maps it to colours (and NO_COLOR to text attributes).
public enum StatusRole: String, Sendable, Equatable {
    case normal, success, warning, danger, muted, info, accent
}

/// One table row.
public struct RowSnapshot: Sendable, Equatable {
    /// The record's Lago id; stable across refreshes.
    public var id: String
    /// Cell text, one per column.
    public var cells: [String]
    /// Role for each cell (status badges, overdue amounts).
    public var cellRoles: [StatusRole]
    /// Role for the row as a whole (muted for voided, danger for overdue…).
    public var role: StatusRole
    /// Columns whose value changed in the last refresh (to mark them briefly).
    public var changedColumns: Set<Int>
    /// True when this row carries the cursor.
    public var selected: Bool
    /// Whether the row is marked for a bulk action (and still eligible for one).
    public var mark: RowMark = .none
}

/// A scrollable block of text lines.
public struct TextSnapshot: Sendable, Equatable {
    public var lines: [StyledText]
    /// Index of the first line in view.
    public var scrollOffset: Int
    /// Tab names (e.g. fields / fees / raw JSON) and which one is active.
    public var tabs: [String]
    public var activeTab: Int
    /// Long lines are word-wrapped to the pane (explanations); `scrollOffset` then counts
    /// the pane's own lines, not the wrapped ones.
    public var wraps: Bool = false
}

/// A line of text with a role and indentation (for trees).
public struct StyledText: Sendable, Equatable {
    public var text: String
    public var role: StatusRole
    /// Indentation level (two cells per level).
    public var indent: Int
    /// Right-aligned second part (amounts in totals), or nil.
    public var trailing: String?

    public init(_ text: String, role: StatusRole = .normal, indent: Int = 0, trailing: String? = nil) {
        self.text = TextSanitizer.clean(text)
        self.role = role
        self.indent = indent
        self.trailing = trailing.map(TextSanitizer.clean)
    }
}

/// A key hint for the footer or help.
public struct KeyHint: Sendable, Equatable {
    /// Key as the user presses it ("f", "ctrl-r", "enter").
    public var key: String
    public var title: String
    /// False when the action exists for this pane but is not possible for the selected record.
    public var enabled: Bool
    /// Why it is disabled ("only draft invoices can be finalized").
    public var disabledReason: String?
    public var dangerous: Bool
}

/// The command (`:`) or filter (`/`) line being edited.
public struct PromptSnapshot: Sendable, Equatable {
    public enum Kind: Sendable, Equatable { case command, filter }
    public var kind: Kind
    /// Text typed so far (without the leading `:` or `/`).
    public var text: String
    /// Cursor position in `text`, in characters.
    public var cursor: Int
    /// Completion suggestion for the rest of the text (fish-style ghost text), or nil.
    public var suggestion: String?
    /// Candidate completions for the word being typed.
    public var candidates: [String]
    /// Parse error or hint for the current text.
    public var message: String?
}

/// A modal dialog.
public struct DialogSnapshot: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// Yes/no confirmation of an action.
        case confirm
        /// A small form (wallet top-up).
        case form
        /// A result or error that stays until acknowledged.
        case message
    }
    public var kind: Kind
    public var title: String
    /// Body lines ("Finalize draft INV-0042 for Acme, $1,250.00?").
    public var lines: [StyledText]
    /// Form fields (top-up) or the type-to-confirm field; empty otherwise.
    public var fields: [FieldSnapshot]
    /// Buttons in display order; `focusedButton` indexes into it (Cancel by default).
    public var buttons: [String]
    /// Index of the focused button, or nil while a field has focus.
    public var focusedButton: Int?
    /// True for dangerous actions (drawn in the danger colour).
    public var dangerous: Bool
    /// Validation problem with the current input, or nil.
    public var error: String?
    /// True while the confirmed action runs (buttons disabled).
    public var submitting: Bool
    /// One row per field (label, input, hint): for forms with a field per line item.
    public var compactFields: Bool = false
}

/// One input field in a dialog.
public struct FieldSnapshot: Sendable, Equatable {
    public var label: String
    public var value: String
    public var placeholder: String
    public var focused: Bool
    /// Helper text under the field ("= $20.00", "min $10.00, max $500.00").
    public var hint: String?
    public var error: String?
}

/// The help overlay: every key for the current context, generated from the registry.
public struct HelpSnapshot: Sendable, Equatable {
    public struct Section: Sendable, Equatable {
        public var title: String
        public var entries: [KeyHint]
    }
    public var sections: [Section]
    /// Key-binding conflicts found when the user's key map was loaded.
    public var conflicts: [String]
}

/// A transient message.
public struct Toast: Sendable, Equatable, Identifiable {
    public enum Level: Sendable, Equatable { case info, success, warning, error }
    public var id: Int
    public var level: Level
    public var text: String
    /// Errors are sticky: they stay until dismissed.
    public var sticky: Bool
}

/// A background task (download, action) and its progress.
public struct TaskSnapshot: Sendable, Equatable, Identifiable {
    public enum State: Sendable, Equatable {
        case running(String)
        case succeeded(String)
        case failed(String)
    }
    public var id: Int
    public var title: String
    public var state: State
    /// 0...1 when known.
    public var fraction: Double?
}
