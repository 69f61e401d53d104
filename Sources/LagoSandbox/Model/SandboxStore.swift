/// All of the sandbox's state: the seeded catalog and records in compact arrays, plus the
/// indexes the list filters need. It is a value type mutated in place behind one lock.
struct SandboxStore: Sendable {
    let seed: UInt64
    let ids: SandboxID
    /// Unix seconds when the data was generated; the seeded data is laid out around it.
    let generatedAt: Int64
    /// The sandbox's clock; advances with real time so live events and actions get fresh stamps.
    var now: Int64
    var today: Int { Int(now / CivilTime.secondsPerDay) }

    var billingEntities: [BillingEntityRecord] = []
    var taxes: [TaxRecord] = []
    var metrics: [BillableMetricRecord] = []
    var charges: [ChargeRecord] = []
    var plans: [PlanRecord] = []
    var coupons: [CouponRecord] = []
    var addOns: [AddOnRecord] = []

    var customers: [CustomerRecord] = []
    var subscriptions: [SubscriptionRecord] = []
    var invoices: [InvoiceRecord] = []
    var payments: [PaymentRecord] = []
    var creditNotes: [CreditNoteRecord] = []
    var wallets: [WalletRecord] = []
    var walletTransactions: [WalletTransactionRecord] = []
    var events: [EventRecord] = []
    var apiLogs: [ApiLogRecord] = []
    /// Invoices taxed at more than one rate or discounted by a named coupon (the statement invoice).
    var invoiceDetails: [Int32: InvoiceDetail] = [:]
    /// A premium (licensed) organization; without it the premium-only endpoints answer 403.
    var premium = true
    /// Activity the sandbox's own actions logged (`GET /activity_logs`), oldest first.
    var activities: [ActivityRecord] = []
    /// Payment requests, seeded first (`seededPaymentRequests` of them), then created ones.
    var paymentRequests: [PaymentRequestRecord] = []
    var seededPaymentRequests = 0

    // Indexes.
    var customerByExternalId: [String: Int] = [:]
    var subscriptionsByCustomer: [[Int32]] = []
    var subscriptionsByExternalId: [String: [Int32]] = [:]
    var invoicesByCustomer: [[Int32]] = []
    /// Every invoice in list order: issuing_date DESC, created_at DESC, index ASC.
    var invoiceOrder: [Int32] = []
    var paymentsByInvoice: [Int32: [Int32]] = [:]
    var creditNotesByInvoice: [Int32: [Int32]] = [:]
    var walletsByCustomer: [[Int32]] = []
    var transactionsByWallet: [[Int32]] = []
    var eventsBySubscription: [[Int32]] = []
    /// Every event in list order: timestamp DESC, then transaction id.
    var eventOrder: [Int32] = []
    var eventByTransactionId: [String: Int32] = [:]
    /// Seeded events whose JSON departs from their record (`SandboxStore+UsageDiagnostics`).
    var eventQuirks: [Int32: EventQuirk] = [:]
    var invoiceSequenceByCustomer: [Int32] = []
    var creditNoteSequence: Int32 = 0

    /// Position of each invoice in `invoiceOrder` (lets filters scan storage order sequentially).
    var invoicePosition: [Int32] = []
    /// Serialised fragments of records that never change after seeding (customers).
    let renderCache = RenderCache()

    /// Mutations applied per record (`"invoice:<lago_id>"` → count), read by the control endpoint.
    var mutationsByRecord: [String: Int] = [:]

    init(seed: UInt64, customers: Int, now: Int64) {
        self.seed = seed
        self.ids = SandboxID(seed: seed)
        self.generatedAt = now
        self.now = now
        seedCatalog()
        seedCustomers(count: customers)
        seedStatementInvoice()
        buildOrders()
        seedPaymentRequests()
    }

    mutating func recordMutation(_ kind: String, _ id: String) {
        mutationsByRecord["\(kind):\(id)", default: 0] += 1
    }

    // MARK: - Lookups

