import Foundation
import LagoAPI

/// Record actions: availability, confirmation, running them once, and showing the outcome.
extension BrowserModel {
    var actionContext: ActionContext {
        let record = top?.focused.selectedRecord
        return ActionContext(record: record, environment: profile.environment, inFlight: inFlight, rechecking: rechecking,
                             hasWebApp: record.flatMap { linkToOpen(for: $0) } != nil)
    }

    /// Availability of `action` for the focused record, with the reason when disabled.
    public func availability(of action: ActionID) -> Availability {
        guard registry.spec(action) != nil else { return .disabled("not available in read-only mode") }
        if let (bulk, pane) = bulkTarget(action) { return bulkAvailability(bulk, pane) }
        if action == .askToPay, let pane = markableList, pane.markCount > 0 { return .enabled }
        return ActionRules.availability(action, actionContext)
    }

    /// Runs the record action deferred by ``recordAction(_:)`` once its row's record is there;
    /// drops it when the cursor has moved to another row or the pane is gone.
    func runDeferredRecordAction() {
        guard let (spec, rowID) = deferredRecordAction else { return }
        guard let list = top?.focused as? ListPane, list.selectedID == rowID else {
            deferredRecordAction = nil
            return
        }
        guard list.selectedRecord != nil else { return }
        deferredRecordAction = nil
        recordAction(spec)
    }

    func recordAction(_ spec: ActionSpec) {
        if let (bulk, pane) = bulkTarget(spec.id) {
            if case let .disabled(reason) = bulkAvailability(bulk, pane) {
                toast(.warning, "Cannot \(spec.title): \(reason)")
            } else {
                confirmBulk(bulk, pane)
            }
            return
        }
        let ctx = actionContext
        guard let record = ctx.record else {
            if let list = top?.focused as? ListPane, let rowID = list.selectedID {
                deferredRecordAction = (spec, rowID)
                return
            }
            toast(.warning, "Nothing selected")
            return
        }
        deferredRecordAction = nil
        if case let .disabled(reason) = ActionRules.availability(spec.id, ctx) {
            toast(.warning, "Cannot \(spec.title): \(reason)")
            return
        }
        switch spec.id {
        case .copyID:
            effects.append(.copyToClipboard(record.id))
            toast(.success, "Copied \(record.id)")
        case .copyLink: copyLink(record)
        case .openWeb:
            if let url = linkToOpen(for: record) { effects.append(.openURL(url)) }
        case .downloadPDF: startDownload(record)
        case .estimateCreditNote: estimateCreditNote(record)
        case .askToPay: openAskToPay(PaymentRequestPlan(invoices: [record.json]))
        case .topUpWallet: openTopUp(record)
        case .finalizeInvoice, .refreshInvoice, .retryPayment, .voidInvoice: confirmInvoiceAction(spec.id, record)
        default: break
        }
    }

    /// What `o` opens: the link `L` just copied for this record, else its page in Lago's web app.
    func linkToOpen(for record: SelectedRecord) -> URL? {
        if let lastLink, lastLink.recordID == record.id { return lastLink.url }
        return webURL(for: record)
    }

    /// The record's page in Lago's web app (its catalogue row's `webPath`).
    func webURL(for record: SelectedRecord) -> URL? {
        guard let base = profile.webAppURL, let path = record.resource.entry.webPath(reading: record.json.string) else { return nil }
        return base.appendingPathComponent(path)
    }

    // MARK: invoice actions

    nonisolated static func customerName(of invoice: JSONValue) -> String {
        for p in ["customer.name", "customer.legal_name", "customer.external_id", "external_customer_id"] {
            if let v = invoice.string(p), !v.isEmpty { return TextSanitizer.clean(v) }
        }
        return "unknown customer"
    }

    static func amount(_ json: JSONValue, _ key: String) -> String {
        guard let c = json.int64(key) else { return "amount unknown" }
        return Format.money(cents: c, currency: json.string("currency") ?? "")
    }

