/// `GET /invoices`, `GET /customers/{id}/invoices`, `GET /invoices/{lago_id}`.
enum InvoiceHandlers {
    static let routes: [Route] = [
        Route("GET", "invoices", { store, ctx in try list(&store, ctx, customer: nil) }),
        Route("GET", "customers/:external_customer_id/invoices", { store, ctx in
            try list(&store, ctx, customer: CustomerHandlers.customer(store, ctx))
        }),
        Route("GET", "invoices/:lago_id", show),
    ]

    static let statusNames = InvoiceStatus.visible.map(\.rawValue)
    static let paymentStatusNames = PaymentStatus.allCases.map(\.rawValue)

    /// Builds the invoice predicate from Lago's whitelisted filters (422 on invalid enums).
    static func predicate(_ q: QueryParameters, store: SandboxStore, customerScoped: Bool) throws -> (Int) -> Bool {
        let entities = try FilterSupport.billingEntities(q, store: store)
        var statuses: Set<InvoiceStatus> = Set(InvoiceStatus.visible)
        if let values = q.array("statuses") ?? q.array("status") {
            try FilterSupport.validate(values, allowed: statusNames, name: q.array("statuses") != nil ? "statuses" : "status", isArray: true)
            statuses = Set(values.compactMap(InvoiceStatus.init(rawValue:)))
        } else if let value = q.scalar("status") ?? q.scalar("statuses") {
            try FilterSupport.validate([value], allowed: statusNames, name: "status", isArray: false)
            statuses = [InvoiceStatus(rawValue: value)!]
        }
        var paymentStatuses: Set<PaymentStatus>? = nil
        if let values = q.array("payment_statuses") ?? q.array("payment_status") {
            try FilterSupport.validate(values, allowed: paymentStatusNames, name: "payment_status", isArray: true)
            paymentStatuses = Set(values.compactMap(PaymentStatus.init(rawValue:)))
        } else if let value = q.scalar("payment_status") ?? q.scalar("payment_statuses") {
            try FilterSupport.validate([value], allowed: paymentStatusNames, name: "payment_status", isArray: false)
            paymentStatuses = [PaymentStatus(rawValue: value)!]
        }
        let overdue = try FilterSupport.boolean(q, "payment_overdue")
        let disputeLost = try FilterSupport.boolean(q, "payment_dispute_lost")
        let selfBilled = try FilterSupport.boolean(q, "self_billed")
        let partiallyPaid = try FilterSupport.boolean(q, "partially_paid")
        let types = q.scalarOrArray("invoice_type").map(Set.init)
        let currency = q.scalar("currency")
        let from = q.scalar("issuing_date_from").flatMap(CivilTime.parseDate)
        let to = q.scalar("issuing_date_to").flatMap(CivilTime.parseDate)
        let amountFrom = q.scalar("amount_from").flatMap { Int64($0) }
        let amountTo = q.scalar("amount_to").flatMap { Int64($0) }
        let metadata = q.metadata
        // Case-insensitive exact match; no seeded invoice carries a purchase order number.
        let purchaseOrder = q.scalar("purchase_order_number").map { $0.lowercased() }
        let term = q.scalar("search_term").flatMap { $0.isEmpty ? nil : $0.lowercased() }
        let termIsUUID = term.map(FilterSupport.isUUID) ?? false
        let invoices = store.invoices, customers = store.customers
        // Customer fields are matched once per customer, not once per invoice.
        var termCustomers = Set<Int32>()
        if let term, !customerScoped {
            for (c, customer) in customers.enumerated() where FilterSupport.ilike(customer.name, term) || FilterSupport.ilike(customer.firstname, term)
                || FilterSupport.ilike(customer.lastname, term) || FilterSupport.ilike(customer.externalId, term) || FilterSupport.ilike(customer.email, term) {
                termCustomers.insert(Int32(c))
            }
        }
        return { i in
            let invoice = invoices[i]
            guard statuses.contains(invoice.status) else { return false }
            if let paymentStatuses, !paymentStatuses.contains(invoice.paymentStatus) { return false }
            if let overdue, invoice.paymentOverdue != overdue { return false }
            if let disputeLost, (invoice.disputeLostAtMillis != nil) != disputeLost { return false }
            if selfBilled == true { return false }
            if let partiallyPaid, (invoice.totalPaidAmountCents > 0 && invoice.totalPaidAmountCents < invoice.totalAmountCents) != partiallyPaid { return false }
            if let types, !types.contains(invoice.type.rawValue) { return false }
            if purchaseOrder != nil { return false }
            let c = Int(invoice.customer)
            // Read single fields: copying a whole CustomerRecord retains ~20 strings per row.
            if let currency, customers[c].currency.code != currency { return false }
            if let from, Int(invoice.issuingDay) < from { return false }
            if let to, Int(invoice.issuingDay) > to { return false }
            if let amountFrom, invoice.totalAmountCents < amountFrom { return false }
            if let amountTo, invoice.totalAmountCents > amountTo { return false }
            if let entities, !entities.contains(customers[c].billingEntity) { return false }
            if !metadata.isEmpty {
                let pairs = store.invoiceMetadataPairs(i)
                if !FilterSupport.metadataMatches(metadata, pairs: pairs) { return false }
            }
            if let term {
                if termCustomers.contains(Int32(c)) { return true }
                if termIsUUID && store.invoiceId(i) == term { return true }
                if store.invoiceNumber(i).lowercased().contains(term) { return true }
                return termCustomers.contains(Int32(c))
            }
            return true
        }
    }

