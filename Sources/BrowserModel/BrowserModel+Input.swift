import Foundation

/// Key handling for the prompt, help, and the action dispatch.
extension BrowserModel {
    /// Runs an action by id (from a key, the footer, or a front-end command).
    func perform(_ action: ActionID) {
        guard let spec = registry.spec(action) else {
            toast(.warning, "\(action.rawValue) is not available" + (registry.readOnly ? " in read-only mode" : ""))
            return
        }
        if let pane = top?.focused, pane.move(action) { return }
        switch action {
        case .cursorUp, .cursorDown, .pageUp, .pageDown, .top, .bottom: return
        case .focusNext: focusNext(1)
        case .focusPrevious: focusNext(-1)
        case .drillDown: drillDown()
        case .back: back()
        case .commandLine: prompt = PromptState(kind: .command)
        case .filter:
            if let events = top?.focused as? EventsPane {
                prompt = PromptState(kind: .filter, text: events.codeFilter ?? "", cursor: events.codeFilter?.count ?? 0, previousFilter: nil)
                return
            }
            guard let pane = top?.focused as? ListPane else { return }
            let current = pane.filterText ?? ""
            prompt = PromptState(kind: .filter, text: current, cursor: current.count, previousFilter: pane.filterText)
        case .help:
            helpOpen = true
            helpScroll = 0
        case .refresh: refreshTop()
        case .quit: effects.append(.quit)
        case .dismiss: toasts.removeAll()
        case .sortNext: sortNext()
        case .sortReverse: sortReverse()
        case .detail:
            if let record = top?.focused.selectedRecord, !(top?.focused is DetailPane) { push(makeDetailScreen(record)) }
        case .rawJSON:
            if let results = top?.focused as? BulkResultPane {
                results.toggleJSON()
            } else if let detail = top?.focused as? DetailPane {
                detail.show(.raw)
            } else if let record = top?.focused.selectedRecord {
                push(makeDetailScreen(record, tab: .raw))
            }
        case .nextTab:
            if let detail = top?.focused as? DetailPane { detail.nextTab() } else { focusNext(1) }
        case .quickFilter: cycleQuickFilter()
        case .pauseUsage: (top?.focused as? UsagePane)?.togglePause()
        case .overdue: openFromCommand(makeOverdueScreen())
        case .analytics: toggleAnalytics()
        case .analyticsMonths: (top?.focused as? AnalyticsPane)?.cycleMonths()
        case .analyticsTable: (top?.focused as? AnalyticsPane)?.toggleTable()
        case .analyticsCurrency: (top?.focused as? AnalyticsPane)?.nextCurrency()
        case .subscriptionEvents: openSubscriptionEvents()
        case .followEvents: (top?.focused as? EventsPane)?.toggleFollow()
        case .diagnoseUsage: openDiagnosis()
        case .usageHistory: openUsageHistory()
        case .switchMetric: (top?.focused as? UsageHistoryPane)?.switchMetric()
        case .toggleMark, .markRange, .markAll, .clearMarks: markAction(action)
        case .askToPay: askToPay(spec)
        case .copyID, .copyLink, .openWeb, .downloadPDF, .estimateCreditNote, .finalizeInvoice, .refreshInvoice, .retryPayment, .voidInvoice, .topUpWallet:
            recordAction(spec)
        }
    }

    func refreshTop() {
        for record in pendingRechecks.values { reread(record, afterUnknownOutcome: true) }
        guard let screen = top else { return }
        if let overdue = screen.overdue {
            overdue.refresh()
        } else {
            for pane in screen.panes { pane.refresh() }
            if let group = screen.customerGroup, let id = group.externalID { group.loadBalances(id, force: true) }
        }
    }

    func cycleQuickFilter() {
        guard let screen = top, let pane = screen.focused as? ListPane, pane.request.resource == .invoices else { return }
        if let group = screen.customerGroup, pane === group.invoices {
            group.setQuickFilter(group.quickFilter.next)
        } else {
            let current = InvoiceQuickFilter.matching(pane.request) ?? .all
            let next = current.next
            pane.setRequest(next.apply(to: pane.request))
            pane.summary = BrowserModel.quickFilterLine(next)
        }
    }

    static func quickFilterLine(_ active: InvoiceQuickFilter?) -> [StyledText] {
        [StyledText(InvoiceQuickFilter.allCases.map { $0 == active ? "[\($0.title)]" : $0.title }.joined(separator: " "), role: .muted)]
    }

    // MARK: help

    func helpKey(_ key: KeyPress) {
        switch key {
        case .escape, KeyPress("?"), KeyPress("q"): helpOpen = false
        case .down, KeyPress("j"): helpScroll += 1
        case .up, KeyPress("k"): helpScroll = max(0, helpScroll - 1)
        default: break
        }
    }

    // MARK: prompt

    func promptKey(_ key: KeyPress) {
        guard var p = prompt else { return }
        switch key {
        case .escape:
            if p.kind == .filter, let pane = top?.focused as? ListPane { pane.setFilter(p.previousFilter) }
            prompt = nil
            return
        case .enter:
            prompt = nil
            if p.kind == .command {
                history.record(p.text)
                runCommandLine(p.text)
            } else {
                commitFilter(p.text)
            }
            return
        case .tab where p.kind == .command:
            if let completed = completion(for: p.text) {
                p.text = completed
                p.cursor = completed.count
            }
        case .up where p.kind == .command:
            let entries = history.entries
            guard !entries.isEmpty else { break }
            let i = max(0, (p.historyIndex ?? entries.count) - 1)
            p.historyIndex = i
            p.text = entries[i]
            p.cursor = p.text.count
        case .down where p.kind == .command:
            let entries = history.entries
            guard let current = p.historyIndex else { break }
            if current + 1 < entries.count {
                p.historyIndex = current + 1
                p.text = entries[current + 1]
            } else {
                p.historyIndex = nil
                p.text = ""
            }
            p.cursor = p.text.count
        default:
            guard p.edit(key) else { return }
            if p.kind == .filter, let pane = top?.focused as? ListPane { pane.setFilter(p.text) }
        }
        prompt = p
    }