    func confirmInvoiceAction(_ action: ActionID, _ record: SelectedRecord) {
        let j = record.json
        let number = record.displayName
        let customer = BrowserModel.customerName(of: j)
        let total = BrowserModel.amount(j, "total_amount_cents")
        var lines: [StyledText] = []
        var pending: PendingAction
        var title: String
        var button: String
        switch action {
        case .finalizeInvoice:
            title = "Finalize invoice"
            button = "Finalize"
            lines = [StyledText("Finalize draft \(number) for \(customer), \(total)?"),
                     StyledText("Its number becomes final and it is sent for payment. This cannot be undone.", role: .muted)]
            pending = PendingAction(action: action, record: record, mutation: .finalizeInvoice(lagoId: record.id), doneText: "Finalized \(number)", verbText: "finalize \(number)", runningText: "Finalizing \(number)")
        case .refreshInvoice:
            title = "Refresh draft invoice"
            button = "Refresh"
            lines = [StyledText("Refresh draft \(number) for \(customer), \(total)?"),
                     StyledText("Fees and usage are recomputed; the amount may change.", role: .muted)]
            pending = PendingAction(action: action, record: record, mutation: .refreshInvoice(lagoId: record.id), doneText: "Refreshed \(number)", verbText: "refresh \(number)", runningText: "Refreshing \(number)")
        case .retryPayment:
            title = "Retry payment"
            button = "Retry payment"
            let due = BrowserModel.amount(j, "total_due_amount_cents")
            lines = [StyledText("Retry payment of \(due) for \(number) (\(customer))?"),
                     StyledText("The customer's payment provider is asked to collect the amount due again.", role: .muted)]
            pending = PendingAction(action: action, record: record, mutation: .retryInvoicePayment(lagoId: record.id), doneText: "Payment retry requested for \(number)", verbText: "retry payment of \(number)", runningText: "Retrying payment of \(number)")
        case .voidInvoice:
            title = "Void invoice"
            button = "Void"
            lines = [StyledText("Void \(number) for \(customer), \(total)?"),
                     StyledText("Voiding is irreversible; coupons and credits are given back.", role: .warning)]
            pending = PendingAction(action: action, record: record, mutation: .voidInvoice(lagoId: record.id), doneText: "Voided \(number)", verbText: "void \(number)", runningText: "Voiding \(number)")
            if profile.environment == .live {
                pending.requiredText = number
            }
        default: return
        }
        if profile.environment == .live {
            lines.insert(StyledText("LIVE profile \(profile.name): this changes real billing data.", role: .danger), at: 0)
        }
        var d = DialogState(kind: .confirm, title: title, lines: lines, buttons: ["Cancel", button], focus: .button(0), dangerous: true, purpose: .confirm(pending))
        if let required = pending.requiredText {
            d.fields = [DialogState.Field(label: "Type \(required) to confirm (live profile)", placeholder: required)]
        }
        dialog = d
    }

    // MARK: wallet top-up

    func openTopUp(_ record: SelectedRecord) {
        let j = record.json
        let form = TopUpForm(record: record, currency: j.string("currency") ?? "", rate: j.decimal("rate_amount") ?? 1,
                             minCents: j.int64("paid_top_up_min_amount_cents"), maxCents: j.int64("paid_top_up_max_amount_cents"))
        var lines = [StyledText("Top up wallet \(record.displayName) of \(TextSanitizer.clean(j.string("external_customer_id") ?? "customer"))"),
                     StyledText("1 credit = \(Format.money(cents: MoneyText.cents(fromMajor: form.rate, currencyCode: form.currency), currency: form.currency))", role: .muted)]
        if form.minCents != nil || form.maxCents != nil {
            let min = form.minCents.map { "min " + Format.money(cents: $0, currency: form.currency) }
            let max = form.maxCents.map { "max " + Format.money(cents: $0, currency: form.currency) }
            lines.append(StyledText("Paid top-up limits: " + [min, max].compactMap { $0 }.joined(separator: ", "), role: .muted))
        }
        dialog = DialogState(kind: .form, title: "Top up wallet", lines: lines,
                             fields: [DialogState.Field(label: "Paid credits (invoiced)", placeholder: "0"),
                                      DialogState.Field(label: "Granted credits (free)", placeholder: "0")],
                             buttons: ["Cancel", "Review"], focus: .field(0), dangerous: true, purpose: .topUp(form))
    }