    func customerIndex(externalId: String) -> Int? {
        guard let i = customerByExternalId[externalId], !customers[i].deleted else { return nil }
        return i
    }

    func invoiceIndex(lagoId: String) -> Int? {
        guard let i = ids.index(of: lagoId, kind: .invoice), i < invoices.count else { return nil }
        return i
    }

    func walletIndex(lagoId: String) -> Int? {
        guard let i = ids.index(of: lagoId, kind: .wallet), i < wallets.count else { return nil }
        return i
    }

    func subscriptionId(_ i: Int) -> String { ids.make(.subscription, i) }
    func customerId(_ i: Int) -> String { ids.make(.customer, i) }
    func invoiceId(_ i: Int) -> String { ids.make(.invoice, i) }

    // MARK: - Ordering

    func invoiceSortsBefore(_ a: Int32, _ b: Int32) -> Bool {
        let x = invoices[Int(a)], y = invoices[Int(b)]
        if x.issuingDay != y.issuingDay { return x.issuingDay > y.issuingDay }
        if x.createdAt != y.createdAt { return x.createdAt > y.createdAt }
        return a < b
    }

    func eventSortsBefore(_ a: Int32, _ b: Int32) -> Bool {
        let x = events[Int(a)], y = events[Int(b)]
        if x.timestampMillis != y.timestampMillis { return x.timestampMillis > y.timestampMillis }
        return eventTransactionId(Int(a)) < eventTransactionId(Int(b))
    }

    mutating func buildOrders() {
        var order = Array(0..<Int32(invoices.count))
        let invoices = self.invoices
        order.sort { a, b in
            let x = invoices[Int(a)], y = invoices[Int(b)]
            if x.issuingDay != y.issuingDay { return x.issuingDay > y.issuingDay }
            if x.createdAt != y.createdAt { return x.createdAt > y.createdAt }
            return a < b
        }
        invoiceOrder = order
        rebuildInvoicePositions()
        var events = Array(0..<Int32(self.events.count))
        let keys = self.events.map { $0.timestampMillis }
        defer { eventOrder = events }
        events.sort { a, b in
            let x = keys[Int(a)], y = keys[Int(b)]
            return x != y ? x > y : a < b
        }
    }

    /// Puts invoice `i` at its place in `invoiceOrder` (after creation or an issuing-date change).
    mutating func reorderInvoice(_ i: Int) {
        let id = Int32(i)
        if let existing = invoiceOrder.firstIndex(of: id) { invoiceOrder.remove(at: existing) }
        var low = 0, high = invoiceOrder.count
        while low < high {
            let mid = (low + high) / 2
            if invoiceSortsBefore(invoiceOrder[mid], id) { low = mid + 1 } else { high = mid }
        }
        invoiceOrder.insert(id, at: low)
        rebuildInvoicePositions()
    }

    mutating func rebuildInvoicePositions() {
        var positions = [Int32](repeating: 0, count: invoices.count)
        for (position, i) in invoiceOrder.enumerated() { positions[Int(i)] = Int32(position) }
        invoicePosition = positions
    }

    mutating func insertEventInOrder(_ i: Int) {
        let id = Int32(i)
        var low = 0, high = eventOrder.count
        while low < high {
            let mid = (low + high) / 2
            if eventSortsBefore(eventOrder[mid], id) { low = mid + 1 } else { high = mid }
        }
        eventOrder.insert(id, at: low)
    }

    func eventTransactionId(_ i: Int) -> String {
        events[i].transactionId ?? "txn_\(String(i, radix: 16))_\(String(SplitMix64.mix(seed ^ UInt64(i)) & 0xFFFFFF, radix: 36))"
    }

    /// Finds a seeded or posted event by transaction id.
    func eventIndex(transactionId: String) -> Int? {
        if let i = eventByTransactionId[transactionId] { return Int(i) }
        let parts = transactionId.split(separator: "_")
        guard parts.count == 3, parts[0] == "txn", let i = Int(parts[1], radix: 16), i < events.count,
              events[i].transactionId == nil, eventTransactionId(i) == transactionId else { return nil }
        return i
    }
}
