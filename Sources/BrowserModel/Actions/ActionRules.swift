import Foundation

/// Facts an `enabled` rule looks at.
struct ActionContext {
    var record: SelectedRecord?
    var environment: EnvironmentKind
    /// Keys "action:recordID" currently running.
    var inFlight: Set<String>
    /// Record ids whose last action had an unknown outcome and are being re-read.
    var rechecking: Set<String>
    var hasWebApp: Bool
}

/// Lago's preconditions for each record action (LAGO-WEB-UI.md §3 and §5, BEHAVIOUR.md §4),
/// each with the reason shown when it does not hold.
enum ActionRules {
    static func availability(_ action: ActionID, _ ctx: ActionContext) -> Availability {
        guard let record = ctx.record else {
            return needsRecord(action) ? .disabled("nothing selected") : .enabled
        }
        if ctx.rechecking.contains(record.id), isMutating(action) {
            return .disabled("last action's outcome is unknown; re-reading the \(record.resource.singular)")
        }
        if ctx.inFlight.contains(key(action, record.id)) {
            return .disabled("already in progress")
        }
        let json = record.json
        let status = json.string("status") ?? ""
        switch action {
        case .finalizeInvoice, .refreshInvoice, .retryPayment, .downloadPDF, .voidInvoice:
            guard record.resource == .invoices else { return .disabled(notAnInvoice(action)) }
            return invoiceAvailability(action, InvoiceFacts(json))
        case .askToPay:
            guard record.resource == .invoices else { return .disabled("only invoices can be asked to be paid") }
            return PaymentRequestPlan.ineligibility(json).map { .disabled("Lago asks only for overdue invoices: this one is \($0)") } ?? .enabled
        case .estimateCreditNote:
            guard record.resource == .invoices else { return .disabled("only invoices can be credited") }
            return status == "finalized" ? .enabled : .disabled("only finalized invoices can be credited")
        case .topUpWallet:
            guard record.resource == .wallets else { return .disabled("only wallets can be topped up") }
            return status == "active" ? .enabled : .disabled("only active wallets can be topped up")
        case .diagnoseUsage:
            guard record.resource == .subscriptions else { return .disabled("only subscriptions have usage to explain") }
            return status == "active" ? .enabled : .disabled("only active subscriptions have current usage")
        case .usageHistory:
            guard record.resource == .subscriptions else { return .disabled("only subscriptions have usage") }
            return status == "active" ? .enabled : .disabled("only active subscriptions have current usage")
        case .subscriptionEvents:
            return record.resource == .subscriptions ? .enabled : .disabled("only subscriptions have events")
        case .openWeb:
            return ctx.hasWebApp ? .enabled : .disabled("no Lago web app address for this profile")
        case .copyLink:
            return [.invoices, .customers].contains(record.resource) ? .enabled : .disabled("only invoices (payment URL) and customers (portal URL) have links")
        default:
            return .enabled
        }
    }

    /// Lago's rule for an invoice action on one invoice (single and bulk actions alike).
    static func invoiceAvailability(_ action: ActionID, _ f: InvoiceFacts) -> Availability {
        switch action {
        case .finalizeInvoice:
            return f.status == .draft ? .enabled : .disabled("only draft invoices can be finalized")
        case .refreshInvoice:
            return f.status == .draft ? .enabled : .disabled("only draft invoices can be refreshed")
        case .retryPayment:
            guard f.status == .finalized else { return .disabled("only finalized invoices can be retried") }
            if f.paymentStatus == .succeeded { return .disabled("payment already succeeded") }
            return [.failed, .pending].contains(f.paymentStatus) ? .enabled : .disabled("payment must be failed or pending")
        case .downloadPDF:
            guard f.status == .finalized else { return .disabled("only finalized invoices have a PDF") }
            return f.taxPending ? .disabled("taxes are still pending") : .enabled
        case .voidInvoice:
            return f.status == .finalized ? .enabled : .disabled("only finalized invoices can be voided")
        default:
            return .enabled
        }
    }

    private static func notAnInvoice(_ action: ActionID) -> String {
        switch action {
        case .finalizeInvoice: return "only invoices can be finalized"
        case .refreshInvoice: return "only invoices can be refreshed"
        case .retryPayment: return "only invoices have payments to retry"
        case .downloadPDF: return "only invoices have a PDF"
        default: return "only invoices can be voided"
        }
    }

    static func needsRecord(_ action: ActionID) -> Bool {
        switch action {
        case .copyID, .copyLink, .openWeb, .downloadPDF, .estimateCreditNote, .detail, .rawJSON, .drillDown, .diagnoseUsage, .subscriptionEvents, .usageHistory: return true
        default: return isMutating(action)
        }
    }

    /// Actions that change data in Lago (all confirmed, all removed in read-only mode).
    static func isMutating(_ action: ActionID) -> Bool {
        [.finalizeInvoice, .refreshInvoice, .retryPayment, .voidInvoice, .topUpWallet, .askToPay].contains(action)
    }

    static func key(_ action: ActionID, _ recordID: String) -> String { action.rawValue + ":" + recordID }
}
