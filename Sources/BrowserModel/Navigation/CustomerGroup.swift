import LagoAPI

/// The panes shown for one customer: subscriptions, invoices (with quick filters and the
/// customer's balances above them), live usage of the selected subscription, wallets, and the
/// payment requests sent to the customer (`$` on its overdue invoices makes one). Used
/// on the dashboard (following the customer cursor) and on a customer's own screen.
@MainActor
final class CustomerGroup {
    let subscriptions: ListPane
    let invoices: ListPane
    let usage: UsagePane
    let wallets: ListPane
    let paymentRequests: ListPane
    private(set) var customer: JSONValue?
    private(set) var quickFilter: InvoiceQuickFilter = .all
    /// The customer's gross revenue and overdue balance per currency, nil with no customer.
    private(set) var balances: CustomerBalances.State?
    let env: PaneEnvironment

    init(env: PaneEnvironment, prefix: String) {
        self.env = env
        subscriptions = ListPane(id: PaneID(prefix + "subscriptions"), env: env, request: ListRequest(.subscriptions),
                                  descriptor: .ofCustomerScoped(.subscriptions))
        invoices = ListPane(id: PaneID(prefix + "invoices"), env: env, request: ListRequest(.invoices),
                             descriptor: .ofCustomerScoped(.invoices))
        usage = UsagePane(id: PaneID(prefix + "usage"), env: env)
        wallets = ListPane(id: PaneID(prefix + "wallets"), env: env, request: ListRequest(.wallets),
                            descriptor: .ofCustomerScoped(.wallets))
        paymentRequests = ListPane(id: PaneID(prefix + "payment_requests"), env: env, request: ListRequest(.paymentRequests),
                                   title: "payment requests", descriptor: .ofCustomerScoped(.paymentRequests))
        paymentRequests.emptyMessage = "No payment requests (mark overdue invoices, then $ asks to pay)"
        invoices.extraScopes = [.invoiceList]
        subscriptions.emptyMessage = "No active or pending subscriptions"
        for pane in [subscriptions, invoices, wallets, paymentRequests] { pane.deactivate("Select a customer") }
        subscriptions.onSelectionChange = { [weak self] in self?.subscriptionChanged() }
        updateQuickFilterSummary()
    }

    var panes: [any Pane] { [subscriptions, invoices, usage, wallets, paymentRequests] }

    var customerName: String? { customer.map { ResourceDescriptor.of(.customers).displayName(of: $0) } }
    var externalID: String? { customer?.string("external_id") }

    /// Points every pane at `json`'s customer (nil: nothing selected).
    func setCustomer(_ json: JSONValue?) {
        let newID = json?.string("external_id")
        guard newID != externalID || customer == nil else { customer = json; return }
        customer = json
        guard let id = newID else {
            for pane in [subscriptions, invoices, wallets, paymentRequests] { pane.deactivate("Select a customer") }
            usage.setTarget(nil)
            balances = nil
            updateQuickFilterSummary()
            return
        }
        loadBalances(id, force: false)
        subscriptions.activate(ListRequest(.subscriptions, filters: [ListFilter("external_customer_id", id), ListFilter("status", ["active", "pending"])]))
        invoices.activate(quickFilter.apply(to: ListRequest(.invoices, filters: [ListFilter("external_customer_id", id)])))
        wallets.activate(ListRequest(.wallets, filters: [ListFilter("external_customer_id", id)]))
        paymentRequests.activate(ListRequest(.paymentRequests, filters: [ListFilter("external_customer_id", id)]))
        subscriptionChanged()
    }

    /// Switches the invoices pane's quick filter.
    func setQuickFilter(_ filter: InvoiceQuickFilter) {
        quickFilter = filter
        updateQuickFilterSummary()
        if customer != nil { invoices.setRequest(filter.apply(to: invoices.request)) }
    }

    private func updateQuickFilterSummary() {
        invoices.summary = (balances.map(CustomerBalances.summary) ?? [])
            + [StyledText(InvoiceQuickFilter.allCases.map { $0 == quickFilter ? "[\($0.title)]" : $0.title }.joined(separator: " "), role: .muted)]
    }

    /// Reads the customer's balances (both series at once, all months) and shows them above
    /// its invoices; an answer for a customer no longer selected is dropped.
    func loadBalances(_ externalID: String, force: Bool) {
        if case .loaded? = balances, !force {} else { balances = .loading }
        updateQuickFilterSummary()
        let ds = env.dataSource
        env.tracker.run { [weak self] in
            let state: CustomerBalances.State
            do {
                async let gross = ds.analytics(.grossRevenue, query: AnalyticsSeries.grossRevenue.query(months: nil, externalCustomerId: externalID), forceRefresh: force)
                async let overdue = ds.analytics(.overdueBalance, query: AnalyticsSeries.overdueBalance.query(months: nil, externalCustomerId: externalID), forceRefresh: force)
                state = .loaded(CustomerBalances(grossRevenue: try JSONValue.parse(try await gross), overdueBalance: try JSONValue.parse(try await overdue)))
            } catch BrowserDataError.notSupported {
                state = .unavailable
            } catch let BrowserDataError.refused(status, _, _) where status == 403 {
                state = .unavailable
            } catch {
                state = .failed(userMessage(for: error))
            }
            guard let self, self.externalID == externalID else { return }
            self.balances = state
            self.updateQuickFilterSummary()
            self.env.changed()
        }
    }

    /// The usage pane follows the selected subscription (active ones only: Lago has no usage
    /// for others).
    func subscriptionChanged() {
        guard let customerID = externalID, let sub = subscriptions.selectedRecord?.json,
              let subID = sub.string("external_id"), sub.string("status") == "active" else {
            usage.setTarget(nil)
            return
        }
        let label = ResourceDescriptor.of(.subscriptions).displayName(of: sub)
        usage.setTarget(UsagePane.Target(customerExternalId: customerID, subscriptionExternalId: subID, label: label == subID ? subID : "\(label) (\(subID))"))
    }
}