    func reviewTopUp(_ form: TopUpForm) {
        guard var d = dialog else { return }
        let result = TopUpValidation.validate(paid: d.fields[0].value, granted: d.fields[1].value, form: form)
        d.fields[0].error = result.paidError
        d.fields[1].error = result.grantedError
        d.error = result.formError
        guard result.isValid else { dialog = d; return }
        let cur = form.currency
        var parts: [String] = []
        if let p = result.paid, p > 0 {
            parts.append("\(Format.decimal("\(p)")) paid credits (\(Format.money(cents: MoneyText.cents(fromMajor: p * form.rate, currencyCode: cur), currency: cur)), invoiced)")
        }
        if let g = result.granted, g > 0 {
            parts.append("\(Format.decimal("\(g)")) granted credits (\(Format.money(cents: MoneyText.cents(fromMajor: g * form.rate, currencyCode: cur), currency: cur)), free)")
        }
        let name = form.record.displayName
        let customer = TextSanitizer.clean(form.record.json.string("external_customer_id") ?? "customer")
        let pending = PendingAction(action: .topUpWallet, record: form.record,
                                    mutation: .topUpWallet(walletId: form.record.id, paidCredits: (result.paid ?? 0) > 0 ? result.paid : nil,
                                                           grantedCredits: (result.granted ?? 0) > 0 ? result.granted : nil),
                                    doneText: "Topped up wallet \(name)", verbText: "top up wallet \(name)", runningText: "Topping up wallet \(name)")
        var lines = [StyledText("Top up wallet \(name) of \(customer) with " + parts.joined(separator: " and ") + "?")]
        if profile.environment == .live {
            lines.insert(StyledText("LIVE profile \(profile.name): this changes real billing data.", role: .danger), at: 0)
        }
        dialog = DialogState(kind: .confirm, title: "Top up wallet",
                             lines: lines,
                             buttons: ["Cancel", "Top up"], focus: .button(0), dangerous: true, purpose: .confirm(pending))
    }

    // MARK: dialog keys

    func dialogKey(_ key: KeyPress) {
        guard var d = dialog else { return }
        if d.submitting { return }  // no double submit, no cancel mid-flight
        if case .bulkProgress = d.purpose {
            bulkProgressKey(key)
            return
        }
        switch key {
        case .escape:
            dialog = nil
            return
        case .tab, .down: d.moveFocus(1)
        case .backTab, .up: d.moveFocus(-1)
        case .left, .right:
            if case let .button(b) = d.focus {
                d.focus = .button((b + (key == .left ? -1 : 1) + d.buttons.count) % d.buttons.count)
            }
        case .enter:
            switch d.focus {
            case .field: d.moveFocus(1)
            case let .button(b):
                if case .message = d.purpose { dialog = nil; return }
                if b == 0 { dialog = nil; return }
                dialog = d
                activate(d)
                return
            }
        default:
            if case let .field(f) = d.focus {
                var value = d.fields[f].value
                if key == .backspace { if !value.isEmpty { value.removeLast() } }
                else if let c = key.character { value.append(c) }
                d.fields[f].value = value
                d.fields[f].error = nil
                d.error = nil
                if case let .topUp(form) = d.purpose { d.fields[f].hint = TopUpValidation.moneyHint(value, form: form) }
                if case let .estimate(form) = d.purpose {
                    // The figures shown were for other amounts: say so rather than leave them.
                    d.lines = form.lines(estimate: [StyledText("Amounts changed: Estimate shows what a credit note for them would be", role: .muted)])
                }
            }
        }
        dialog = d
    }

