import Foundation
import LagoAPI

/// "Ask to pay" (`$` on invoices): one payment request per customer, currency and billing
/// entity for the marked overdue invoices (or the one under the cursor). The dialog lists the
/// invoices and amounts, prefills each customer's email (editable, checked), and sends each
/// request once. Lago's refusals are said in its own terms: 403 `feature_unavailable` as a
/// plan limit, 405 codes with what they mean.
extension BrowserModel {
    /// Requests beyond this many use the customer's own email (no field), so the dialog fits.
    static let editableEmails = 4

    /// `$`: on the focused list's marks when there are any, else on the cursor's invoice.
    func askToPay(_ spec: ActionSpec) {
        guard let pane = markableList, pane.markCount > 0 else {
            recordAction(spec)
            return
        }
        let (held, missing) = pane.markedJSON()
        guard !missing.isEmpty else {
            openAskToPay(PaymentRequestPlan(invoices: held))
            return
        }
        // Marked rows whose page was evicted (or that left the list) are read back first:
        // the request needs each invoice's customer and overdue flag, not only its row.
        let ds = env.dataSource
        toast(.info, "Reading \(missing.count) marked invoice\(missing.count == 1 ? "" : "s")…")
        tracker.run { [weak self] in
            var read: [JSONValue] = []
            var unreadable: [String] = []
            for id in missing {
                if let data = try? await ds.record(.invoices, key: id, forceRefresh: false), let json = try? JSONValue.parse(data) {
                    read.append(json)
                } else {
                    unreadable.append(id)
                }
            }
            self?.openAskToPay(PaymentRequestPlan(invoices: held + read, unreadable: unreadable))
        }
    }

    /// The dialog for `plan`, or a message saying why there is nothing to ask.
    func openAskToPay(_ plan: PaymentRequestPlan) {
        guard !plan.requests.isEmpty else {
            showMessage("Nothing to ask", [StyledText("Lago takes only overdue invoices in a payment request:", role: .warning)]
                        + plan.summaryLines.dropFirst().map { StyledText($0, role: .muted) })
            return
        }
        var lines: [StyledText] = []
        if profile.environment == .live {
            lines.append(StyledText("LIVE profile \(profile.name): the customer is emailed or charged.", role: .danger))
        }
        if plan.requests.count == 1, let r = plan.requests.first {
            let n = r.invoices.count == 1 ? "1 overdue invoice" : "\(r.invoices.count) overdue invoices"
            lines.append(StyledText("Ask \(r.customerName) to pay \(n), \(r.dueText) due:"))
            let shown = r.invoices.count > 6 ? 5 : r.invoices.count
            lines += r.invoices.prefix(shown).map { StyledText("  \($0.number)  \(Format.money(cents: $0.dueCents, currency: r.currency))", role: .muted) }
            if r.invoices.count > shown { lines.append(StyledText("  … and \(r.invoices.count - shown) more", role: .muted)) }
            lines += plan.summaryLines.drop(while: { !$0.hasSuffix("skipped:") }).map { StyledText($0, role: .muted) }
        } else {
            lines += plan.summaryLines.enumerated().map { StyledText($1, role: $0 == 0 ? .normal : .muted) }
            if plan.requests.count > Self.editableEmails {
                lines.append(StyledText("Requests after the first \(Self.editableEmails) go to each customer's own email.", role: .muted))
            }
        }
        lines.append(StyledText("Lago emails the request, or charges the customer's payment provider when it has one.", role: .muted))
        let fields = plan.requests.prefix(Self.editableEmails).map { r in
            DialogState.Field(label: plan.requests.count == 1 ? "Email" : "Email for \(r.customerName) (\(r.currency))",
                              value: r.customerEmail.map(TextSanitizer.clean) ?? "",
                              placeholder: r.customerEmail == nil ? "no email on file: Lago sends none" : "the customer's email")
        }
        let button = plan.requests.count == 1 ? "Send request" : "Send \(plan.requests.count) requests"
        let title = plan.requests.count == 1 ? "Ask to pay · \(plan.requests[0].customerName)" : "Ask to pay · \(plan.requests.count) customers"
        dialog = DialogState(kind: .form, title: title, lines: lines, fields: Array(fields), buttons: ["Cancel", button],
                             focus: .field(0), dangerous: true, purpose: .askToPay(plan))
    }

