/// Fees, payments and credit notes.
enum LedgerHandlers {
    static let routes: [Route] = [
        Route("GET", "fees", fees),
        Route("GET", "fees/:lago_id", fee),
        Route("GET", "payments", { store, ctx in try payments(&store, ctx, customer: nil) }),
        Route("GET", "customers/:external_customer_id/payments", { store, ctx in
            try payments(&store, ctx, customer: CustomerHandlers.customer(store, ctx))
        }),
        Route("GET", "payments/:lago_id", payment),
        Route("GET", "credit_notes", { store, ctx in try creditNotes(&store, ctx, customer: nil) }),
        Route("GET", "customers/:external_customer_id/credit_notes", { store, ctx in
            try creditNotes(&store, ctx, customer: CustomerHandlers.customer(store, ctx))
        }),
        Route("GET", "credit_notes/:lago_id", creditNote),
    ]

    static let feeTypes = FeeType.allCases.map(\.rawValue)
    static let feePaymentStatuses = ["pending", "succeeded", "failed", "refunded"]

    /// `GET /fees`: oldest first; invalid `fee_type`/`payment_status` → 422 `value_is_invalid`,
    /// invalid dates → 422 `invalid_date`.
    static func fees(_ store: inout SandboxStore, _ ctx: HandlerContext) throws -> SandboxResponse {
        let q = ctx.query
        let feeType = q.scalar("fee_type")
        if let feeType, !feeTypes.contains(feeType) { throw ApiError.validation([("fee_type", ["value_is_invalid"])]) }
        let paymentStatus = q.scalar("payment_status")
        if let paymentStatus, !feePaymentStatuses.contains(paymentStatus) { throw ApiError.validation([("payment_status", ["value_is_invalid"])]) }
        var bounds: [String: Int64] = [:]
        for name in ["created_at_from", "created_at_to", "succeeded_at_from", "succeeded_at_to", "failed_at_from", "failed_at_to", "refunded_at_from", "refunded_at_to"] {
            guard let text = q.scalar(name) else { continue }
            guard let value = CivilTime.parseTimestamp(text) else { throw ApiError.validation([(name, ["invalid_date"])]) }
            bounds[name] = value
        }
        let currency = q.scalar("currency")?.uppercased()
        let metricCode = q.scalar("billable_metric_code")
        let externalSubscription = q.scalar("external_subscription_id")
        if let eventTransaction = q.scalar("event_transaction_id") { return EventFeeHandlers.fees(store, transactionId: eventTransaction, q) }
        var invoiceRows: [Int]
        if let ext = q.scalar("external_customer_id") {
            invoiceRows = store.customerByExternalId[ext].map { store.invoicesByCustomer[$0].map(Int.init) } ?? []
        } else {
            invoiceRows = Array(store.invoices.indices)
        }
        let invoices = store.invoices
        invoiceRows = invoiceRows.filter { i in
            let invoice = invoices[i]
            if invoice.status == .draft { return false }
            if let currency, store.customers[Int(invoice.customer)].currency.code != currency { return false }
            if let externalSubscription, invoice.subscription < 0 || store.subscriptions[Int(invoice.subscription)].externalId != externalSubscription { return false }
            if let from = bounds["created_at_from"], invoice.createdAt < from { return false }
            if let to = bounds["created_at_to"], invoice.createdAt > to { return false }
            let settled = invoice.updatedAt
            if bounds["succeeded_at_from"] != nil || bounds["succeeded_at_to"] != nil {
                guard invoice.paymentStatus == .succeeded, settled >= bounds["succeeded_at_from"] ?? .min, settled <= bounds["succeeded_at_to"] ?? .max else { return false }
            }
            if bounds["failed_at_from"] != nil || bounds["failed_at_to"] != nil {
                guard invoice.paymentStatus == .failed, settled >= bounds["failed_at_from"] ?? .min, settled <= bounds["failed_at_to"] ?? .max else { return false }
            }
            if bounds["refunded_at_from"] != nil || bounds["refunded_at_to"] != nil || paymentStatus == "refunded" { return false }
            if let paymentStatus, invoice.paymentStatus.rawValue != paymentStatus { return false }
            return true
        }
        invoiceRows.sort { invoices[$0].createdAt != invoices[$1].createdAt ? invoices[$0].createdAt < invoices[$1].createdAt : $0 < $1 }
        let needsLines = feeType != nil || metricCode != nil
        var rows: [(invoice: Int, position: Int)] = []
        for i in invoiceRows {
            if needsLines {
                for line in store.feeLines(invoice: i) {
                    if let feeType, line.type.rawValue != feeType { continue }
                    if let metricCode, line.charge.map({ store.metrics[store.charges[$0].metric].code }) != metricCode { continue }
                    rows.append((i, line.position))
                }
            } else {
                for position in 0..<store.feeCount(invoice: i) { rows.append((i, position)) }
            }
        }
        let snapshot = store
        return Pagination(q).response(key: "fees", rows: rows) { row in
            let line = snapshot.feeLines(invoice: row.invoice)[row.position]
            return snapshot.feeJSON(invoice: row.invoice, line: line, includeTaxes: true)
        }
    }

