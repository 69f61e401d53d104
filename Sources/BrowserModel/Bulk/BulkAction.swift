import Foundation

/// The invoice actions that run on many marked invoices at once. Each is one of the single
/// actions (same registry entry, key and Lago rule); voiding stays single on purpose.
public enum BulkAction: String, CaseIterable, Sendable {
    case retryPayment = "retry-payment"
    case finalize
    case refresh
    case download

    /// The actions that change what a customer owes or is asked to pay (a marked row that
    /// none of them applies to shows as skipped).
    static let collecting: [BulkAction] = [.retryPayment, .finalize, .refresh]

    /// The single action this runs for each invoice.
    public var actionID: ActionID {
        switch self {
        case .retryPayment: return .retryPayment
        case .finalize: return .finalizeInvoice
        case .refresh: return .refreshInvoice
        case .download: return .downloadPDF
        }
    }

    public init?(_ action: ActionID) {
        guard let match = Self.allCases.first(where: { $0.actionID == action }) else { return nil }
        self = match
    }

    /// Whether Lago would take this action for an invoice, and why not (the single action's rule).
    public func availability(_ facts: InvoiceFacts) -> Availability {
        ActionRules.invoiceAvailability(actionID, facts)
    }

    /// The request for one invoice (downloads are not mutations: see `BulkRunner`).
    public func mutation(lagoId: String) -> BrowserMutation? {
        switch self {
        case .retryPayment: return .retryInvoicePayment(lagoId: lagoId)
        case .finalize: return .finalizeInvoice(lagoId: lagoId)
        case .refresh: return .refreshInvoice(lagoId: lagoId)
        case .download: return nil
        }
    }

    /// "retry payment", "finalize"… as the registry titles them.
    public var title: String {
        switch self {
        case .retryPayment: return "retry payment"
        case .finalize: return "finalize"
        case .refresh: return "refresh draft"
        case .download: return "download PDF"
        }
    }

    /// True for actions that change billing data (typed count on a live profile).
    public var mutates: Bool { self != .download }
}
