/// The customers the list shows first — the newest ones, which `lagotui --demo` opens on —
/// have every billing state a user may want to see, whatever the seed: an active subscription
/// with usage this period (live events favour it), often an earlier plan they upgraded from,
/// invoices draft, paid, paid with a coupon, voided, and failed and overdue, a credit note, a
/// one-off add-on, and a prepaid wallet with grants, purchases and consumption.
extension SandboxStore {
    /// Indexes of the showcase customers: the newest `NamePools.showcase.count`, never one of
    /// the special customers (which keep their hostile names).
    static func showcaseIndexes(count: Int) -> Range<Int> {
        let lower = max(NamePools.special.count, count - NamePools.showcase.count)
        return min(lower, count)..<count
    }

    /// Subscriptions, invoices, events and a wallet for showcase customer `c`.
    mutating func seedShowcase(customer c: Int, _ showcase: ShowcaseCustomer, _ rng: inout SplitMix64) {
        let customer = customers[c]
        let choices = plans(in: customer.currency)
        let slug = customer.externalId.dropFirst(5)
        // The current plan's history starts on the first of the month so that its last
        // periods are exactly the scripted invoices.
        let signedUp = customer.createdAt + Self.showcaseDay - customer.createdAt % 3600
        let since = max(signedUp, Int64(CivilTime.monthStart(today, offset: -showcase.invoices.count)) * Self.showcaseDay + 14 * 3600)
        var number = 1
        var earlierSubscription: Int?
        if let earlier = showcase.upgradedFrom {
            // They upgraded from an earlier plan (three months of it, or six weeks of a weekly
            // one: every period invoiced), whose invoices are all paid.
            let days: Int64 = plans[choices[earlier]].interval == .weekly ? 42 : 92
            let from = max(signedUp, since - days * Self.showcaseDay)
            let sub = appendShowcaseSubscription(customer: c, plan: choices[earlier], externalId: "sub_\(slug)_\(number)", from: from, until: since)
            seedSubscriptionInvoices(subscription: sub, startedAt: from, until: since, &rng, scripts: [])
            earlierSubscription = sub
            number += 1
        }
        let active = appendShowcaseSubscription(customer: c, plan: choices[showcase.plan], externalId: "sub_\(slug)_\(number)", from: since, until: nil)
        seedSubscriptionInvoices(subscription: active, startedAt: since, until: generatedAt, &rng, scripts: showcase.invoices)
        seedEvents(subscription: active, perCharge: 30...60, &rng)
        if let position = NamePools.showcase.firstIndex(where: { $0.name == showcase.name }) {
            seedUsageDiagnostics(showcase: position, active: active, earlier: earlierSubscription)
        }
        // The setup add-on, billed the day after they signed up.
        addOneOffInvoice(customer: c, type: .addOn, status: .finalized, issuingDay: Int(customer.createdAt / Self.showcaseDay) + 1, &rng, script: .paid)
        seedShowcaseWallet(customer: c, &rng)
    }

    private static let showcaseDay = CivilTime.secondsPerDay

    /// A calendar-billed subscription started at `from`: active, or terminated at `until`.
    private mutating func appendShowcaseSubscription(customer c: Int, plan: Int, externalId: String, from: Int64, until: Int64?) -> Int {
        let trial = plans[plan].trialPeriodDays
        return appendSubscription(SubscriptionRecord(
            customer: c, plan: plan, externalId: externalId, name: "\(plans[plan].name) — \(customers[c].name ?? externalId)", status: until == nil ? .active : .terminated, billingTime: "calendar",
            subscriptionAt: from, startedAt: from, endingAt: until, terminatedAt: until, canceledAt: nil,
            trialEndedAt: trial > 0 ? from + Int64(trial) * Self.showcaseDay : nil, cancellationReason: nil,
            onTerminationCreditNote: plans[plan].payInAdvance ? "credit" : nil, createdAt: from - 600))
    }

    /// A prepaid wallet: welcome credits, a paid top-up, two months of consumption and a
    /// top-up still waiting for its payment.
    private mutating func seedShowcaseWallet(customer c: Int, _ rng: inout SplitMix64) {
        let createdAt = customers[c].createdAt + 2 * Self.showcaseDay
        var wallet = WalletRecord.empty(customer: c, code: "wallet_\(wallets.count + 1)", rateHundredths: 100, createdAt: createdAt)
        wallet.name = "Prepaid credits"
        let w = appendWallet(wallet)
        // (kind, status, credits in hundredths, days after the wallet's creation or, when negative, days ago)
        let history: [(WalletTransactionKind, WalletTransactionStatus, Int64, Int64)] = [
            (.granted, .settled, 10_000, 0), (.purchased, .settled, 50_000, 20), (.invoiced, .settled, 18_000, 75),
            (.invoiced, .settled, 7_500, 140), (.purchased, .pending, 25_000, -2),
        ]
        for (kind, status, credits, days) in history {
            let at = (days >= 0 ? createdAt : generatedAt) + days * Self.showcaseDay + 3600
            addSeededTransaction(wallet: w, kind: kind, status: status, credits: credits, at: at, &rng)
        }
    }
}

