extension SandboxStore {
    /// Exchange factor from a USD price to each currency's major unit (rounded, not live rates).
    static func priceFactor(_ currency: SandboxCurrency) -> Double {
        switch currency {
        case .usd: 1
        case .eur: 0.92
        case .gbp: 0.79
        case .jpy: 150
        }
    }

    /// USD micros converted to `currency` micros.
    static func micros(_ usdMicros: Int64, _ currency: SandboxCurrency) -> Int64 {
        Int64((Double(usdMicros) * priceFactor(currency)).rounded())
    }

    /// USD cents converted to `currency`'s minor units, rounded to a tidy figure.
    static func cents(_ usdCents: Int64, _ currency: SandboxCurrency) -> Int64 {
        let major = Double(usdCents) / 100 * priceFactor(currency)
        return currency.minorUnits == 0 ? Int64(major.rounded()) : Int64((major * 100).rounded())
    }

    mutating func seedCatalog() {
        let epoch = generatedAt - 4 * 365 * CivilTime.secondsPerDay
        billingEntities = [
            BillingEntityRecord(code: "acme_us", name: "Acme Cloud Inc.", currency: .usd, timezone: "America/New_York", country: "US",
                                netPaymentTerm: 30, gracePeriod: 3, prefix: "ACU", createdAt: epoch, isDefault: true),
            BillingEntityRecord(code: "acme_eu", name: "Acme Cloud Europe SAS", currency: .eur, timezone: "Europe/Paris", country: "FR",
                                netPaymentTerm: 14, gracePeriod: 2, prefix: "ACE", createdAt: epoch + 3600, isDefault: false),
            BillingEntityRecord(code: "acme_jp", name: "アクメクラウド株式会社", currency: .jpy, timezone: "Asia/Tokyo", country: "JP",
                                netPaymentTerm: 30, gracePeriod: 0, prefix: "ACJ", createdAt: epoch + 7200, isDefault: false),
        ]
        taxes = [
            TaxRecord(code: "us_ny_sales", name: "NY sales tax", rateHundredths: 888, description: "New York State and City", appliedToOrganization: false, createdAt: epoch),
            TaxRecord(code: "vat_fr", name: "TVA", rateHundredths: 2000, description: "Taxe sur la valeur ajoutée", appliedToOrganization: true, createdAt: epoch + 60),
            TaxRecord(code: "vat_uk", name: "UK VAT", rateHundredths: 2000, description: nil, appliedToOrganization: false, createdAt: epoch + 120),
            TaxRecord(code: "jp_ct", name: "消費税", rateHundredths: 1000, description: "Japanese consumption tax", appliedToOrganization: false, createdAt: epoch + 180),
            TaxRecord(code: "exempt", name: "Tax exempt", rateHundredths: 0, description: "Reverse charge", appliedToOrganization: false, createdAt: epoch + 240),
        ]
        metrics = [
            BillableMetricRecord(code: "api_calls", name: "API calls", description: "Requests to the public API", aggregation: .count, fieldName: nil, recurring: false, filter: nil, createdAt: epoch + 1000),
            BillableMetricRecord(code: "storage_gb", name: "Storage", description: "Gigabytes stored", aggregation: .sum, fieldName: "gb", recurring: false, filter: nil, createdAt: epoch + 1100),
            BillableMetricRecord(code: "active_seats", name: "Active seats", description: nil, aggregation: .uniqueCount, fieldName: "user_id", recurring: false, filter: nil, createdAt: epoch + 1200),
            BillableMetricRecord(code: "peak_vcpu", name: "Peak vCPU", description: "Highest concurrent vCPU", aggregation: .max, fieldName: "vcpu", recurring: false, filter: nil, createdAt: epoch + 1300),
            BillableMetricRecord(code: "compute_hours", name: "compute hours", description: "Instance hours by region", aggregation: .sum, fieldName: "hours", recurring: false,
                                 filter: (key: "region", values: ["us-east-1", "eu-west-1", "ap-northeast-1"]), createdAt: epoch + 1400),
            BillableMetricRecord(code: "payment_volume", name: "Payment volume", description: "Amount processed", aggregation: .sum, fieldName: "amount", recurring: false, filter: nil, createdAt: epoch + 1500),
        ]
        coupons = [
            CouponRecord(code: "welcome10", name: "Welcome 10%", description: "First invoice discount", percentageRate: "10.0", amountCents: nil, currency: nil,
                         frequency: "once", frequencyDuration: nil, reusable: false, expirationAt: nil, terminatedAt: nil, createdAt: epoch + 2000),
            CouponRecord(code: "loyalty_50", name: "Loyalty $50", description: nil, percentageRate: nil, amountCents: 5000, currency: .usd,
                         frequency: "recurring", frequencyDuration: 6, reusable: true, expirationAt: nil, terminatedAt: nil, createdAt: epoch + 2100),
            CouponRecord(code: "forever_20", name: "Partner 20%", description: "Partner programme", percentageRate: "20.0", amountCents: nil, currency: nil,
                         frequency: "forever", frequencyDuration: nil, reusable: true, expirationAt: nil, terminatedAt: nil, createdAt: epoch + 2200),
            CouponRecord(code: "black_friday", name: "Black Friday €30", description: nil, percentageRate: nil, amountCents: 3000, currency: .eur,
                         frequency: "once", frequencyDuration: nil, reusable: false, expirationAt: generatedAt + 30 * CivilTime.secondsPerDay, terminatedAt: nil, createdAt: epoch + 2300),
            CouponRecord(code: "legacy_5", name: "Legacy 5%", description: "Retired", percentageRate: "5.0", amountCents: nil, currency: nil,
                         frequency: "recurring", frequencyDuration: 3, reusable: false, expirationAt: nil, terminatedAt: epoch + 400 * CivilTime.secondsPerDay, createdAt: epoch + 2400),
        ]
        addOns = [
            AddOnRecord(code: "setup_fee", name: "Setup fee", invoiceDisplayName: "One-time setup", description: "Workspace provisioning", amountCents: 50000, currency: .usd, tax: 0, createdAt: epoch + 3000),
            AddOnRecord(code: "premium_support", name: "Premium support", invoiceDisplayName: nil, description: nil, amountCents: 25000, currency: .eur, tax: 1, createdAt: epoch + 3100),
            AddOnRecord(code: "training", name: "Training day", invoiceDisplayName: "Training (on site)", description: "Full day, up to 12 people", amountCents: 40000, currency: .gbp, tax: 2, createdAt: epoch + 3200),
            AddOnRecord(code: "onboarding_jp", name: "オンボーディング", invoiceDisplayName: nil, description: nil, amountCents: 60000, currency: .jpy, tax: 3, createdAt: epoch + 3300),
        ]
        let taxByCurrency: [SandboxCurrency: Int] = [.usd: 0, .eur: 1, .gbp: 2, .jpy: 3]
        var createdAt = epoch + 5000
        for currency in SandboxCurrency.allCases {
            let suffix = currency.code.lowercased()
            func addCharge(_ plan: Int, _ metric: String, _ pricing: ChargePricing, display: String? = nil, advance: Bool = false) -> Int {
                let metricIndex = metrics.firstIndex { $0.code == metric }!
                charges.append(ChargeRecord(plan: plan, metric: metricIndex, code: "\(metric)_\(plans.count)", invoiceDisplayName: display,
                                            payInAdvance: advance, pricing: pricing, createdAt: createdAt))
                return charges.count - 1
            }
            let m = { (usd: Int64) in Self.micros(usd, currency) }
            // Starter: monthly, standard + package charges.
            var plan = plans.count
            plans.append(PlanRecord(code: "starter_\(suffix)", name: "Starter", description: "For small teams", interval: .monthly,
                                    amountCents: Self.cents(4900, currency), currency: currency, payInAdvance: true, trialPeriodDays: 14,
                                    charges: [], tax: taxByCurrency[currency]!, minimumCommitmentCents: nil, usageThresholdCents: nil, createdAt: createdAt))
            plans[plan].charges = [
                addCharge(plan, "api_calls", .standard(unitMicros: m(2000))),
                addCharge(plan, "storage_gb", .package(amountMicros: m(5_000_000), size: 100, freeUnits: 10), display: "Storage (per 100 GB)"),
            ]
            createdAt += 60
            // Growth: monthly, graduated + standard.
            plan = plans.count
            plans.append(PlanRecord(code: "growth_\(suffix)", name: "Growth", description: "Usage-based growth plan", interval: .monthly,
                                    amountCents: Self.cents(29900, currency), currency: currency, payInAdvance: false, trialPeriodDays: 0,
                                    charges: [], tax: taxByCurrency[currency]!, minimumCommitmentCents: nil, usageThresholdCents: Self.cents(100000, currency), createdAt: createdAt))
            plans[plan].charges = [
                addCharge(plan, "api_calls", .graduated([
                    GraduatedRange(from: 0, to: 10, perUnitMicros: 0, flatMicros: 0),
                    GraduatedRange(from: 11, to: 100, perUnitMicros: m(1_000_000), flatMicros: m(5_000_000)),
                    GraduatedRange(from: 101, to: nil, perUnitMicros: m(500_000), flatMicros: 0),
                ])),
                addCharge(plan, "active_seats", .standard(unitMicros: m(12_000_000)), display: "Seats", advance: true),
                addCharge(plan, "compute_hours", .standard(unitMicros: m(80_000))),
            ]
            createdAt += 60
            // Enterprise: yearly, standard + percentage + graduated.
            plan = plans.count
            plans.append(PlanRecord(code: "enterprise_\(suffix)", name: "Enterprise", description: "Annual contract with committed spend", interval: .yearly,
                                    amountCents: Self.cents(1_200_000, currency), currency: currency, payInAdvance: true, trialPeriodDays: 0,
                                    charges: [], tax: taxByCurrency[currency]!, minimumCommitmentCents: Self.cents(1_500_000, currency), usageThresholdCents: nil, createdAt: createdAt))
            plans[plan].charges = [
                addCharge(plan, "peak_vcpu", .standard(unitMicros: m(20_000_000))),
                addCharge(plan, "payment_volume", .percentage(rateHundredths: 150, fixedMicros: m(100_000)), display: "Processing fees"),
                addCharge(plan, "compute_hours", .graduated([
                    GraduatedRange(from: 0, to: 1000, perUnitMicros: m(60_000), flatMicros: 0),
                    GraduatedRange(from: 1001, to: nil, perUnitMicros: m(40_000), flatMicros: 0),
                ])),
            ]
            createdAt += 60
            // Weekly: weekly, package.
            plan = plans.count
            plans.append(PlanRecord(code: "weekly_\(suffix)", name: "Weekly pay-as-you-go", description: "Billed every week", interval: .weekly,
                                    amountCents: Self.cents(1900, currency), currency: currency, payInAdvance: false, trialPeriodDays: 0,
                                    charges: [], tax: taxByCurrency[currency]!, minimumCommitmentCents: nil, usageThresholdCents: nil, createdAt: createdAt))
            plans[plan].charges = [
                addCharge(plan, "api_calls", .package(amountMicros: m(1_000_000), size: 1000, freeUnits: 0)),
            ]
            createdAt += 60
        }
    }

    /// Plans billed in `currency`.
    func plans(in currency: SandboxCurrency) -> [Int] {
        plans.indices.filter { plans[$0].currency == currency }
    }
}