    static func fee(_ store: inout SandboxStore, _ ctx: HandlerContext) throws -> SandboxResponse {
        guard let index = store.ids.index(of: ctx.request.parameter("lago_id"), kind: .fee) else { throw ApiError.notFound("fee_not_found") }
        if let perEvent = EventFeeHandlers.fee(store, index: index) { return perEvent }
        let i = index / 8, position = index % 8
        guard i < store.invoices.count, position < store.feeCount(invoice: i) else { throw ApiError.notFound("fee_not_found") }
        return .json(.obj(["fee": store.feeJSON(invoice: i, line: store.feeLines(invoice: i)[position], includeTaxes: true)]))
    }

    /// `GET /payments`: `invoice_id` must be a UUID (422 otherwise); newest first.
    static func payments(_ store: inout SandboxStore, _ ctx: HandlerContext, customer: Int?) throws -> SandboxResponse {
        let q = ctx.query
        var invoiceFilter: Int32? = nil
        if let invoiceId = q.scalar("invoice_id") {
            guard FilterSupport.isUUID(invoiceId) else { throw ApiError.validation([("invoice_id", ["invalid_uuid"])]) }
            invoiceFilter = store.ids.index(of: invoiceId, kind: .invoice).map(Int32.init) ?? -1
        }
        var customerFilter = customer.map(Int32.init)
        if customerFilter == nil, let ext = q.scalar("external_customer_id") {
            customerFilter = store.customerByExternalId[ext].map(Int32.init) ?? -1
        }
        let payments = store.payments, invoices = store.invoices
        var rows: [Int]
        if let invoiceFilter {
            rows = (store.paymentsByInvoice[invoiceFilter] ?? []).map(Int.init)
        } else {
            rows = Array(payments.indices)
        }
        if let customerFilter { rows = rows.filter { invoices[Int(payments[$0].invoice)].customer == customerFilter } }
        rows.sort { payments[$0].createdAt != payments[$1].createdAt ? payments[$0].createdAt > payments[$1].createdAt : $0 < $1 }
        let snapshot = store
        return Pagination(q).response(key: "payments", rows: rows) { snapshot.paymentJSON($0) }
    }

    static func payment(_ store: inout SandboxStore, _ ctx: HandlerContext) throws -> SandboxResponse {
        guard let p = store.ids.index(of: ctx.request.parameter("lago_id"), kind: .payment), p < store.payments.count else {
            throw ApiError.notFound("payment_not_found")
        }
        return .json(.obj(["payment": store.paymentJSON(p)]))
    }

