/// One fee line of an invoice, derived on demand from the invoice and the catalog.
struct FeeLine: Sendable {
    var type: FeeType
    var charge: Int?
    var addOn: Int?
    var unitsHundredths: Int64
    var amountCents: Int64
    var eventsCount: Int?
    var fromAt: Int64?
    var toAt: Int64?
    var position: Int
}

/// The aggregated usage of one charge over a period.
struct ChargeUsage: Sendable {
    var charge: Int
    var unitsHundredths: Int64
    var eventsCount: Int
    var amountCents: Int64
}

extension SandboxStore {
    /// Converts micro-units of the major currency unit to minor units, rounding half up.
    static func centsFromMicros(_ micros: Int64, _ currency: SandboxCurrency) -> Int64 {
        let divisor: Int64 = currency.minorUnits == 0 ? 1_000_000 : 10_000
        return (micros + divisor / 2) / divisor
    }

    /// The amount a charge bills for `unitsHundredths` units and `eventsCount` events.
    static func price(_ pricing: ChargePricing, unitsHundredths units: Int64, eventsCount: Int, currency: SandboxCurrency) -> Int64 {
        var micros: Int64 = 0
        switch pricing {
        case .standard(let unit):
            micros = unit * units / 100
        case .graduated(let ranges):
            var previousUpper: Int64 = 0
            for range in ranges {
                let upper = range.to.map { Int64($0) * 100 } ?? Int64.max
                let inRange = max(0, min(units, upper) - previousUpper)
                if inRange > 0 { micros += range.flatMicros + range.perUnitMicros * inRange / 100 }
                previousUpper = upper
                if units <= upper { break }
            }
        case .package(let amount, let size, let free):
            let paid = max(0, units - Int64(free) * 100)
            let packageUnits = Int64(size) * 100
            let packages = (paid + packageUnits - 1) / packageUnits
            micros = packages * amount
        case .percentage(let rate, let fixed):
            // units are an amount in hundredths of the major unit; rate is hundredths of a percent.
            micros = units * Int64(rate) + Int64(eventsCount) * fixed
        }
        return centsFromMicros(micros, currency)
    }

    /// Aggregates one metric over events of subscription `sub` with timestamps in [from, to).
    func aggregate(subscription sub: Int, metric: Int, fromMillis: Int64, toMillis: Int64) -> (units: Int64, events: Int) {
        guard sub < eventsBySubscription.count else { return (0, 0) }
        let aggregation = metrics[metric].aggregation
        var count = 0
        var sum: Int64 = 0
        var maxValue: Int64 = 0
        var distinct = Set<Int64>()
        for e in eventsBySubscription[sub] {
            let event = events[Int(e)]
            guard Int(event.metric) == metric, event.timestampMillis >= fromMillis, event.timestampMillis < toMillis else { continue }
            count += 1
            sum += event.valueHundredths
            maxValue = max(maxValue, event.valueHundredths)
            if aggregation == .uniqueCount { distinct.insert(event.valueHundredths) }
        }
        switch aggregation {
        case .count: return (Int64(count) * 100, count)
        case .sum: return (sum, count)
        case .max: return (maxValue, count)
        case .uniqueCount: return (Int64(distinct.count) * 100, count)
        }
    }

    /// Usage of every charge of a subscription's plan over a period, sorted by metric name
    /// (case-insensitive), as Lago's usage serializer does.
    func usage(subscription sub: Int, fromMillis: Int64, toMillis: Int64) -> [ChargeUsage] {
        let plan = plans[subscriptions[sub].plan]
        let result = plan.charges.map { c -> ChargeUsage in
            let charge = charges[c]
            let (units, count) = aggregate(subscription: sub, metric: charge.metric, fromMillis: fromMillis, toMillis: toMillis)
            return ChargeUsage(charge: c, unitsHundredths: units, eventsCount: count,
                               amountCents: Self.price(charge.pricing, unitsHundredths: units, eventsCount: count, currency: plan.currency))
        }
        return result.sorted { metrics[charges[$0.charge].metric].name.lowercased() < metrics[charges[$1.charge].metric].name.lowercased() }
    }

    /// Units that historical (not stored) usage contributed to a past invoice's charge.
    func historicalUnits(invoice: Int, charge: Int) -> (units: Int64, events: Int) {
        var rng = SplitMix64(seed: seed, kind: 0xFEE, index: invoice &* 64 &+ charge)
        switch metrics[charges[charge].metric].code {
        case "api_calls": let n = rng.int(0...20_000); return (Int64(n) * 100, n)
        case "storage_gb": let n = rng.int(1...90); return (Int64(rng.int(0...80_000)), n)
        case "active_seats": let n = rng.int(1...40); return (Int64(n) * 100, n * 7)
        case "peak_vcpu": let n = rng.int(1...64); return (Int64(n) * 100, rng.int(20...400))
        case "compute_hours": let n = rng.int(1...200); return (Int64(rng.int(0...250_000)), n)
        default: let n = rng.int(1...300); return (Int64(rng.int(0...5_000_000)), n)
        }
    }