    /// The non-Cancel button was pressed.
    func activate(_ d: DialogState) {
        switch d.purpose {
        case .message, .bulkProgress: dialog = nil
        case let .bulk(plan, required):
            if let required, d.fields.first?.value != required {
                var e = d
                e.error = "Type \(required) exactly to confirm"
                dialog = e
                return
            }
            dialog = nil
            startBulk(plan)
        case let .topUp(form): reviewTopUp(form)
        case let .estimate(form): runEstimate(form)
        case let .askToPay(plan): sendPaymentRequests(plan)
        case let .confirm(pending):
            if let required = pending.requiredText, d.fields.first?.value != required {
                var e = d
                e.error = "Type \(required) exactly to confirm"
                dialog = e
                return
            }
            submit(pending)
        }
    }

    // MARK: running

    /// What to say once an action succeeded. A finalized draft gets its final number from
    /// Lago, so the message names it: that is the number the customer will see.
    static func doneText(_ pending: PendingAction, answer: JSONValue?) -> String {
        guard case .finalizeInvoice = pending.mutation, let number = answer?.string("number"),
              number != pending.record.displayName else { return pending.doneText }
        return pending.doneText + " as " + TextSanitizer.clean(number)
    }

    func submit(_ pending: PendingAction) {
        let key = ActionRules.key(pending.action, pending.record.id)
        guard !inFlight.contains(key) else { return }
        inFlight.insert(key)
        dialog?.submitting = true
        let ds = env.dataSource
        let taskID = addTask(pending.runningText, state: .running("sending…"))
        tracker.run { [weak self] in
            let outcome: Result<Data?, any Error>
            do { outcome = .success(try await ds.perform(pending.mutation)) } catch { outcome = .failure(error) }
            guard let self else { return }
            self.inFlight.remove(key)
            self.dialog = nil
            switch outcome {
            case let .success(data):
                let answer = data.flatMap { try? JSONValue.parse($0) }
                let doneText = Self.doneText(pending, answer: answer)
                self.updateTask(taskID, .succeeded(doneText))
                self.toast(.success, doneText)
                if let json = answer, json["lago_id"] != nil, pending.record.resource == .invoices {
                    self.replaceEverywhere(pending.record.id, json)
                }
                self.reread(pending.record, afterUnknownOutcome: false)
            case let .failure(error):
                let message = userMessage(for: error)
                self.updateTask(taskID, .failed(message))
                if case .outcomeUnknown? = error as? BrowserDataError {
                    self.rechecking.insert(pending.record.id)
                    self.showMessage("Outcome unknown", [
                        StyledText("The request to \(pending.verbText) may or may not have been applied.", role: .warning),
                        StyledText(message, role: .muted),
                        StyledText("Re-reading the \(pending.record.resource.singular) before the action is offered again.", role: .muted),
                    ])
                    self.reread(pending.record, afterUnknownOutcome: true)
                } else if case .refused? = error as? BrowserDataError {
                    self.showMessage("Lago refused", [StyledText("Could not \(pending.verbText):", role: .danger), StyledText(message)])
                    self.reread(pending.record, afterUnknownOutcome: false)
                } else {
                    self.showMessage("Request failed", [StyledText("Could not \(pending.verbText); nothing was changed:", role: .danger), StyledText(message)])
                }
            }
            self.changed()
        }
    }

    func showMessage(_ title: String, _ lines: [StyledText]) {
        dialog = DialogState(kind: .message, title: title, lines: lines, buttons: ["OK"], focus: .button(0), dangerous: false, purpose: .message)
    }

