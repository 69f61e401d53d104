/// One entry of the action registry.
public struct ActionSpec: Sendable, Equatable {
    public var id: ActionID
    public var title: String
    /// Where the action applies.
    public var scope: ActionScope
    /// Changes data in Lago: confirmed first, and removed entirely in read-only mode.
    public var dangerous: Bool
    /// Help section ("Navigation", "Invoice"…).
    public var section: String
    /// Keys bound by default.
    public var defaultKeys: [KeyPress]
    /// Shown in the footer's key hints (movement keys are not).
    public var hinted: Bool
}

/// The single list of actions: help, footer hints, key bindings and read-only mode are all
/// generated from it.
public struct ActionRegistry: Sendable {
    public private(set) var specs: [ActionSpec]
    /// True when dangerous actions were removed.
    public let readOnly: Bool

    /// The built-in actions; with `readOnly`, every dangerous one is dropped.
    public init(readOnly: Bool) {
        self.readOnly = readOnly
        let all = ActionRegistry.builtIn
        specs = readOnly ? all.filter { !$0.dangerous } : all
    }

    public func spec(_ id: ActionID) -> ActionSpec? { specs.first { $0.id == id } }

    static let builtIn: [ActionSpec] = {
        func a(_ id: ActionID, _ title: String, _ scope: ActionScope, _ keys: [String], section: String, dangerous: Bool = false, hinted: Bool = true) -> ActionSpec {
            ActionSpec(id: id, title: title, scope: scope, dangerous: dangerous, section: section, defaultKeys: keys.map(KeyPress.init), hinted: hinted)
        }
        return [
            a(.finalizeInvoice, "finalize", .resource(.invoices), ["F"], section: "Invoice", dangerous: true),
            a(.refreshInvoice, "refresh draft", .resource(.invoices), ["R"], section: "Invoice", dangerous: true),
            a(.retryPayment, "retry payment", .resource(.invoices), ["P"], section: "Invoice", dangerous: true),
            a(.voidInvoice, "void", .resource(.invoices), ["X"], section: "Invoice", dangerous: true),
            a(.downloadPDF, "download PDF", .resource(.invoices), ["D"], section: "Invoice"),
            a(.estimateCreditNote, "estimate credit note", .resource(.invoices), ["E"], section: "Invoice"),
            a(.askToPay, "ask to pay", .resource(.invoices), ["$"], section: "Invoice", dangerous: true),
            a(.toggleMark, "mark", .resource(.invoices), ["space"], section: "Marks", hinted: false),
            a(.markRange, "mark range", .resource(.invoices), ["V"], section: "Marks", hinted: false),
            a(.markAll, "mark all pages", .resource(.invoices), ["*"], section: "Marks", hinted: false),
            a(.clearMarks, "clear marks", .resource(.invoices), ["u"], section: "Marks", hinted: false),
            a(.topUpWallet, "top up", .resource(.wallets), ["T"], section: "Wallet", dangerous: true),
            a(.quickFilter, "quick filter", .invoiceList, ["t"], section: "Invoice"),
            a(.pauseUsage, "pause/resume", .usage, ["p"], section: "Usage"),
            a(.subscriptionEvents, "events", .resource(.subscriptions), ["e"], section: "Subscription"),
            a(.diagnoseUsage, "why? (usage)", .resource(.subscriptions), ["W"], section: "Subscription"),
            a(.followEvents, "follow", .resource(.events), ["f"], section: "Events"),
            a(.usageHistory, "usage history", .resource(.subscriptions), ["H"], section: "Subscription"),
            a(.switchMetric, "amount / metric units", .usage, ["m"], section: "Usage"),
            a(.analyticsMonths, "months 3/6/12/24", .analytics, ["m"], section: "Analytics"),
            a(.analyticsTable, "table/charts", .analytics, ["t"], section: "Analytics"),
            a(.analyticsCurrency, "currency", .analytics, ["c"], section: "Analytics"),
            a(.copyID, "copy id", .record, ["c"], section: "Record"),
            a(.copyLink, "copy payment/portal link", .record, ["L"], section: "Record", hinted: false),
            a(.openWeb, "open in Lago", .record, ["o"], section: "Record"),
            a(.detail, "details", .record, ["d"], section: "Record"),
            a(.rawJSON, "raw JSON", .record, ["y"], section: "Record"),
            a(.nextTab, "next tab", .detail, ["tab"], section: "Record"),
            a(.drillDown, "open", .global, ["enter"], section: "Navigation"),
            a(.back, "back", .global, ["esc"], section: "Navigation"),
            a(.commandLine, "command", .global, [":"], section: "Navigation"),
            a(.filter, "filter", .list, ["/"], section: "Navigation"),
            a(.sortNext, "sort", .list, ["s"], section: "Navigation"),
            a(.sortReverse, "reverse sort", .list, ["S"], section: "Navigation", hinted: false),
            a(.refresh, "refresh", .global, ["ctrl-r"], section: "Navigation"),
            a(.overdue, "overdue", .global, ["O"], section: "Navigation", hinted: false),
            a(.analytics, "analytics", .global, ["A"], section: "Navigation", hinted: false),
            a(.help, "help", .global, ["?"], section: "Navigation"),
            a(.quit, "quit", .global, ["q"], section: "Navigation", hinted: false),
            a(.dismiss, "dismiss messages", .global, ["x"], section: "Navigation", hinted: false),
            a(.focusNext, "next pane", .global, ["tab"], section: "Movement", hinted: false),
            a(.focusPrevious, "previous pane", .global, ["shift-tab"], section: "Movement", hinted: false),
            a(.cursorUp, "up", .global, ["up", "k"], section: "Movement", hinted: false),
            a(.cursorDown, "down", .global, ["down", "j"], section: "Movement", hinted: false),
            a(.pageUp, "page up", .global, ["pgup", "ctrl-u"], section: "Movement", hinted: false),
            a(.pageDown, "page down", .global, ["pgdn", "ctrl-f"], section: "Movement", hinted: false),
            a(.top, "first row", .global, ["home", "g"], section: "Movement", hinted: false),
            a(.bottom, "last row", .global, ["end", "G"], section: "Movement", hinted: false),
        ]
    }()
}

extension ActionScope {
    /// True when both scopes can be active in the same pane (so one key cannot serve both).
    func overlaps(_ other: ActionScope) -> Bool {
        if self == other || self == .global || other == .global { return true }
        switch (self, other) {
        case (.list, .resource), (.resource, .list), (.record, .resource), (.resource, .record),
             (.list, .record), (.record, .list), (.list, .invoiceList), (.invoiceList, .list),
             (.record, .invoiceList), (.invoiceList, .record), (.record, .detail), (.detail, .record),
             (.detail, .resource), (.resource, .detail):
            return true
        case let (.resource(r), .invoiceList), let (.invoiceList, .resource(r)):
            return r == .invoices
        default:
            return false
        }
    }

    var label: String {
        switch self {
        case .global: return "everywhere"
        case .list: return "lists"
        case let .resource(r): return r.title
        case .record: return "records"
        case .usage: return "usage"
        case .detail: return "detail views"
        case .invoiceList: return "invoice lists"
        case .analytics: return "analytics"
        }
    }
}