    /// The fee lines of invoice `i`, recomputed from the catalog, historical usage and any
    /// stored events in the invoice's charges period.
    func feeLines(invoice i: Int) -> [FeeLine] {
        let invoice = invoices[i]
        let currency = customers[Int(invoice.customer)].currency
        var lines: [FeeLine] = []
        switch invoice.type {
        case .subscription, .progressiveBilling, .advanceCharges:
            guard invoice.subscription >= 0 else { return [] }
            let sub = Int(invoice.subscription)
            let plan = plans[subscriptions[sub].plan]
            let from = Int64(invoice.periodStartDay) * CivilTime.secondsPerDay
            let to = Int64(invoice.periodEndDay) * CivilTime.secondsPerDay
            lines.append(FeeLine(type: .subscription, unitsHundredths: 100, amountCents: plan.amountCents, eventsCount: nil,
                                 fromAt: from, toAt: to - 1, position: 0))
            for (n, c) in plan.charges.enumerated() {
                let historical = historicalUnits(invoice: i, charge: c)
                let stored = aggregate(subscription: sub, metric: charges[c].metric, fromMillis: from * 1000, toMillis: to * 1000)
                let units = historical.units + stored.units
                let count = historical.events + stored.events
                lines.append(FeeLine(type: .charge, charge: c, unitsHundredths: units,
                                     amountCents: Self.price(charges[c].pricing, unitsHundredths: units, eventsCount: count, currency: currency),
                                     eventsCount: count, fromAt: from, toAt: to - 1, position: n + 1))
            }
        case .addOn, .oneOff:
            let addOn = Int(max(0, invoice.addOn))
            var rng = SplitMix64(seed: seed, kind: 0xADD, index: i)
            let quantity = invoice.type == .oneOff ? rng.int(1...3) : 1
            lines.append(FeeLine(type: .addOn, addOn: addOn, unitsHundredths: Int64(quantity) * 100,
                                 amountCents: addOns[addOn].amountCents * Int64(quantity),
                                 eventsCount: nil, position: 0))
        case .credit:
            let tx = Int(invoice.walletTransaction)
            let credits = tx >= 0 ? walletTransactions[tx].creditsHundredths : 0
            let rate = tx >= 0 ? wallets[Int(walletTransactions[tx].wallet)].rateHundredths : 100
            lines.append(FeeLine(type: .credit, unitsHundredths: credits, amountCents: walletAmountCents(credits: credits, rate: rate, currency: currency),
                                 eventsCount: nil, position: 0))
        }
        return lines
    }

    /// Money for wallet credits: credits × rate, in minor units.
    func walletAmountCents(credits: Int64, rate: Int64, currency: SandboxCurrency) -> Int64 {
        let hundredthsOfMajor = credits * rate / 100
        return currency.minorUnits == 0 ? (hundredthsOfMajor + 50) / 100 : hundredthsOfMajor
    }

    /// Recomputes an invoice's amounts from its fee lines.
    mutating func recomputeTotals(invoice i: Int) {
        let lines = feeLines(invoice: i)
        var invoice = invoices[i]
        invoice.feesAmountCents = lines.reduce(0) { $0 + $1.amountCents }
        invoice.couponsAmountCents = min(invoice.couponsAmountCents, invoice.feesAmountCents)
        let taxable = invoice.feesAmountCents - invoice.couponsAmountCents
        invoice.taxesAmountCents = taxCents(invoice: i, on: taxable)
        invoice.prepaidCreditAmountCents = min(invoice.prepaidCreditAmountCents, taxable + invoice.taxesAmountCents)
        invoice.totalAmountCents = taxable + invoice.taxesAmountCents - invoice.prepaidCreditAmountCents
        invoices[i] = invoice
    }

    /// What is still owed on an invoice (0 once voided).
    func dueAmountCents(_ i: Int) -> Int64 {
        let invoice = invoices[i]
        if invoice.status == .voided { return 0 }
        let credited = (creditNotesByInvoice[Int32(i)] ?? []).reduce(Int64(0)) { $0 + creditNotes[Int($1)].creditAmountCents + creditNotes[Int($1)].refundAmountCents }
        return max(0, invoice.totalAmountCents - invoice.totalPaidAmountCents - credited)
    }
}
