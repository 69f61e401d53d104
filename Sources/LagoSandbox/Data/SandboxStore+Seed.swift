extension SandboxStore {
    private static let day = CivilTime.secondsPerDay

    mutating func seedCustomers(count: Int) {
        let span = 3 * 365 * Self.day
        // The newest customer signed up some eight months ago, so even it has a billing history.
        let start = generatedAt - span - 240 * Self.day
        let showcase = Self.showcaseIndexes(count: count)
        customers.reserveCapacity(count)
        let perCustomerEvents = count > 20_000 ? 1...3 : 3...12
        for i in 0..<count {
            var rng = SplitMix64(seed: seed, kind: 1, index: i)
            let createdAt = start + Int64(i) * span / Int64(max(count, 1)) + Int64(rng.int(0...600))
            var customer = makeCustomer(i, &rng, createdAt: createdAt)
            if showcase.contains(i) { customer.showcase(NamePools.showcase[count - 1 - i]) }
            customers.append(customer)
            customerByExternalId[customers[i].externalId] = i
        }
        subscriptionsByCustomer = Array(repeating: [], count: count)
        invoicesByCustomer = Array(repeating: [], count: count)
        walletsByCustomer = Array(repeating: [], count: count)
        invoiceSequenceByCustomer = Array(repeating: 0, count: count)
        invoices.reserveCapacity(count * 5)
        for i in 0..<count {
            var rng = SplitMix64(seed: seed, kind: 2, index: i)
            if showcase.contains(i) {
                seedShowcase(customer: i, NamePools.showcase[count - 1 - i], &rng)
                continue
            }
            seedSubscriptions(customer: i, &rng, eventsPerCharge: perCustomerEvents)
            seedOneOffInvoices(customer: i, &rng)
            seedWallets(customer: i, &rng)
        }
    }

    func makeCustomer(_ i: Int, _ rng: inout SplitMix64, createdAt: Int64) -> CustomerRecord {
        let currency: SandboxCurrency = [.usd, .eur, .gbp, .jpy][rng.weighted([40, 30, 15, 15])]
        var place = rng.pick(NamePools.cities)
        var name: String
        var firstname: String? = nil
        var lastname: String? = nil
        var customerType: String? = ["company", "individual", nil][rng.weighted([60, 25, 15])]
        if i < NamePools.special.count {
            let special = NamePools.special[i]
            name = special.name
            firstname = special.firstname
            lastname = special.lastname
            place = (place.city, nil, place.zip, special.country, special.timezone)
            customerType = "company"
        } else if customerType == "individual" {
            firstname = rng.pick(NamePools.firstNames)
            lastname = rng.pick(NamePools.lastNames)
            name = "\(firstname!) \(lastname!)"
        } else {
            let suffix = rng.pick(NamePools.companySuffixes)
            name = rng.pick(NamePools.companyStems) + (suffix.isEmpty ? "" : " " + suffix)
            if rng.chance(0.02) {
                name += " — Division des Opérations Internationales, Région Europe-Moyen-Orient-Afrique, Bureau de Représentation"
            }
        }
        let externalId = String.customerExternalId(i)
        let slug = String(externalId.dropFirst(5))
        let entity = Self.billingEntity(for: currency)
        // Customer 0 (the hostile name) always pays by a card that keeps failing.
        let provider: String? = i == 0 ? "stripe" : ["stripe", "gocardless", "adyen", nil][rng.weighted([50, 15, 10, 25])]
        var metadata: [MetadataPair] = []
        if rng.chance(0.6) { metadata.append(MetadataPair(key: "segment", value: rng.pick(NamePools.segments), displayInInvoice: false)) }
        if rng.chance(0.4) { metadata.append(MetadataPair(key: "crm_id", value: "0065\(rng.int(100_000...999_999))", displayInInvoice: true)) }
        let hasTaxId = rng.chance(0.5)
        return CustomerRecord(
            externalId: externalId,
            name: name,
            firstname: firstname,
            lastname: lastname,
            legalName: customerType == "company" ? name : nil,
            legalNumber: customerType == "company" && rng.chance(0.5) ? "RCS \(rng.int(100_000_000...999_999_999))" : nil,
            taxIdentificationNumber: hasTaxId ? "\(place.country)\(rng.int(10_000_000...99_999_999))" : nil,
            email: rng.chance(0.9) ? "billing+\(slug)@example.com" : nil,
            phone: rng.chance(0.5) ? "+1 555 \(rng.int(1000...9999))" : nil,
            url: rng.chance(0.3) ? "https://example.com/\(slug)" : nil,
            addressLine1: rng.chance(0.8) ? rng.pick(NamePools.streets) : nil,
            city: place.city,
            state: place.state,
            zipcode: place.zip,
            country: place.country,
            timezone: rng.chance(0.85) ? place.timezone : nil,
            currency: currency,
            billingEntity: entity,
            accountType: rng.chance(0.08) ? "partner" : "customer",
            customerType: customerType,
            netPaymentTerm: [nil, 0, 15, 30, 45][rng.weighted([40, 10, 20, 20, 10])],
            // Customers 2 and 3 always have a long grace period, so a draft invoice exists whatever the seed.
            invoiceGracePeriod: i == 2 || i == 3 ? 31 : (rng.chance(0.25) ? rng.pick([2, 5, 10, 20]) : nil),
            paymentProvider: provider,
            cardFails: provider != nil && (i == 0 || rng.chance(0.15)),
            documentLocale: ["en", "fr", "de", "ja", nil][rng.weighted([30, 15, 10, 5, 40])],
            metadata: metadata,
            createdAt: createdAt,
            updatedAt: createdAt + Int64(rng.int(0...86_400))
        )
    }

    /// The billing entity that bills customers paying in `currency`.
    static func billingEntity(for currency: SandboxCurrency) -> Int {
        currency == .usd ? 0 : (currency == .jpy ? 2 : 1)
    }

    private mutating func seedSubscriptions(customer c: Int, _ rng: inout SplitMix64, eventsPerCharge: ClosedRange<Int>) {
        let customer = customers[c]
        let planChoices = plans(in: customer.currency)
        // Special customers have an active subscription; 5-7 also one canceled, terminated and
        // pending, so every status exists whatever the seed.
        let forced: [Int: SubscriptionStatus] = [5: .canceled, 6: .terminated, 7: .pending]
        let count = c < NamePools.special.count ? (forced[c] == nil ? 1 : 2) : [0, 1, 2][rng.weighted([8, 67, 25])]
        for k in 0..<count {
            let planShape = rng.weighted([40, 35, 10, 15])
            let plan = planChoices[planShape]
            var status: SubscriptionStatus = [.active, .terminated, .canceled, .pending][rng.weighted([62, 16, 8, 14])]
            if c < NamePools.special.count { status = k == 0 ? .active : forced[c] ?? .active }
            let earliest = customer.createdAt + Self.day
            let latest = generatedAt - 2 * Self.day
            var subscriptionAt = earliest + Int64(rng.int(0...Int(max(0, latest - earliest))))
            subscriptionAt -= subscriptionAt % 3600
            var startedAt: Int64? = subscriptionAt
            var terminatedAt: Int64? = nil
            var canceledAt: Int64? = nil
            var endingAt: Int64? = nil
            var reason: String? = nil
            switch status {
            case .pending:
                subscriptionAt = generatedAt + Int64(rng.int(1...40)) * Self.day
                subscriptionAt -= subscriptionAt % Self.day
                startedAt = nil
            case .canceled:
                startedAt = nil
                canceledAt = subscriptionAt + Int64(rng.int(3600...(5 * 86_400)))
                reason = rng.chance(0.5) ? "payment_failed" : "timeout"
            case .terminated:
                terminatedAt = min(generatedAt - 3600, subscriptionAt + Int64(rng.int(20...400)) * Self.day)
                endingAt = terminatedAt
            case .active, .incomplete:
                if rng.chance(0.1) { endingAt = generatedAt + Int64(rng.int(30...365)) * Self.day }
            }
            let externalId = "sub_\(customer.externalId.dropFirst(5))_\(k + 1)"
            let trial = plans[plan].trialPeriodDays
            let index = appendSubscription(SubscriptionRecord(
                customer: c, plan: plan, externalId: externalId,
                name: rng.chance(0.5) ? "\(plans[plan].name) — \(customer.name ?? externalId)" : nil,
                status: status, billingTime: rng.chance(0.7) ? "calendar" : "anniversary",
                subscriptionAt: subscriptionAt, startedAt: startedAt, endingAt: endingAt,
                terminatedAt: terminatedAt, canceledAt: canceledAt,
                trialEndedAt: trial > 0 && startedAt != nil ? startedAt! + Int64(trial) * Self.day : nil,
                cancellationReason: reason,
                onTerminationCreditNote: plans[plan].payInAdvance ? ["credit", "refund", "skip"][rng.int(0...2)] : nil,
                createdAt: min(subscriptionAt, generatedAt) - Int64(rng.int(0...3600))))
            if let startedAt {
                seedSubscriptionInvoices(subscription: index, startedAt: startedAt, until: terminatedAt ?? generatedAt, &rng)
            }
            if status == .active { seedEvents(subscription: index, perCharge: eventsPerCharge, &rng) }
        }
    }

    /// Stores a new subscription and indexes it; returns its index.
    mutating func appendSubscription(_ subscription: SubscriptionRecord) -> Int {
        let index = subscriptions.count
        subscriptions.append(subscription)
        subscriptionsByCustomer[subscription.customer].append(Int32(index))
        subscriptionsByExternalId[subscription.externalId, default: []].append(Int32(index))
        eventsBySubscription.append([])
        return index
    }

    /// Periodic invoices of one subscription over (at most) its last few periods. With
    /// `scripts` (newest first) their outcomes are fixed instead of drawn; invoices beyond the
    /// scripts are paid.
    mutating func seedSubscriptionInvoices(subscription sub: Int, startedAt: Int64, until: Int64, _ rng: inout SplitMix64,
                                           scripts: [SeededInvoiceScript]? = nil) {
        let startDay = Int(startedAt / Self.day)
        let endDay = Int(until / Self.day)
        var periods: [(Int, Int)] = []
        var cursor = period(subscription: sub, containing: endDay)
        // Walk backwards over completed periods (the current one is not invoiced yet).
        cursor = period(subscription: sub, containing: cursor.start - 1)
        let maxPeriods = plans[subscriptions[sub].plan].interval == .weekly ? 6 : 5
        while cursor.end > startDay && periods.count < maxPeriods && cursor.end <= today {
            periods.append((max(cursor.start, startDay), cursor.end))
            cursor = period(subscription: sub, containing: cursor.start - 1)
        }
        for (age, p) in periods.enumerated().reversed() {
            let script = scripts.map { age < $0.count ? $0[age] : .paid }
            addSubscriptionInvoice(subscription: sub, periodStart: p.0, periodEnd: p.1, isLatest: age == 0, &rng, script: script)
        }
    }

    private mutating func addSubscriptionInvoice(subscription sub: Int, periodStart: Int, periodEnd: Int, isLatest: Bool, _ rng: inout SplitMix64,
                                                 script: SeededInvoiceScript?) {
        let c = subscriptions[sub].customer
        let customer = customers[c]
        let entity = billingEntities[customer.billingEntity]
        let grace = customer.invoiceGracePeriod ?? entity.gracePeriod
        let issuingDay = periodEnd
        var status: InvoiceStatus = script?.status ?? .finalized
        if script == nil && isLatest && grace > 0 && today - issuingDay < grace { status = .draft }
        if script == nil && status == .finalized {
            let roll = rng.weighted([90, 3, 2, 5])
            status = [.finalized, .failed, .pending, .voided][roll]
        }
        let index = invoices.count
        var invoice = InvoiceRecord(
            customer: Int32(c), subscription: Int32(sub), type: .subscription, status: status, paymentStatus: .pending,
            issuingDay: Int32(issuingDay), dueDay: nil, periodStartDay: Int32(periodStart), periodEndDay: Int32(periodEnd),
            netPaymentTerm: Int16(customer.netPaymentTerm ?? entity.netPaymentTerm), sequentialId: 0,
            customerSequence: Int32(c + 1), createdAt: Int64(issuingDay) * Self.day + Int64(rng.int(60...7200)),
            updatedAt: 0, taxRateHundredths: Int32(taxes[plans[subscriptions[sub].plan].tax].rateHundredths))
        if let script {
            invoice.couponsAmountCents = Self.cents(script.couponUSDCents, customer.currency)
        } else if rng.chance(0.1) {
            invoice.couponsAmountCents = Self.cents(rng.pick([1000, 2500, 5000]), customer.currency)
        }
        invoices.append(invoice)
        recomputeTotals(invoice: index)
        settleSeededInvoice(index, &rng, script: script)
    }

    /// Gives a freshly seeded invoice its number, due date, payment outcome, overdue flag,
    /// dispute, payments and credit notes, consistently with its status: drawn from `rng`, or
    /// as `script` says.
    private mutating func settleSeededInvoice(_ index: Int, _ rng: inout SplitMix64, script: SeededInvoiceScript? = nil) {
        var invoice = invoices[index]
        let c = Int(invoice.customer)
        let customer = customers[c]
        invoice.updatedAt = invoice.createdAt
        if invoice.status != .draft {
            invoiceSequenceByCustomer[c] += 1
            invoice.sequentialId = invoiceSequenceByCustomer[c]
            invoice.dueDay = invoice.issuingDay + Int32(invoice.netPaymentTerm)
        }
        if invoice.status == .finalized || invoice.status == .voided {
            let age = today - Int(invoice.issuingDay)
            if let script {
                invoice.paymentStatus = script.paymentStatus
                invoice.paymentAttempts = Int16(script.paymentAttempts)
            } else if customer.paymentProvider == nil {
                invoice.paymentStatus = age > 20 && rng.chance(0.7) ? .succeeded : .pending
            } else if customer.cardFails {
                invoice.paymentStatus = .failed
                invoice.paymentAttempts = Int16(rng.int(1...3))
            } else {
                invoice.paymentStatus = [.succeeded, .failed, .pending][rng.weighted([85, 6, 9])]
                invoice.paymentAttempts = invoice.paymentStatus == .pending ? 0 : 1
            }
            if invoice.paymentStatus == .succeeded { invoice.totalPaidAmountCents = invoice.totalAmountCents }
            if invoice.totalAmountCents == 0 { invoice.paymentStatus = .succeeded }
            invoice.pdfState = rng.chance(0.8) ? .ready : .none
            invoice.updatedAt = invoice.createdAt + Int64(rng.int(60...86_400))
        }
        if invoice.status == .voided {
            invoice.voidedAt = invoice.updatedAt
        } else if invoice.status == .finalized, invoice.paymentStatus != .succeeded, let due = invoice.dueDay, Int(due) < today {
            if script == nil && invoice.paymentStatus == .failed && rng.chance(0.12) {
                invoice.disputeLostAtMillis = (Int64(due) + 5) * Self.day * 1000 + Int64(rng.int(0...86_399_999))
            } else {
                invoice.paymentOverdue = true
            }
        }
        invoices[index] = invoice
        invoicesByCustomer[c].append(Int32(index))
        if invoice.paymentAttempts > 0 || invoice.paymentStatus == .succeeded, customer.paymentProvider != nil {
            for attempt in 0..<max(1, Int(invoice.paymentAttempts)) {
                addPayment(invoice: index, status: invoice.paymentStatus == .succeeded ? .succeeded : .failed,
                           at: invoice.updatedAt - Int64(max(1, Int(invoice.paymentAttempts)) - attempt) * 3600)
            }
        }
        guard invoice.status == .finalized && invoice.paymentStatus == .succeeded && invoice.totalAmountCents > 0 else { return }
        if let note = script?.creditNote {
            addCreditNote(invoice: index, note, &rng)
        } else if script == nil && rng.chance(0.05) {
            let refund = rng.chance(0.3)
            let reason = CreditNoteReason.allCases[rng.int(0..<CreditNoteReason.allCases.count)]
            addCreditNote(invoice: index, SeededCreditNote(
                reason: reason,
                creditStatus: refund ? nil : [.available, .consumed][rng.int(0...1)],
                refundStatus: refund ? [.succeeded, .pending, .failed][rng.weighted([70, 20, 10])] : nil), &rng)
        }
    }

    /// Credits or refunds a fifth of a paid invoice, a few days after it was paid.
    mutating func addCreditNote(invoice index: Int, _ seeded: SeededCreditNote, _ rng: inout SplitMix64) {
        let invoice = invoices[index]
        let amount = max(1, invoice.totalAmountCents / 5)
        let refund = seeded.refundStatus != nil
        creditNoteSequence += 1
        let note = CreditNoteRecord(
            invoice: Int32(index), sequentialId: creditNoteSequence, reason: seeded.reason,
            creditStatus: seeded.creditStatus, refundStatus: seeded.refundStatus,
            creditAmountCents: refund ? 0 : amount, refundAmountCents: refund ? amount : 0,
            taxesAmountCents: amount * Int64(invoice.taxRateHundredths) / (10_000 + Int64(invoice.taxRateHundredths)),
            issuingDay: min(Int32(today), invoice.issuingDay + Int32(rng.int(1...20))),
            createdAt: invoice.updatedAt + Int64(rng.int(3600...86_400 * 5)))
        creditNotes.append(note)
        creditNotesByInvoice[Int32(index), default: []].append(Int32(creditNotes.count - 1))
    }

    mutating func addPayment(invoice: Int, status: PaymentStatus, at: Int64) {
        payments.append(PaymentRecord(invoice: Int32(invoice), amountCents: invoices[invoice].totalAmountCents, status: status, createdAt: at))
        paymentsByInvoice[Int32(invoice), default: []].append(Int32(payments.count - 1))
    }

    private mutating func seedOneOffInvoices(customer c: Int, _ rng: inout SplitMix64) {
        guard rng.chance(0.12) else { return }
        let type: InvoiceType = rng.chance(0.5) ? .addOn : .oneOff
        let issuingDay = max(Int(customers[c].createdAt / Self.day) + 1, today - rng.int(1...200))
        var status: InvoiceStatus = [.finalized, .draft, .voided][rng.weighted([85, 7, 8])]
        if type == .addOn && status == .draft { status = .finalized }
        addOneOffInvoice(customer: c, type: type, status: status, issuingDay: issuingDay, &rng)
    }

    /// An add-on or one-off invoice billing the add-on in the customer's currency.
    mutating func addOneOffInvoice(customer c: Int, type: InvoiceType, status: InvoiceStatus, issuingDay: Int, _ rng: inout SplitMix64,
                                   script: SeededInvoiceScript? = nil) {
        let customer = customers[c]
        let addOn = addOns.firstIndex { $0.currency == customer.currency } ?? 0
        let index = invoices.count
        let entity = billingEntities[customer.billingEntity]
        invoices.append(InvoiceRecord(
            customer: Int32(c), addOn: Int16(addOn), type: type, status: status, paymentStatus: .pending,
            issuingDay: Int32(issuingDay), netPaymentTerm: Int16(customer.netPaymentTerm ?? entity.netPaymentTerm),
            sequentialId: 0, customerSequence: Int32(c + 1),
            createdAt: Int64(issuingDay) * Self.day + Int64(rng.int(3600...80_000)), updatedAt: 0,
            taxRateHundredths: Int32(taxes[addOns[addOn].tax].rateHundredths)))
        recomputeTotals(invoice: index)
        settleSeededInvoice(index, &rng, script: script)
    }

    private mutating func seedWallets(customer c: Int, _ rng: inout SplitMix64) {
        guard c < 3 || rng.chance(0.3) else { return }
        let customer = customers[c]
        let terminated = c >= 3 && rng.chance(0.15)
        let createdAt = customer.createdAt + Int64(rng.int(86_400...(86_400 * 60)))
        let rate: Int64 = rng.chance(0.8) ? 100 : 200
        var wallet = WalletRecord.empty(customer: c, code: "wallet_\(wallets.count + 1)", rateHundredths: rate, createdAt: createdAt)
        wallet.name = rng.chance(0.7) ? "Prepaid credits" : nil
        wallet.status = terminated ? .terminated : .active
        wallet.paidTopUpMinCents = rng.chance(0.3) ? Self.cents(1000, customer.currency) : nil
        wallet.paidTopUpMaxCents = rng.chance(0.2) ? Self.cents(1_000_000, customer.currency) : nil
        wallet.expirationAt = rng.chance(0.2) ? generatedAt + Int64(rng.int(30...400)) * Self.day : nil
        wallet.terminatedAt = terminated ? min(generatedAt - 3600, createdAt + Int64(rng.int(10...300)) * Self.day) : nil
        let w = appendWallet(wallet)
        var at = createdAt + 60
        let count = rng.int(1...4)
        for n in 0..<count {
            let roll = n == 0 ? 0 : rng.weighted([30, 35, 15, 20])
            let credits = Int64(rng.pick([1000, 2500, 5000, 10_000, 20_000])) * 10
            at = min(generatedAt - 120, at + Int64(rng.int(3600...(86_400 * 30))))
            switch roll {
            case 0: addSeededTransaction(wallet: w, kind: .granted, status: .settled, credits: credits, at: at, &rng)
            case 1: addSeededTransaction(wallet: w, kind: .purchased, status: .settled, credits: credits, at: at, &rng)
            case 2: addSeededTransaction(wallet: w, kind: .purchased, status: terminated ? .failed : .pending, credits: credits, at: at, &rng)
            default:
                let available = wallets[w].creditsHundredths
                if available > 0 { addSeededTransaction(wallet: w, kind: .invoiced, status: .settled, credits: min(available, credits / 4), at: at, &rng) }
            }
        }
    }

    /// Stores a new wallet and indexes it; returns its index.
    mutating func appendWallet(_ wallet: WalletRecord) -> Int {
        let w = wallets.count
        wallets.append(wallet)
        walletsByCustomer[Int(wallet.customer)].append(Int32(w))
        transactionsByWallet.append([])
        return w
    }

    mutating func addSeededTransaction(wallet w: Int, kind: WalletTransactionKind, status: WalletTransactionStatus, credits: Int64, at: Int64, _ rng: inout SplitMix64) {
        let t = walletTransactions.count
        var tx = WalletTransactionRecord(wallet: Int32(w), status: status, kind: kind, type: kind == .invoiced ? .outbound : .inbound,
                                         creditsHundredths: credits, name: kind == .granted ? "Welcome credits" : nil, priority: 50, createdAt: at)
        if status == .settled { tx.settledAt = at + 5 }
        if status == .failed { tx.failedAt = at + 3600 }
        walletTransactions.append(tx)
        transactionsByWallet[w].append(Int32(t))
        if kind == .purchased {
            let invoice = addCreditInvoice(transaction: t, at: at)
            if status == .settled {
                invoices[invoice].paymentStatus = .succeeded
                invoices[invoice].totalPaidAmountCents = invoices[invoice].totalAmountCents
            } else if status == .failed {
                invoices[invoice].paymentStatus = .failed
            }
        }
        if status == .settled {
            wallets[w].creditsHundredths += kind == .invoiced ? -credits : credits
            if kind == .invoiced {
                wallets[w].consumedCreditsHundredths += credits
                wallets[w].lastConsumedCreditAt = at
            }
            wallets[w].lastBalanceSyncAt = at + 5
        }
    }

    /// Creates the finalized `credit` invoice that bills a paid top-up; returns its index.
    @discardableResult
    mutating func addCreditInvoice(transaction t: Int, at: Int64) -> Int {
        let w = Int(walletTransactions[t].wallet)
        let c = Int(wallets[w].customer)
        let customer = customers[c]
        let index = invoices.count
        invoiceSequenceByCustomer[c] += 1
        let day = Int(at / Self.day)
        invoices.append(InvoiceRecord(
            customer: Int32(c), walletTransaction: Int32(t), type: .credit, status: .finalized, paymentStatus: .pending,
            issuingDay: Int32(day), dueDay: Int32(day), netPaymentTerm: 0, sequentialId: invoiceSequenceByCustomer[c],
            customerSequence: Int32(c + 1), createdAt: at + 1, updatedAt: at + 1, taxRateHundredths: 0))
        recomputeTotals(invoice: index)
        invoices[index].pdfState = .ready
        invoicesByCustomer[c].append(Int32(index))
        walletTransactions[t].invoice = Int32(index)
        _ = customer
        return index
    }

    mutating func seedEvents(subscription sub: Int, perCharge: ClosedRange<Int>, _ rng: inout SplitMix64) {
        let (from, _) = currentPeriodSeconds(subscription: sub)
        let start = max(from, subscriptions[sub].startedAt ?? from)
        let span = max(1, generatedAt - start)
        for c in plans[subscriptions[sub].plan].charges {
            let metric = charges[c].metric
            let n = rng.int(perCharge)
            for _ in 0..<n {
                let ts = (start + Int64(rng.int(0..<Int(span)))) * 1000 + Int64(rng.int(0...999))
                appendEvent(subscription: sub, metric: metric, timestampMillis: ts, createdAt: ts / 1000 + 2,
                            value: seededValue(metric: metric, &rng), dimension: metrics[metric].filter == nil ? -1 : rng.int(0...2), transactionId: nil)
            }
        }
    }

    func seededValue(metric: Int, _ rng: inout SplitMix64) -> Int64 {
        switch metrics[metric].aggregation {
        case .count: 100
        case .sum: Int64(rng.int(1...50_000))
        case .max: Int64(rng.int(1...64)) * 100
        case .uniqueCount: Int64(rng.int(1...25))
        }
    }

    @discardableResult
    mutating func appendEvent(subscription sub: Int, metric: Int, timestampMillis: Int64, createdAt: Int64, value: Int64, dimension: Int, transactionId: String?) -> Int {
        let e = events.count
        events.append(EventRecord(subscription: Int32(sub), metric: Int16(metric), timestampMillis: timestampMillis, createdAt: createdAt,
                                  valueHundredths: value, dimension: Int16(dimension), transactionId: transactionId))
        eventsBySubscription[sub].append(Int32(e))
        if let transactionId { eventByTransactionId[transactionId] = Int32(e) }
        return e
    }
}

extension String {
    /// `cust_000042`: external ids sort and read naturally.
    static func customerExternalId(_ value: Int) -> String {
        let digits = (value + 1).description
        return "cust_" + String(repeating: "0", count: Swift.max(0, 6 - digits.count)) + digits
    }
}
