import Foundation

/// Screens, the navigation stack, drill-down and back.
extension BrowserModel {
    func push(_ screen: BrowserScreen) {
        top?.setVisible(false)
        stack.append(screen)
        applySortMemory(screen)
        for pane in screen.panes { if let rows = viewportHints[pane.id] { pane.viewportRows = rows } }
        if terminalVisible { screen.setVisible(true) }
        changed()
    }

    func pop() {
        guard stack.count > 1 else { return }
        let old = stack.removeLast()
        old.setVisible(false)
        if terminalVisible { top?.setVisible(true) }
        changed()
    }

    /// Replaces everything above the dashboard with `screen` (used by `:` commands).
    func openFromCommand(_ screen: BrowserScreen) {
        while stack.count > 1 {
            let old = stack.removeLast()
            old.setVisible(false)
        }
        push(screen)
    }

    func makeDashboard() -> BrowserScreen {
        let customers = ListPane(id: PaneID("customers"), env: env, request: ListRequest(.customers))
        let group = CustomerGroup(env: env, prefix: "dashboard.")
        let screen = BrowserScreen(kind: .dashboard, layout: .dashboard, panes: [customers] + group.panes, parentCrumbs: [], viewKey: "dashboard") { s in
            guard s.focus > 0, let name = s.customerGroup?.customerName else { return ["customers"] }
            return ["customers", name, s.panes[s.focus].title]
        }
        screen.customerGroup = group
        customers.onSelectionChange = { [weak self, weak customers, weak group] in
            guard let self, let customers, let group else { return }
            self.customerSelectionChanged(customers, group)
        }
        return screen
    }

    /// Loads the selected customer's panes, after a short pause so scrolling through
    /// customers does not fire a request burst.
    func customerSelectionChanged(_ customers: ListPane, _ group: CustomerGroup) {
        selectionTimer?.cancel()
        let delay = env.configuration.selectionDebounce
        if delay <= .zero {
            group.setCustomer(customers.selectedRecord?.json)
            return
        }
        selectionTimer = env.clock.schedule(after: delay) { [weak customers, weak group] in
            group?.setCustomer(customers?.selectedRecord?.json)
        }
    }

    func makeCustomerScreen(_ customer: SelectedRecord) -> BrowserScreen {
        let group = CustomerGroup(env: env, prefix: "customer.")
        group.setCustomer(customer.json)
        let name = customer.displayName
        let screen = BrowserScreen(kind: .customer, layout: .stacked, panes: group.panes, parentCrumbs: top?.crumbs ?? [], viewKey: "customer") { s in
            [name, s.panes[s.focus].title]
        }
        screen.customerGroup = group
        return screen
    }

    func makeListScreen(_ request: ListRequest, title: String? = nil, parentCrumbs: [String] = []) -> BrowserScreen {
        let pane = ListPane(id: PaneID("list." + request.resource.rawValue), env: env, request: request, title: title)
        if request.resource == .invoices { pane.extraScopes = [.invoiceList] }
        let crumb = title ?? request.resource.title
        return BrowserScreen(kind: .list(request.resource), layout: .single, panes: [pane], parentCrumbs: parentCrumbs, viewKey: "list." + request.resource.rawValue) { _ in [crumb] }
    }

    func makeDetailScreen(_ record: SelectedRecord, tab: DetailPane.Tab? = nil) -> BrowserScreen {
        let pane = DetailPane(id: PaneID("detail"), env: env, record: record, tab: tab)
        return BrowserScreen(kind: .detail, layout: .single, panes: [pane], parentCrumbs: top?.crumbs ?? [], viewKey: "detail") { _ in [pane.displayName] }
    }

    func makeAnalyticsScreen() -> BrowserScreen {
        let pane = AnalyticsPane(id: PaneID("analytics"), env: env)
        return BrowserScreen(kind: .analytics, layout: .single, panes: [pane], parentCrumbs: [], viewKey: "analytics") { _ in ["analytics"] }
    }

    func makeUsageScreen(_ target: UsagePane.Target, parentCrumbs: [String]) -> BrowserScreen {
        let pane = UsagePane(id: PaneID("usage"), env: env)
        pane.setTarget(target)
        return BrowserScreen(kind: .usage, layout: .single, panes: [pane], parentCrumbs: parentCrumbs, viewKey: "usage") { _ in [target.label, "usage"] }
    }

    func makeOverdueScreen() -> BrowserScreen {
        let controller = OverdueController(env: env)
        let screen = BrowserScreen(kind: .overdue, layout: .single, panes: [controller.pane], parentCrumbs: [], viewKey: "overdue") { _ in ["overdue"] }
        screen.overdue = controller
        controller.loadTotals()
        let pane = controller.pane
        let previous = pane.onSelectionChange
        pane.onSelectionChange = { [weak controller] in
            previous?()
            controller?.updateSummary()
        }
        return screen
    }

    // MARK: drill-down

