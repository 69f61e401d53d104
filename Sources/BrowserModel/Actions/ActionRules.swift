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
        let payment = json.string("payment_status") ?? ""
        switch action {
        case .finalizeInvoice:
            guard record.resource == .invoices else { return .disabled("only invoices can be finalized") }
            return status == "draft" ? .enabled : .disabled("only draft invoices can be finalized")
        case .refreshInvoice:
            guard record.resource == .invoices else { return .disabled("only invoices can be refreshed") }
            return status == "draft" ? .enabled : .disabled("only draft invoices can be refreshed")
        case .retryPayment:
            guard record.resource == .invoices else { return .disabled("only invoices have payments to retry") }
            guard status == "finalized" else { return .disabled("only finalized invoices can be retried") }
            if payment == "succeeded" { return .disabled("payment already succeeded") }
            return ["failed", "pending"].contains(payment) ? .enabled : .disabled("payment must be failed or pending")
        case .downloadPDF:
            guard record.resource == .invoices else { return .disabled("only invoices have a PDF") }
            guard status == "finalized" else { return .disabled("only finalized invoices have a PDF") }
            if json.string("tax_status") == "pending" { return .disabled("taxes are still pending") }
            return .enabled
        case .voidInvoice:
            guard record.resource == .invoices else { return .disabled("only invoices can be voided") }
            return status == "finalized" ? .enabled : .disabled("only finalized invoices can be voided")
        case .estimateCreditNote:
            guard record.resource == .invoices else { return .disabled("only invoices can be credited") }
            return status == "finalized" ? .enabled : .disabled("only finalized invoices can be credited")
        case .topUpWallet:
            guard record.resource == .wallets else { return .disabled("only wallets can be topped up") }
            return status == "active" ? .enabled : .disabled("only active wallets can be topped up")
        case .openWeb:
            return ctx.hasWebApp ? .enabled : .disabled("no Lago web app address for this profile")
        default:
            return .enabled
        }
    }

    static func needsRecord(_ action: ActionID) -> Bool {
        switch action {
        case .copyID, .openWeb, .downloadPDF, .estimateCreditNote, .detail, .rawJSON, .drillDown: return true
        default: return isMutating(action)
        }
    }

    /// Actions that change data in Lago (all confirmed, all removed in read-only mode).
    static func isMutating(_ action: ActionID) -> Bool {
        [.finalizeInvoice, .refreshInvoice, .retryPayment, .voidInvoice, .topUpWallet].contains(action)
    }

    static func key(_ action: ActionID, _ recordID: String) -> String { action.rawValue + ":" + recordID }
}
