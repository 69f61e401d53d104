/// One entry of the navigation stack: a set of panes, their layout, and the breadcrumbs.
@MainActor
final class BrowserScreen {
    enum Kind: Equatable {
        case dashboard
        case customer
        case list(ResourceKind)
        case detail
        case usage
        case overdue
        case analytics
    }

    /// The dashboard's two views: its customers, and the business's analytics (`A`).
    enum DashboardTab: Int, CaseIterable {
        case customers, analytics
        var title: String { self == .customers ? "customers" : "analytics" }
    }

    let kind: Kind
    private(set) var layout: PaneLayout
    private(set) var panes: [any Pane]
    var focus = 0
    /// The dashboard's tab shown (always `.customers` for other screens).
    private(set) var dashboardTab = DashboardTab.customers
    /// The other tab's panes, layout and focus while it is hidden.
    private var hiddenTab: (panes: [any Pane], layout: PaneLayout, focus: Int)?
    /// Crumbs of the screen this one was opened from.
    let parentCrumbs: [String]
    /// This screen's own crumbs (computed: the dashboard's depend on focus).
    var ownCrumbs: @MainActor (BrowserScreen) -> [String]
    var customerGroup: CustomerGroup?
    var overdue: OverdueController?
    /// Memory key for per-view settings (sort).
    let viewKey: String

    init(kind: Kind, layout: PaneLayout, panes: [any Pane], parentCrumbs: [String], viewKey: String,
         ownCrumbs: @escaping @MainActor (BrowserScreen) -> [String]) {
        self.kind = kind
        self.layout = layout
        self.panes = panes
        self.parentCrumbs = parentCrumbs
        self.viewKey = viewKey
        self.ownCrumbs = ownCrumbs
    }

    var crumbs: [String] { dashboardTab == .analytics ? ["analytics"] : parentCrumbs + ownCrumbs(self) }

    /// Shows the dashboard's `tab`; `make` builds the analytics pane the first time. The
    /// hidden tab keeps its panes (and their loaded rows), so switching back is instant.
    func showDashboardTab(_ tab: DashboardTab, make: () -> any Pane) {
        guard kind == .dashboard, tab != dashboardTab else { return }
        let shown = (panes, layout, focus)
        if let hidden = hiddenTab {
            (panes, layout, focus) = hidden
        } else {
            (panes, layout, focus) = ([make()], .single, 0)
        }
        for pane in shown.0 { pane.setVisible(false) }
        hiddenTab = shown
        dashboardTab = tab
    }
    var focused: any Pane { panes[min(focus, panes.count - 1)] }

    func setVisible(_ visible: Bool) {
        for pane in panes { pane.setVisible(visible) }
    }
}