    static func list(_ store: inout SandboxStore, _ ctx: HandlerContext, customer: Int?) throws -> SandboxResponse {
        let q = ctx.query
        var customerFilter = customer
        if customerFilter == nil, let ext = q.scalar("external_customer_id") ?? q.scalar("customer_external_id") {
            // Unknown customer → empty list; deleted customers' invoices still show.
            guard let i = store.customerByExternalId[ext] else {
                return Pagination(q).response(key: "invoices", total: 0) { _ in [] }
            }
            customerFilter = i
        }
        let matches = try predicate(q, store: store, customerScoped: customerFilter != nil)
        let pagination = Pagination(q)
        let snapshot = store
        let render = { (i: Int32) in snapshot.invoiceJSON(Int(i), baseURL: ctx.rootURL) }
        if let customerFilter {
            let rows = store.invoicesByCustomer[customerFilter].filter { matches(Int($0)) }.sorted { store.invoiceSortsBefore($0, $1) }
            return pagination.response(key: "invoices", rows: rows, render: render)
        }
        if q.items.allSatisfy({ $0.name == "page" || $0.name == "per_page" }) {
            // Fast path: the default filter is every invoice (the sandbox never produces the
            // invisible statuses), already in list order.
            let order = store.invoiceOrder
            return pagination.response(key: "invoices", total: order.count) { range in order[range].map(render) }
        }
        // Scan storage order (sequential memory) and mark list positions, then read the marks in
        // list order: random access into a million records was the cost of a filtered page.
        var marks = [Bool](repeating: false, count: store.invoiceOrder.count)
        let positions = store.invoicePosition
        for i in store.invoices.indices where matches(i) { marks[Int(positions[i])] = true }
        let order = store.invoiceOrder
        let rows = marks.indices.compactMap { marks[$0] ? order[$0] : nil }
        return pagination.response(key: "invoices", rows: rows, render: render)
    }

    static func show(_ store: inout SandboxStore, _ ctx: HandlerContext) throws -> SandboxResponse {
        let i = try invoice(store, ctx)
        store.completePDFGeneration(i)
        return .json(.obj(["invoice": store.invoiceJSON(i, detail: true, baseURL: ctx.rootURL)]))
    }

    static func invoice(_ store: SandboxStore, _ ctx: HandlerContext) throws -> Int {
        guard let i = store.invoiceIndex(lagoId: ctx.request.parameter("lago_id")) else { throw ApiError.notFound("invoice_not_found") }
        return i
    }
}

extension SandboxStore {
    func invoiceMetadataPairs(_ i: Int) -> [(key: String, value: String)] {
        i % 7 == 3 ? [("po_reference", "PO-\(10_000 + i % 90_000)")] : []
    }

    /// A PDF requested earlier is ready by the time anyone looks again (generation "finished").
    mutating func completePDFGeneration(_ i: Int) {
        if invoices[i].pdfState == .generating {
            invoices[i].pdfState = .ready
        }
    }
}
