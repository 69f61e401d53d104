import Foundation

/// Payment requests (BEHAVIOUR.md C1): `POST /payment_requests` asks a customer to pay their
/// overdue invoices (premium only; refusals 404/405 in Lago's order), the lists are not gated.
/// `GET /payment_requests` answers an empty list for an unknown customer while the
/// customer-scoped route answers 404 `customer_not_found`.
enum PaymentRequestHandlers {
    static let routes: [Route] = [
        Route("POST", "payment_requests", create),
        Route("GET", "payment_requests", { store, ctx in try index(store, ctx, customer: ctx.query.scalar("external_customer_id").map { .external($0) }) }),
        Route("GET", "payment_requests/:lago_id", show),
        Route("GET", "customers/:external_customer_id/payment_requests", { store, ctx in
            try index(store, ctx, customer: .index(CustomerHandlers.customer(store, ctx)))
        }),
    ]

    /// How a list is narrowed to one customer: by the filter's external id (deleted customers
    /// included, unknown ones matching nothing) or by the route's resolved customer.
    enum CustomerScope {
        case external(String)
        case index(Int)
    }

    static func create(_ store: inout SandboxStore, _ ctx: HandlerContext) throws -> SandboxResponse {
        let root: [String: Any]
        do {
            root = try JSONSerialization.jsonObject(with: Data(ctx.request.body)) as? [String: Any] ?? [:]
        } catch {
            throw ApiError.malformedBody
        }
        guard let params = root["payment_request"] as? [String: Any] else { throw ApiError.badRequest(root: "payment_request") }
        try store.requirePremium()
        guard let external = params["external_customer_id"] as? String, let c = store.customerIndex(externalId: external) else {
            throw ApiError.notFound("customer_not_found")
        }
        // `permit(lago_invoice_ids: [])`: a scalar is dropped; ids of other customers, unknown
        // or deleted invoices match nothing.
        let wanted = Set((params["lago_invoice_ids"] as? [Any] ?? []).compactMap { $0 as? String })
        let chosen = store.invoicesByCustomer[c].map(Int.init).filter { wanted.contains(store.invoiceId($0)) }
        if let refusal = store.paymentRequestRefusal(customer: c, invoices: chosen) { throw refusal }
        let email = (params["email"] as? String) ?? store.customers[c].email
        let r = store.addPaymentRequest(customer: c, invoices: chosen, email: email, at: store.now)
        store.recordMutation("payment_request", store.ids.make(.paymentRequest, r))
        store.activities.append(store.paymentRequestActivity(r))
        // The answer is rendered in the request's transaction; the charge runs after commit.
        let response = SandboxResponse.json(.obj(["payment_request": store.paymentRequestJSON(r, baseURL: ctx.rootURL)]))
        store.chargePaymentRequest(r)
        return response
    }

    static func index(_ store: SandboxStore, _ ctx: HandlerContext, customer: CustomerScope?) throws -> SandboxResponse {
        let q = ctx.query
        let entities = try FilterSupport.billingEntities(q, store: store)
        let status = q.scalar("payment_status")
        let currency = q.scalar("currency")
        let rows = store.paymentRequestOrder.filter { r in
            let request = store.paymentRequests[r]
            switch customer {
            case .external(let id)?: if store.customers[Int(request.customer)].externalId != id { return false }
            case .index(let c)?: if Int(request.customer) != c { return false }
            case nil: break
            }
            if let status, !matches(request.status, status) { return false }
            if let currency, request.currency.code != currency { return false }
            if let entities, !request.invoices.contains(where: { entities.contains(store.customers[Int(store.invoices[Int($0)].customer)].billingEntity) }) {
                return false
            }
            return true
        }
        return Pagination(q).response(key: "payment_requests", rows: rows) { store.paymentRequestJSON($0, baseURL: ctx.rootURL) }
    }

    /// Rails' enum cast: the name, or the integer index (`"1"` = succeeded); anything else matches nothing.
    static func matches(_ status: PaymentStatus, _ text: String) -> Bool {
        let names = ["pending", "succeeded", "failed"]
        if let n = Int(text) { return names.indices.contains(n) && names[n] == status.rawValue }
        return text == status.rawValue
    }

    static func show(_ store: inout SandboxStore, _ ctx: HandlerContext) throws -> SandboxResponse {
        guard let r = store.ids.index(of: ctx.request.parameter("lago_id"), kind: .paymentRequest), r < store.paymentRequests.count else {
            throw ApiError.notFound("payment_request_not_found")
        }
        return .json(.obj(["payment_request": store.paymentRequestJSON(r, baseURL: ctx.rootURL)]))
    }
}
