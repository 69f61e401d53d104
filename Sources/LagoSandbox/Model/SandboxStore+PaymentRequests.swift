/// A payment request (manual dunning, BEHAVIOUR.md C1): one customer's overdue invoices in one
/// currency, the amount they still owe, the address the request goes to and its payment outcome.
struct PaymentRequestRecord: Sendable {
    var customer: Int32
    var invoices: [Int32]
    var email: String?
    var amountCents: Int64
    var currency: SandboxCurrency
    /// `pending` until the provider's charge, then `succeeded` or `failed`.
    var status: PaymentStatus
    var createdAt: Int64
}

extension SandboxStore {
    /// Why `POST /payment_requests` refuses, in the order `create_service.rb:61-90` checks.
    func paymentRequestRefusal(customer c: Int, invoices chosen: [Int]) -> ApiError? {
        guard !chosen.isEmpty else { return .notFound("invoice_not_found") }
        if chosen.contains(where: { !invoices[$0].paymentOverdue }) { return .notAllowed("invoices_not_overdue") }
        let currencies = Set(chosen.map { customers[Int(invoices[$0].customer)].currency.code })
        if currencies.count > 1 { return .notAllowed("invoices_have_different_currencies") }
        let entities = Set(chosen.map { customers[Int(invoices[$0].customer)].billingEntity })
        if entities.count > 1 { return .notAllowed("invoices_have_different_billing_entities") }
        // The sandbox's provider charges synchronously, so no payment is ever in flight and
        // `invoices_not_ready_for_payment_processing` cannot arise.
        return nil
    }

    /// Stores a request for customer `c`'s `chosen` invoices (already checked): pending, for
    /// what they still owe (the sandbox issues no offsetting credit notes). The invoices are
    /// not modified. Returns the request's index.
    mutating func addPaymentRequest(customer c: Int, invoices chosen: [Int], email: String?, at time: Int64) -> Int {
        let owed = chosen.reduce(Int64(0)) { $0 + invoices[$1].totalAmountCents - invoices[$1].totalPaidAmountCents }
        paymentRequests.append(PaymentRequestRecord(
            customer: Int32(c), invoices: chosen.map(Int32.init), email: email, amountCents: owed,
            currency: customers[Int(invoices[chosen[0]].customer)].currency, status: .pending, createdAt: time))
        return paymentRequests.count - 1
    }

    /// What happens after the request is committed (`payments/create_service.rb`): with a
    /// payment provider the amount is charged (a nothing-owed request succeeds at once) and
    /// the outcome applied to the request and to each invoice; without one Lago emails the
    /// customer and nothing changes here.
    mutating func chargePaymentRequest(_ r: Int) {
        let request = paymentRequests[r]
        let c = Int(request.customer)
        guard customers[c].paymentProvider != nil else { return }
        let status: PaymentStatus = request.amountCents <= 0 || !customers[c].cardFails ? .succeeded : .failed
        if request.amountCents > 0 {
            payments.append(PaymentRecord(invoice: request.invoices[0], amountCents: request.amountCents, status: status,
                                          createdAt: now, paymentRequest: Int32(r)))
            for i in request.invoices { paymentsByInvoice[i, default: []].append(Int32(payments.count - 1)) }
        }
        paymentRequests[r].status = status
        for i in request.invoices.map(Int.init) {
            invoices[i].paymentAttempts += 1
            setPaymentStatus(invoice: i, status)
            recordMutation("invoice", invoiceId(i))
        }
        recordMutation("payment_request", ids.make(.paymentRequest, r))
    }

    /// `V1::PaymentRequestSerializer` with the `customer` and `invoices` includes every action
    /// passes: the bare customer and bare invoices.
    func paymentRequestJSON(_ r: Int, baseURL: String) -> JSON {
        let request = paymentRequests[r]
        return .obj([
            "lago_id": .string(ids.make(.paymentRequest, r)),
            "amount_cents": .int(request.amountCents),
            "amount_currency": .string(request.currency.code),
            "email": .str(request.email),
            "payment_status": .string(request.status.rawValue),
            "created_at": .string(CivilTime.timestamp(request.createdAt)),
            "customer": customerJSON(Int(request.customer), includes: []),
            "invoices": .array(request.invoices.map { invoiceJSON(Int($0), bare: true, baseURL: baseURL) }),
        ])
    }

    /// Requests in list order: created_at DESC, index ASC (`payment_requests_query.rb:15`).
    var paymentRequestOrder: [Int] {
        paymentRequests.indices.sorted {
            paymentRequests[$0].createdAt != paymentRequests[$1].createdAt
                ? paymentRequests[$0].createdAt > paymentRequests[$1].createdAt : $0 < $1
        }
    }

    /// The `payment_request.created` activity of request `r` (what the webhook carries, flattened).
    func paymentRequestActivity(_ r: Int) -> ActivityRecord {
        let request = paymentRequests[r]
        return ActivityRecord(type: "payment_request.created", source: "api", resourceType: "PaymentRequest",
                              resourceId: ids.make(.paymentRequest, r), object: Self.flatten(paymentRequestJSON(r, baseURL: "")),
                              changes: [], externalCustomerId: customers[Int(request.customer)].externalId,
                              externalSubscriptionId: nil, userEmail: nil, loggedAt: request.createdAt)
    }
}
