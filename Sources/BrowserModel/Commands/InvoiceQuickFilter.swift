/// The invoice tabs of Lago's web app (LAGO-WEB-UI.md §2), with the filter each one sends.
public enum InvoiceQuickFilter: String, CaseIterable, Sendable {
    case all, outstanding, succeeded, draft, overdue, voided, disputed

    /// Tab label.
    public var title: String {
        switch self {
        case .all: return "All"
        case .outstanding: return "Outstanding"
        case .succeeded: return "Succeeded"
        case .draft: return "Draft"
        case .overdue: return "Overdue"
        case .voided: return "Voided"
        case .disputed: return "Disputed"
        }
    }

    /// Server filters for this tab.
    public var filters: [ListFilter] {
        switch self {
        case .all: return []
        case .outstanding: return [ListFilter("status", "finalized"), ListFilter("payment_status", ["failed", "pending"])]
        case .succeeded: return [ListFilter("status", "finalized"), ListFilter("payment_status", "succeeded")]
        case .draft: return [ListFilter("status", "draft")]
        case .overdue: return [ListFilter("payment_overdue", "true")]
        case .voided: return [ListFilter("status", "voided")]
        case .disputed: return [ListFilter("payment_dispute_lost", "true")]
        }
    }

    /// Filter names a quick filter controls (cleared when switching tabs).
    static let controlledFilters = ["status", "payment_status", "payment_overdue", "payment_dispute_lost"]

    /// Applies this tab to `request`, keeping its other filters.
    func apply(to request: ListRequest) -> ListRequest {
        var r = request
        for name in InvoiceQuickFilter.controlledFilters { r.set(name, nil) }
        for f in filters { r.set(f.name, f.values) }
        return r
    }

    /// The tab whose filters `request` carries exactly, or nil for a custom filter.
    static func matching(_ request: ListRequest) -> InvoiceQuickFilter? {
        allCases.first { $0.apply(to: request) == request }
    }

    /// The next tab, wrapping around.
    var next: InvoiceQuickFilter {
        let all = InvoiceQuickFilter.allCases
        return all[(all.firstIndex(of: self)! + 1) % all.count]
    }
}
