/// The visible invoice statuses (`invoice.rb`); the sandbox never produces the invisible ones
/// (`generating`, `open`, `closed`, `deleted`).
enum InvoiceStatus: String, Sendable, CaseIterable {
    case draft, finalized, voided, failed, pending
    static let visible: [InvoiceStatus] = [.draft, .finalized, .voided, .failed, .pending]
}

enum PaymentStatus: String, Sendable, CaseIterable { case pending, succeeded, failed }

enum InvoiceType: String, Sendable, CaseIterable {
    case subscription, addOn = "add_on", credit, oneOff = "one_off", advanceCharges = "advance_charges", progressiveBilling = "progressive_billing"
}

enum SubscriptionStatus: String, Sendable, CaseIterable { case pending, active, terminated, canceled, incomplete }

enum PlanInterval: String, Sendable { case weekly, monthly, quarterly, semiannual, yearly }

enum ChargeModel: String, Sendable { case standard, graduated, package, percentage }

enum AggregationType: String, Sendable { case count = "count_agg", sum = "sum_agg", max = "max_agg", uniqueCount = "unique_count_agg" }

enum WalletStatus: String, Sendable { case active, terminated }

enum WalletTransactionStatus: String, Sendable, CaseIterable { case pending, settled, failed }
enum WalletTransactionKind: String, Sendable, CaseIterable { case purchased, granted, voided, invoiced }
enum WalletTransactionType: String, Sendable, CaseIterable { case inbound, outbound }

enum CreditNoteReason: String, Sendable, CaseIterable {
    case duplicatedCharge = "duplicated_charge", productUnsatisfactory = "product_unsatisfactory", orderChange = "order_change"
    case orderCancellation = "order_cancellation", fraudulentCharge = "fraudulent_charge", other
}
enum CreditStatus: String, Sendable, CaseIterable { case available, consumed, voided }
enum RefundStatus: String, Sendable, CaseIterable { case pending, succeeded, failed }

enum FeeType: String, Sendable, CaseIterable {
    case charge, addOn = "add_on", subscription, credit, commitment, fixedCharge = "fixed_charge", product
}