    /// Send pressed: each typed email is checked, then the requests go one after the other.
    func sendPaymentRequests(_ plan: PaymentRequestPlan) {
        guard var d = dialog else { return }
        var emails: [String?] = []
        var valid = true
        for (i, request) in plan.requests.enumerated() {
            guard i < d.fields.count else { emails.append(request.customerEmail); continue }
            let typed = d.fields[i].value.trimmingCharacters(in: .whitespaces)
            if typed.isEmpty { emails.append(nil); continue }
            if let problem = EmailAddress.problem(typed) {
                d.fields[i].error = problem
                valid = false
            }
            emails.append(typed)
        }
        guard valid else { dialog = d; return }
        let key = ActionRules.key(.askToPay, plan.requests.map(\.externalCustomerId).joined(separator: ","))
        guard !inFlight.contains(key) else { return }
        inFlight.insert(key)
        d.submitting = true
        dialog = d
        let ds = env.dataSource
        let taskID = addTask(plan.requests.count == 1 ? "Payment request · \(plan.requests[0].customerName)" : "\(plan.requests.count) payment requests",
                             state: .running("sending…"))
        tracker.run { [weak self] in
            var outcomes: [PaymentRequestOutcome] = []
            var stopped: String?
            for (request, email) in zip(plan.requests, emails) {
                if let stopped {
                    outcomes.append(PaymentRequestOutcome(request: request, result: .notSent(stopped)))
                    continue
                }
                let mutation = BrowserMutation.createPaymentRequest(externalCustomerId: request.externalCustomerId,
                                                                    lagoInvoiceIds: request.invoices.map(\.id), email: email)
                do {
                    let data = try await ds.perform(mutation)
                    outcomes.append(PaymentRequestOutcome(request: request, result: .created(data.flatMap { try? JSONValue.parse($0) })))
                } catch let BrowserDataError.refused(status, code, message) {
                    outcomes.append(PaymentRequestOutcome(request: request, result: .refused(status: status, code: code, message: message)))
                    // A plan limit refuses every request alike: the others are not sent.
                    if status == 403 { stopped = "not sent: payment requests are not available on this Lago plan" }
                } catch let BrowserDataError.notSupported(message) {
                    outcomes.append(PaymentRequestOutcome(request: request, result: .refused(status: 403, code: "feature_unavailable", message: message)))
                    stopped = "not sent: payment requests are not available on this Lago plan"
                } catch let BrowserDataError.outcomeUnknown(message) {
                    outcomes.append(PaymentRequestOutcome(request: request, result: .unknown(message)))
                } catch {
                    outcomes.append(PaymentRequestOutcome(request: request, result: .failed(userMessage(for: error))))
                }
            }
            self?.finishPaymentRequests(outcomes, key: key, taskID: taskID)
        }
    }

    func finishPaymentRequests(_ outcomes: [PaymentRequestOutcome], key: String, taskID: Int) {
        inFlight.remove(key)
        let created = outcomes.filter(\.isCreated).count
        let summary = created == outcomes.count
            ? (created == 1 ? "Payment request sent" : "\(created) payment requests sent")
            : "\(created) of \(outcomes.count) payment requests sent"
        updateTask(taskID, created == outcomes.count ? .succeeded("sent") : .failed("\(created) of \(outcomes.count) sent"))
        let planLimit = outcomes.allSatisfy(\.isPlanLimit)
        if planLimit {
            showMessage("Payment requests", [
                StyledText("Payment requests are not available on this Lago plan (premium feature).", role: .warning),
                StyledText("Lago answered 403 feature_unavailable; nothing was sent.", role: .muted),
            ])
        } else {
            showMessage(summary, outcomes.flatMap(\.lines))
        }
        let asked = outcomes.filter(\.isCreated).map(\.request)
        if asked.count == outcomes.count, asked.count == 1 {
            toast(.success, "Asked \(asked[0].customerName) to pay \(asked[0].dueText)")
        } else if !planLimit {
            toast(created == outcomes.count ? .success : .warning, summary)
        }
        refreshListsOnScreen()
        changed()
    }
}

/// What happened to one payment request of a plan.
struct PaymentRequestOutcome {
    enum Result {
        /// Lago created it; its answer (amount, status, email) when it sent one.
        case created(JSONValue?)
        case refused(status: Int, code: String?, message: String)
        /// Sent, unanswered: it may exist. Never sent again.
        case unknown(String)
        /// Could not be sent or answered, and certainly not applied (network, auth, 5xx).
        case failed(String)
        /// Not sent because an earlier request met Lago's plan limit.
        case notSent(String)
    }

    var request: PaymentRequestPlan.Request
    var result: Result

    var isCreated: Bool { if case .created = result { return true } else { return false } }
    var isPlanLimit: Bool {
        switch result {
        case let .refused(status, code, _): return status == 403 && (code == nil || code == "feature_unavailable")
        case .notSent: return true
        default: return false
        }
    }

    /// The outcome in one or two lines, sanitised.
    var lines: [StyledText] {
        let who = "\(request.customerName) · \(request.dueText)"
        switch result {
        case let .created(answer):
            let amount = answer.flatMap { a in a.int64("amount_cents").map { Format.money(cents: $0, currency: a.string("amount_currency") ?? request.currency) } } ?? request.dueText
            let status = answer?.string("payment_status") ?? "pending"
            let email = answer?.string("email").map { " · to " + TextSanitizer.clean($0) } ?? ""
            return [StyledText("✓ \(request.customerName): \(amount) requested (\(TextSanitizer.clean(status)))\(email)", role: .success)]
        case let .refused(status, code, message):
            let said = PaymentRequestPlan.explanation(code: code) ?? TextSanitizer.clean(message)
            let codeText = code.map { " \(TextSanitizer.clean($0))" } ?? ""
            return [StyledText("✗ \(who): Lago refused (\(status)\(codeText))", role: .danger), StyledText("  " + said, role: .muted)]
        case let .unknown(message):
            return [StyledText("? \(who): outcome unknown, not sent again", role: .warning),
                    StyledText("  \(TextSanitizer.clean(message)); the customer's payment requests show whether it was created", role: .muted)]
        case let .failed(message):
            return [StyledText("✗ \(who): not sent", role: .danger), StyledText("  " + TextSanitizer.clean(message), role: .muted)]
        case let .notSent(reason):
            return [StyledText("– \(who): \(reason)", role: .muted)]
        }
    }
}
