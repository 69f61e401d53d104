import LagoAPI

/// The support views of a subscription: its events (`e`), why its usage is what it is (`W`)
/// and its usage history (`H`).
extension BrowserModel {
    /// The selected subscription's external id and a label for crumbs, or a toast saying why not.
    private func selectedSubscription() -> (id: String, label: String)? {
        guard let record = top?.focused.selectedRecord, record.resource == .subscriptions,
              let id = record.json.string("external_id") else {
            toast(.warning, "Select a subscription first")
            return nil
        }
        return (id, record.displayName == id ? id : "\(record.displayName) (\(id))")
    }

    /// `e`: the subscription's events, newest first (`f` follows).
    func openSubscriptionEvents() {
        guard let sub = selectedSubscription() else { return }
        push(makeEventsScreen(subscription: sub.id, label: sub.label, code: nil))
    }

    /// The events of one subscription (`e`, or `:events sub_123 [code=…]`).
    func makeEventsScreen(subscription: String, label: String, code: String?) -> BrowserScreen {
        let pane = EventsPane(id: PaneID("events"), env: env, target: EventsPane.Target(subscriptionExternalId: subscription, label: label), codeFilter: code)
        return BrowserScreen(kind: .list(.events), layout: .single, panes: [pane], parentCrumbs: top?.crumbs ?? [], viewKey: "events") { _ in
            [subscription, "events"]
        }
    }

    /// `H`: past periods as a chart, lifetime usage towards the next threshold.
    func openUsageHistory() {
        guard let sub = selectedSubscription(),
              let customer = top?.focused.selectedRecord?.json.string("external_customer_id") ?? top?.customerGroup?.externalID else { return }
        let pane = UsageHistoryPane(id: PaneID("usage-history"), env: env,
                                    target: UsagePane.Target(customerExternalId: customer, subscriptionExternalId: sub.id, label: sub.label))
        push(BrowserScreen(kind: .usage, layout: .single, panes: [pane], parentCrumbs: top?.crumbs ?? [], viewKey: "usage-history") { _ in
            [sub.id, "usage history"]
        })
    }

    /// One event explained (Enter on an event, `:event TXN_ID`).
    func makeEventScreen(_ transactionId: String, known: JSONValue?) -> BrowserScreen {
        let pane = EventDetailPane(id: PaneID("event"), env: env, transactionId: transactionId, known: known)
        return BrowserScreen(kind: .detail, layout: .single, panes: [pane], parentCrumbs: top?.crumbs ?? [], viewKey: "event") { _ in ["event " + pane.title] }
    }

    /// `W`: the diagnosis of the subscription's usage.
    func openDiagnosis() {
        guard let sub = selectedSubscription() else { return }
        let pane = DiagnosisPane(id: PaneID("diagnosis"), env: env, subscriptionExternalId: sub.id, label: sub.label)
        push(BrowserScreen(kind: .usage, layout: .single, panes: [pane], parentCrumbs: top?.crumbs ?? [], viewKey: "diagnosis") { _ in
            [sub.id, "why?"]
        })
    }
}
