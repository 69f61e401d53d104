/// The seed's dunning history (issue 16): the demo's first overdue customers were each asked
/// to pay their overdue invoices a few days after the last one fell due. For a customer with a
/// payment provider the request's charge failed, as their invoices' own payments did (they are
/// still failed and overdue); one without a provider was emailed and the request is pending. Their `payment_request.created` activity is derived from
/// these records like the rest of the seeded history.
extension SandboxStore {
    /// How many showcase customers get a seeded request.
    static let seededPaymentRequestCustomers = 3

    mutating func seedPaymentRequests() {
        let day = CivilTime.secondsPerDay
        for c in Self.showcaseIndexes(count: customers.count).reversed() {
            guard paymentRequests.count < Self.seededPaymentRequestCustomers else { break }
            let customer = customers[c]
            let overdue = invoicesByCustomer[c].map(Int.init).filter { invoices[$0].paymentOverdue }
            guard let lastDue = overdue.compactMap({ invoices[$0].dueDay }).max() else { continue }
            let asked = min(now - 3600, (Int64(lastDue) + 2 + Int64(paymentRequests.count)) * day + 10 * 3600)
            let r = addPaymentRequest(customer: c, invoices: overdue, email: customer.email, at: asked)
            guard customer.paymentProvider != nil else { continue }
            paymentRequests[r].status = .failed
            payments.append(PaymentRecord(invoice: Int32(overdue[0]), amountCents: paymentRequests[r].amountCents, status: .failed,
                                          createdAt: asked + 60, paymentRequest: Int32(r)))
            for i in overdue { paymentsByInvoice[Int32(i), default: []].append(Int32(payments.count - 1)) }
        }
        seededPaymentRequests = paymentRequests.count
    }
}