/// One of the newest customers, whose history is fixed rather than drawn from the seed.
struct ShowcaseCustomer: Sendable {
    var name, domain: String
    var currency: SandboxCurrency
    /// An index into `NamePools.cities`, and the current plan by shape (0 starter, 1 growth,
    /// 2 enterprise, 3 weekly).
    var city, plan: Int
    /// The plan (by shape) of a terminated subscription they upgraded from, if any; then the
    /// outcomes of the current subscription's invoices, newest first.
    var upgradedFrom: Int?, invoices: [SeededInvoiceScript]
}

/// A seeded invoice's fixed outcome (the showcase customers'), instead of one drawn from the seed.
struct SeededInvoiceScript: Sendable {
    var status: InvoiceStatus
    var paymentStatus: PaymentStatus = .succeeded
    var paymentAttempts = 1
    /// A coupon's discount, in US cents (converted to the customer's currency).
    var couponUSDCents: Int64 = 0
    var creditNote: SeededCreditNote? = nil

    static let paid = SeededInvoiceScript(status: .finalized)
    static let draft = SeededInvoiceScript(status: .draft, paymentStatus: .pending, paymentAttempts: 0)
    /// The card was declined twice and the due date has passed.
    static let declined = SeededInvoiceScript(status: .finalized, paymentStatus: .failed, paymentAttempts: 2)
    static let voided = SeededInvoiceScript(status: .voided, paymentStatus: .pending, paymentAttempts: 0)
    static func coupon(_ usdCents: Int64) -> SeededInvoiceScript { SeededInvoiceScript(status: .finalized, couponUSDCents: usdCents) }
    static func credited(_ note: SeededCreditNote) -> SeededInvoiceScript { SeededInvoiceScript(status: .finalized, creditNote: note) }
}

/// How a seeded credit note gives money back: as credit (`creditStatus`) or as a refund (`refundStatus`).
struct SeededCreditNote: Sendable {
    var reason: CreditNoteReason
    var creditStatus: CreditStatus?
    var refundStatus: RefundStatus?
}

extension NamePools {
    /// The newest customers, newest first (see `SandboxStore+Showcase`).
    static let showcase: [ShowcaseCustomer] = [
        ShowcaseCustomer(name: "Northwind Analytics Inc.", domain: "northwind.example", currency: .usd, city: 0, plan: 1, upgradedFrom: 0,
                         invoices: [.draft, .declined, .coupon(5000), .voided,
                                    .credited(SeededCreditNote(reason: .duplicatedCharge, creditStatus: .available))]),
        ShowcaseCustomer(name: "Brasserie Lumière SAS", domain: "lumiere.example", currency: .eur, city: 4, plan: 0, upgradedFrom: nil,
                         invoices: [.draft, .declined, .voided, .coupon(2500),
                                    .credited(SeededCreditNote(reason: .productUnsatisfactory, refundStatus: .succeeded))]),
        ShowcaseCustomer(name: "Kestrel Robotics Ltd", domain: "kestrel.example", currency: .gbp, city: 8, plan: 1, upgradedFrom: 3,
                         invoices: [.draft, .declined, .credited(SeededCreditNote(reason: .orderChange, creditStatus: .consumed)),
                                    .voided, .coupon(1000)]),
    ]
}

extension CustomerRecord {
    /// Turns a seeded customer into showcase customer `showcase`: a company paying by card,
    /// with a net payment term (so unpaid invoices fall overdue) and a grace period (so the
    /// latest invoice is still a draft).
    mutating func showcase(_ showcase: ShowcaseCustomer) {
        let place = NamePools.cities[showcase.city]
        name = showcase.name
        firstname = nil
        lastname = nil
        legalName = showcase.name
        customerType = "company"
        email = "billing@\(showcase.domain)"
        url = "https://\(showcase.domain)"
        (city, state, zipcode, country, timezone) = (place.city, place.state, place.zip, place.country, place.timezone)
        taxIdentificationNumber = taxIdentificationNumber.map { place.country + $0.dropFirst(2) }
        currency = showcase.currency
        billingEntity = SandboxStore.billingEntity(for: showcase.currency)
        accountType = "customer"
        netPaymentTerm = 15
        invoiceGracePeriod = 31
        paymentProvider = "stripe"
        cardFails = false
    }
}

extension WalletRecord {
    /// An active wallet with no credits yet.
    static func empty(customer: Int, code: String, rateHundredths: Int64, createdAt: Int64) -> WalletRecord {
        WalletRecord(customer: Int32(customer), name: nil, code: code, status: .active, rateHundredths: rateHundredths, creditsHundredths: 0,
                     consumedCreditsHundredths: 0, ongoingUsageCents: 0, priority: 50, paidTopUpMinCents: nil, paidTopUpMaxCents: nil,
                     expirationAt: nil, terminatedAt: nil, lastBalanceSyncAt: nil, lastConsumedCreditAt: nil, createdAt: createdAt)
    }
}