    /// `GET /credit_notes`: finalized notes only; invalid enum values are dropped silently.
    static func creditNotes(_ store: inout SandboxStore, _ ctx: HandlerContext, customer: Int?) throws -> SandboxResponse {
        let q = ctx.query
        let entities = try FilterSupport.billingEntities(q, store: store)
        var customerFilter = customer.map(Int32.init)
        if customerFilter == nil, let ext = q.scalar("external_customer_id") {
            customerFilter = store.customerByExternalId[ext].map(Int32.init) ?? -1
        }
        func set<T: RawRepresentable>(_ name: String, _ type: T.Type) -> Set<String>? where T.RawValue == String {
            guard let values = q.scalarOrArray(name)?.filter({ T(rawValue: $0) != nil }), !values.isEmpty else { return nil }
            return Set(values)
        }
        let reasons = set("reason", CreditNoteReason.self)
        let creditStatuses = set("credit_status", CreditStatus.self)
        let refundStatuses = set("refund_status", RefundStatus.self)
        let types = q.scalarOrArray("types")?.filter { ["credit", "refund", "offset"].contains($0) }
        let currency = q.scalar("currency")
        let invoiceNumber = q.scalar("invoice_number")
        // No seeded credit note carries a purchase order number.
        let purchaseOrder = q.scalar("purchase_order_number")
        let from = q.scalar("issuing_date_from").flatMap(CivilTime.parseDate)
        let to = q.scalar("issuing_date_to").flatMap(CivilTime.parseDate)
        let amountFrom = q.scalar("amount_from").flatMap { Int64($0) }
        let amountTo = q.scalar("amount_to").flatMap { Int64($0) }
        let selfBilled = q.boolean("self_billed")
        let term = q.scalar("search_term").flatMap { $0.isEmpty ? nil : $0.lowercased() }
        let notes = store.creditNotes
        var rows = notes.indices.filter { n in
            let note = notes[n]
            let invoice = store.invoices[Int(note.invoice)]
            let customer = store.customers[Int(invoice.customer)]
            if let customerFilter, invoice.customer != customerFilter { return false }
            if let entities, !entities.contains(customer.billingEntity) { return false }
            if let reasons, !reasons.contains(note.reason.rawValue) { return false }
            if let creditStatuses, !creditStatuses.contains(note.creditStatus?.rawValue ?? "") { return false }
            if let refundStatuses, !refundStatuses.contains(note.refundStatus?.rawValue ?? "") { return false }
            if let types, !types.isEmpty {
                let matches = (types.contains("credit") && note.creditAmountCents > 0) || (types.contains("refund") && note.refundAmountCents > 0)
                if !matches { return false }
            }
            if let currency, customer.currency.code != currency { return false }
            if let invoiceNumber, store.invoiceNumber(Int(note.invoice)) != invoiceNumber { return false }
            if purchaseOrder != nil { return false }
            if let from, Int(note.issuingDay) < from { return false }
            if let to, Int(note.issuingDay) > to { return false }
            let total = note.creditAmountCents + note.refundAmountCents
            if let amountFrom, total < amountFrom { return false }
            if let amountTo, total > amountTo { return false }
            if selfBilled == .value(true) { return false }
            if let term {
                return store.creditNoteNumber(n).lowercased().contains(term) || store.ids.make(.creditNote, n) == term
                    || FilterSupport.ilike(customer.name, term) || FilterSupport.ilike(customer.externalId, term) || FilterSupport.ilike(customer.email, term)
            }
            return true
        }
        rows.sort { notes[$0].createdAt != notes[$1].createdAt ? notes[$0].createdAt > notes[$1].createdAt : $0 < $1 }
        let snapshot = store
        return Pagination(q).response(key: "credit_notes", rows: rows) { snapshot.creditNoteJSON($0) }
    }

    static func creditNote(_ store: inout SandboxStore, _ ctx: HandlerContext) throws -> SandboxResponse {
        guard let n = store.ids.index(of: ctx.request.parameter("lago_id"), kind: .creditNote), n < store.creditNotes.count else {
            throw ApiError.notFound("credit_note_not_found")
        }
        return .json(.obj(["credit_note": store.creditNoteJSON(n)]))
    }
}
