/// Every action the browser knows. Raw values are the names users write in the config file's
/// key-binding table (`[keys] finalize-invoice = "F"`).
public enum ActionID: String, CaseIterable, Sendable, Hashable {
    // movement
    case cursorUp = "cursor-up"
    case cursorDown = "cursor-down"
    case pageUp = "page-up"
    case pageDown = "page-down"
    case top
    case bottom
    case focusNext = "focus-next"
    case focusPrevious = "focus-previous"
    // navigation
    case drillDown = "open"
    case back
    case commandLine = "command"
    case filter
    case help
    case refresh
    case quit
    case dismiss
    // views
    case sortNext = "sort-next"
    case sortReverse = "sort-reverse"
    case detail
    case rawJSON = "raw-json"
    case nextTab = "next-tab"
    case quickFilter = "quick-filter"
    case pauseUsage = "pause-usage"
    case overdue
    case analytics
    case analyticsMonths = "analytics-months"
    case analyticsTable = "analytics-table"
    case analyticsCurrency = "analytics-currency"
    case subscriptionEvents = "subscription-events"
    case followEvents = "follow-events"
    case diagnoseUsage = "diagnose-usage"
    case usageHistory = "usage-history"
    case switchMetric = "switch-metric"
    // marks (invoice lists)
    case toggleMark = "mark"
    case markRange = "mark-range"
    case markAll = "mark-all"
    case clearMarks = "clear-marks"
    // record actions
    case copyID = "copy-id"
    case copyLink = "copy-link"
    case openWeb = "open-web"
    case downloadPDF = "download-pdf"
    case finalizeInvoice = "finalize-invoice"
    case refreshInvoice = "refresh-invoice"
    case retryPayment = "retry-payment"
    case voidInvoice = "void-invoice"
    case topUpWallet = "top-up-wallet"
    case estimateCreditNote = "estimate-credit-note"
    case askToPay = "ask-to-pay"
}

/// Where an action applies.
public enum ActionScope: Hashable, Sendable {
    /// Everywhere.
    case global
    /// Any table pane.
    case list
    /// Panes (tables or detail) showing records of one resource.
    case resource(ResourceKind)
    /// Any pane showing a record (tables and detail views).
    case record
    /// The live usage pane.
    case usage
    /// A detail (fields / raw JSON) view.
    case detail
    /// The invoices pane with quick filters.
    case invoiceList
    /// The analytics charts.
    case analytics
}

/// Whether an action can run for the selected record, and why not.
public enum Availability: Sendable, Equatable {
    case enabled
    case disabled(String)

    public var isEnabled: Bool { self == .enabled }
    public var reason: String? { if case let .disabled(r) = self { return r } else { return nil } }
}
