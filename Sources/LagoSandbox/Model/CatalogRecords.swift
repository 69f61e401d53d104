/// A billing entity (`GET /billing_entities`): who issues the invoices, with its numbering prefix.
struct BillingEntityRecord: Sendable {
    var code: String
    var name: String
    var currency: SandboxCurrency
    var timezone: String
    var country: String
    var netPaymentTerm: Int
    var gracePeriod: Int
    var prefix: String
    var createdAt: Int64
    var isDefault: Bool
}

/// A tax rate; `rateHundredths` is the percentage times 100 (20% → 2000).
struct TaxRecord: Sendable {
    var code: String
    var name: String
    var rateHundredths: Int
    var description: String?
    var appliedToOrganization: Bool
    var createdAt: Int64
}

struct BillableMetricRecord: Sendable {
    var code: String
    var name: String
    var description: String?
    var aggregation: AggregationType
    var fieldName: String?
    var recurring: Bool
    /// Filter key and its allowed values (the dimension events carry).
    var filter: (key: String, values: [String])?
    var createdAt: Int64
}

/// A graduated range in micro-units of the currency (1/1,000,000 of the major unit).
struct GraduatedRange: Sendable {
    var from: Int
    var to: Int?
    var perUnitMicros: Int64
    var flatMicros: Int64
}

/// How a charge turns aggregated units into money.
enum ChargePricing: Sendable {
    case standard(unitMicros: Int64)
    case graduated([GraduatedRange])
    case package(amountMicros: Int64, size: Int, freeUnits: Int)
    /// Percentage of the summed amounts in `rateHundredths` (1.5% → 150) plus a fixed fee per event.
    case percentage(rateHundredths: Int, fixedMicros: Int64)

    var model: ChargeModel {
        switch self {
        case .standard: .standard
        case .graduated: .graduated
        case .package: .package
        case .percentage: .percentage
        }
    }
}

struct ChargeRecord: Sendable {
    var plan: Int
    var metric: Int
    var code: String
    var invoiceDisplayName: String?
    var payInAdvance: Bool
    var pricing: ChargePricing
    var createdAt: Int64
}

struct PlanRecord: Sendable {
    var code: String
    var name: String
    var description: String
    var interval: PlanInterval
    var amountCents: Int64
    var currency: SandboxCurrency
    var payInAdvance: Bool
    var trialPeriodDays: Int
    var charges: [Int]
    var tax: Int
    var minimumCommitmentCents: Int64?
    var usageThresholdCents: Int64?
    var createdAt: Int64
}

struct CouponRecord: Sendable {
    var code: String
    var name: String
    var description: String?
    var percentageRate: String?
    var amountCents: Int64?
    var currency: SandboxCurrency?
    var frequency: String
    var frequencyDuration: Int?
    var reusable: Bool
    var expirationAt: Int64?
    var terminatedAt: Int64?
    var createdAt: Int64
}

struct AddOnRecord: Sendable {
    var code: String
    var name: String
    var invoiceDisplayName: String?
    var description: String?
    var amountCents: Int64
    var currency: SandboxCurrency
    var tax: Int
    var createdAt: Int64
}