    /// Enter: customer → its subscriptions and invoices; subscription → its usage; invoice →
    /// its detail; wallet → its transactions; any other record → its detail.
    func drillDown() {
        guard let screen = top else { return }
        let pane = screen.focused
        if let usage = pane as? UsagePane { usage.toggleExpanded(); return }
        guard let record = pane.selectedRecord else { return }
        if pane is DetailPane || pane is EventDetailPane { return }
        switch record.resource {
        case .customers:
            if screen.kind == .dashboard {
                screen.focus = 1
            } else {
                push(makeCustomerScreen(record))
            }
        case .subscriptions:
            guard record.json.string("status") == "active" else {
                toast(.warning, "Only active subscriptions have live usage")
                return
            }
            let customerID = record.json.string("external_customer_id") ?? screen.customerGroup?.externalID
            guard let customerID, let subID = record.json.string("external_id") else { return }
            let label = record.displayName
            push(makeUsageScreen(UsagePane.Target(customerExternalId: customerID, subscriptionExternalId: subID, label: label),
                                 parentCrumbs: screen.crumbs))
        case .events:
            push(makeEventScreen(record.id, known: record.json))
        case .wallets:
            let request = ListRequest(.walletTransactions, under: record.id)
            push(makeListScreen(request, title: "transactions", parentCrumbs: screen.crumbs + [record.displayName]))
        default:
            push(makeDetailScreen(record))
        }
    }

    /// Esc: leaves a pane of the dashboard for the customers list, else pops the stack.
    /// `A` on the dashboard: its analytics tab (and back to its customers); elsewhere the
    /// analytics screen.
    func toggleAnalytics() {
        guard let screen = top, screen.kind == .dashboard else {
            openFromCommand(makeAnalyticsScreen())
            return
        }
        showDashboardTab(screen.dashboardTab == .customers ? .analytics : .customers)
    }

    func showDashboardTab(_ tab: BrowserScreen.DashboardTab) {
        guard let screen = top, screen.kind == .dashboard else { return }
        screen.showDashboardTab(tab) { AnalyticsPane(id: PaneID("dashboard.analytics"), env: env) }
        for pane in screen.panes { if let rows = viewportHints[pane.id] { pane.viewportRows = rows } }
        if terminalVisible { screen.setVisible(true) }
        changed()
    }

    func back() {
        guard let screen = top else { return }
        if screen.kind == .dashboard, screen.dashboardTab == .analytics {
            showDashboardTab(.customers)
        } else if screen.kind == .dashboard, screen.focus != 0 {
            screen.focus = 0
        } else {
            pop()
        }
    }

    func focusNext(_ step: Int) {
        guard let screen = top, !screen.panes.isEmpty else { return }
        screen.focus = (screen.focus + step + screen.panes.count) % screen.panes.count
    }

    // MARK: sort

    func sortNext() {
        guard let screen = top, let pane = screen.focused as? ListPane else { return }
        let count = pane.descriptor.columns.count
        if let s = pane.sort {
            pane.sort = s.column + 1 < count ? SortSpec(column: s.column + 1, ascending: true) : nil
        } else {
            pane.sort = SortSpec(column: 0, ascending: true)
        }
        rememberSort(screen, pane)
    }

    func sortReverse() {
        guard let screen = top, let pane = screen.focused as? ListPane else { return }
        if var s = pane.sort {
            s.ascending.toggle()
            pane.sort = s
        } else {
            pane.sort = SortSpec(column: 0, ascending: false)
        }
        rememberSort(screen, pane)
    }

    func sort(byColumn title: String, ascending: Bool?) {
        guard let screen = top, let pane = screen.focused as? ListPane else {
            toast(.warning, "Nothing to sort here")
            return
        }
        let t = title.lowercased()
        guard let index = pane.descriptor.columns.firstIndex(where: { $0.title.lowercased() == t })
                ?? pane.descriptor.columns.firstIndex(where: { $0.title.lowercased().hasPrefix(t) }) else {
            toast(.warning, "No column \"\(title)\" (columns: \(pane.descriptor.columns.map { $0.title.lowercased() }.joined(separator: ", ")))")
            return
        }
        let asc = ascending ?? (pane.sort?.column == index ? !(pane.sort?.ascending ?? false) : true)
        pane.sort = SortSpec(column: index, ascending: asc)
        rememberSort(screen, pane)
    }

    func sortKey(_ screen: BrowserScreen, _ pane: ListPane) -> String { screen.viewKey + "/" + pane.id.rawValue }

    func rememberSort(_ screen: BrowserScreen, _ pane: ListPane) {
        sortMemory[sortKey(screen, pane)] = pane.sort
    }

    func applySortMemory(_ screen: BrowserScreen) {
        for case let pane as ListPane in screen.panes {
            if let s = sortMemory[sortKey(screen, pane)] { pane.sort = s }
        }
    }

    // MARK: search

    func serverSearch(_ term: String?) {
        guard let pane = top?.focused as? ListPane else { return }
        guard pane.request.resource.supportsServerSearch else {
            toast(.warning, "\(pane.request.resource.title) cannot be searched on the server; / filters loaded rows")
            return
        }
        pane.setServerSearch(term)
    }
}