    /// Re-reads a record after an action, updates it everywhere, and refreshes the lists on
    /// screen. After an unknown outcome, the record's actions stay disabled until this ends.
    func reread(_ record: SelectedRecord, afterUnknownOutcome: Bool) {
        let ds = env.dataSource
        guard let key = record.resource.lookupKey(of: record.json) else { rechecking.remove(record.id); return }
        tracker.run { [weak self] in
            let data = try? await ds.record(record.resource, key: key, forceRefresh: true)
            guard let self else { return }
            if let data, let json = try? JSONValue.parse(data) {
                self.replaceEverywhere(record.id, json)
            }
            if afterUnknownOutcome {
                if data == nil {
                    // Still unknown: keep its actions disabled until a re-read succeeds.
                    self.pendingRechecks[record.id] = record
                    self.toast(.warning, "Could not re-read \(record.displayName); its actions stay disabled until it is re-read (retrying by itself, ctrl-r now)")
                    self.recovery.failed()
                } else {
                    self.rechecking.remove(record.id)
                    self.pendingRechecks[record.id] = nil
                    self.loadSucceeded()
                }
            }
            self.refreshListsOnScreen()
            self.changed()
        }
    }

    func replaceEverywhere(_ id: String, _ json: JSONValue) {
        for screen in stack { for pane in screen.panes { pane.replace(recordID: id, with: json) } }
    }

    func refreshListsOnScreen() {
        guard let screen = top else { return }
        for case let pane as ListPane in screen.panes { pane.refresh() }
        screen.overdue?.loadTotals()
        if stack.count > 1 {
            for case let pane as ListPane in stack[stack.count - 2].panes { pane.refresh() }
        }
    }

    // MARK: tasks and downloads

    func addTask(_ title: String, state: TaskSnapshot.State) -> Int {
        let id = nextTaskID
        nextTaskID += 1
        tasks.append(TaskSnapshot(id: id, title: TextSanitizer.clean(title), state: state, fraction: nil))
        if tasks.count > 8 { tasks.removeFirst(tasks.count - 8) }
        return id
    }

    func updateTask(_ id: Int, _ state: TaskSnapshot.State, fraction: Double? = nil) {
        guard let i = tasks.firstIndex(where: { $0.id == id }) else { return }
        if case .running = tasks[i].state {} else { return }  // late progress never overwrites a result
        tasks[i].state = state
        tasks[i].fraction = fraction
        changed()
    }

    /// Downloads an invoice PDF in the background, showing progress, then the saved path.
    func startDownload(_ record: SelectedRecord) {
        let key = ActionRules.key(.downloadPDF, record.id)
        guard !inFlight.contains(key) else { return }
        inFlight.insert(key)
        let number = record.displayName
        let safeName = BulkAction.pdfFileName(number)
        let directory = env.configuration.resolvedDownloadDirectory()
        let ds = env.dataSource
        let taskID = addTask("PDF \(number)", state: .running("requesting…"))
        let progress: @Sendable (DownloadProgress) -> Void = { [weak self] p in
            Task { @MainActor in
                switch p {
                case .requesting: self?.updateTask(taskID, .running("requesting…"))
                case let .waitingForGeneration(attempt): self?.updateTask(taskID, .running("waiting for Lago to generate it (\(attempt))"))
                case let .downloading(fraction): self?.updateTask(taskID, .running("downloading"), fraction: fraction)
                }
            }
        }
        tracker.run { [weak self] in
            do {
                let url = try await ds.downloadInvoicePDF(lagoId: record.id, fileName: safeName, directory: directory, progress: progress)
                guard let self else { return }
                self.inFlight.remove(key)
                self.updateTask(taskID, .succeeded("saved to \(url.path)"), fraction: 1)
                self.toast(.success, "\(number) PDF saved to \(url.path)")
            } catch {
                guard let self else { return }
                self.inFlight.remove(key)
                self.updateTask(taskID, .failed(userMessage(for: error)))
                self.toast(.error, "PDF of \(number) failed: \(userMessage(for: error))")
            }
        }
    }
}