    /// The text after accepting the history suggestion or the first completion candidate.
    func completion(for text: String) -> String? {
        if let s = history.suggestion(for: text) { return s }
        let candidates = CommandParser.completions(for: text, profiles: env.configuration.profiles)
        guard let first = candidates.first else { return nil }
        var words = text.split(separator: " ").map(String.init)
        if !text.hasSuffix(" "), !words.isEmpty { words.removeLast() }
        words.append(first)
        return words.joined(separator: " ") + (first.hasSuffix("=") ? "" : " ")
    }

    /// Enter in the filter line: keep the local filter; when rows remain on the server and
    /// the resource supports it, search the server for a plain term instead.
    func commitFilter(_ text: String) {
        if let events = top?.focused as? EventsPane {
            events.setCodeFilter(text.trimmingCharacters(in: .whitespaces))
            return
        }
        guard let pane = top?.focused as? ListPane else { return }
        let filter = RowFilter(text)
        if let filter, filter.isPlainTerm, pane.hasMore, pane.request.resource.supportsServerSearch {
            pane.setServerSearch(text)
            toast(.info, "Searching \(pane.request.resource.title) on the server for \"\(text)\"")
        } else if filter == nil, pane.request.searchTerm != nil {
            pane.setFilter(nil)
            pane.setServerSearch(nil)
        } else {
            pane.setFilter(text)
        }
    }

    // MARK: commands

    /// Runs a `:` command.
    func runCommandLine(_ text: String) {
        let parsed: BrowserCommandLine
        do {
            parsed = try CommandParser.parse(text)
        } catch {
            toast(.warning, error.message)
            return
        }
        switch parsed {
        case let .list(cmd): openList(cmd)
        case let .usage(customer, subscription): openUsage(customer: customer, subscription: subscription)
        case .overdue: openFromCommand(makeOverdueScreen())
        case .analytics: openFromCommand(makeAnalyticsScreen())
        case let .event(transactionId): openFromCommand(makeEventScreen(transactionId, known: nil))
        case let .write(path): writeBulkResults(to: path)
        case .dashboard:
            while stack.count > 1 { pop() }
            top?.focus = 0
        case let .profile(name):
            guard let name else {
                toast(.info, "Profiles: " + (env.configuration.profiles.isEmpty ? profile.name : env.configuration.profiles.joined(separator: ", ")))
                return
            }
            guard env.configuration.profiles.isEmpty || env.configuration.profiles.contains(name) else {
                toast(.warning, "No profile \"\(name)\" (profiles: \(env.configuration.profiles.joined(separator: ", ")))")
                return
            }
            effects.append(.switchProfile(name))
        case let .sort(column, ascending): sort(byColumn: column, ascending: ascending)
        case let .search(term): serverSearch(term)
        case .help:
            helpOpen = true
            helpScroll = 0
        case .quit: effects.append(.quit)
        }
    }

    func openList(_ cmd: ListCommand) {
        // One subscription's events open the events view (follow mode, properties as columns).
        if cmd.resource == .events, let sub = cmd.filters.first(where: { $0.name == "external_subscription_id" })?.values.first,
           cmd.filters.allSatisfy({ ["external_subscription_id", "code"].contains($0.name) }), cmd.search == nil {
            openFromCommand(makeEventsScreen(subscription: sub, label: sub, code: cmd.filters.first { $0.name == "code" }?.values.first))
            return
        }
        var request = ListRequest(cmd.resource, filters: cmd.filters, searchTerm: cmd.search)
        if let quick = cmd.quickFilter { request = quick.apply(to: request) }
        var title = cmd.resource.title
        if let customer = request.values(of: "external_customer_id")?.first { title += " · " + customer }
        let screen = makeListScreen(request, title: title)
        if cmd.resource == .invoices, let pane = screen.panes.first as? ListPane {
            pane.summary = BrowserModel.quickFilterLine(InvoiceQuickFilter.matching(request))
        }
        openFromCommand(screen)
        if let local = cmd.localFilter, let pane = screen.panes.first as? ListPane { pane.setFilter(local) }
    }

    func openUsage(customer: String?, subscription: String?) {
        let screen = top
        var customerID = customer
        var subID = subscription
        var label = subscription ?? ""
        if subID == nil {
            let selected = screen?.focused.selectedRecord
            if let s = selected, s.resource == .subscriptions {
                subID = s.json.string("external_id")
                customerID = s.json.string("external_customer_id")
                label = s.displayName
            } else if let group = screen?.customerGroup, let sel = group.subscriptions.selectedRecord {
                subID = sel.json.string("external_id")
                customerID = group.externalID
                label = sel.displayName
            }
        }
        if customerID == nil {
            customerID = screen?.customerGroup?.externalID
            if let sub = subID, let json = screen?.customerGroup?.subscriptions.json(forLookupKey: sub) {
                customerID = json.string("external_customer_id") ?? customerID
            }
        }
        guard let customerID, let subID else {
            toast(.warning, "Which subscription? :usage CUSTOMER SUBSCRIPTION, or select one first")
            return
        }
        openFromCommand(makeUsageScreen(UsagePane.Target(customerExternalId: customerID, subscriptionExternalId: subID, label: label.isEmpty ? subID : label),
                                        parentCrumbs: []))
    }
}
