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

    let kind: Kind
    let layout: PaneLayout
    var panes: [any Pane]
    var focus = 0
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

    var crumbs: [String] { parentCrumbs + ownCrumbs(self) }
    var focused: any Pane { panes[min(focus, panes.count - 1)] }

    func setVisible(_ visible: Bool) {
        for pane in panes { pane.setVisible(visible) }
    }
}
