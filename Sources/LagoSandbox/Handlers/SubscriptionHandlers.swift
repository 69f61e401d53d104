/// `GET /subscriptions`, `GET /customers/{id}/subscriptions`, `GET /subscriptions/{external_id}`.
enum SubscriptionHandlers {
    static let routes: [Route] = [
        Route("GET", "subscriptions", { store, ctx in try list(&store, ctx, customer: nil) }),
        Route("GET", "customers/:external_customer_id/subscriptions", { store, ctx in
            try list(&store, ctx, customer: CustomerHandlers.customer(store, ctx))
        }),
        Route("GET", "subscriptions/:external_id", show),
    ]

    /// Status filter: absent or blank → active only; any unknown value → no status filter.
    static func statuses(_ q: QueryParameters) -> Set<SubscriptionStatus>? {
        guard let values = q.array("status")?.filter({ !$0.isEmpty }), !values.isEmpty else { return [.active] }
        let parsed = values.compactMap(SubscriptionStatus.init(rawValue:))
        return parsed.count == values.count ? Set(parsed) : nil
    }

    static func list(_ store: inout SandboxStore, _ ctx: HandlerContext, customer: Int?) throws -> SandboxResponse {
        let q = ctx.query
        let entities = try FilterSupport.billingEntities(q, store: store)
        let statuses = statuses(q)
        let planCode = q.scalar("plan_code")
        let currency = q.scalar("currency")
        let externalId = q.scalar("external_id")
        let overridden = q.boolean("overridden") == .value(true) || q.boolean("overriden") == .value(true)
        var candidates: [Int]
        if let customer {
            candidates = store.subscriptionsByCustomer[customer].map(Int.init)
        } else if let ext = q.scalar("external_customer_id") {
            candidates = store.customerIndex(externalId: ext).map { store.subscriptionsByCustomer[$0].map(Int.init) } ?? []
        } else {
            candidates = Array(store.subscriptions.indices)
        }
        let subs = store.subscriptions, plans = store.plans, customers = store.customers
        candidates = candidates.filter { i in
            let s = subs[i]
            if let statuses, !statuses.contains(s.status) { return false }
            if let planCode, plans[s.plan].code != planCode { return false }
            if let currency, plans[s.plan].currency.code != currency { return false }
            if let externalId, s.externalId != externalId { return false }
            if let entities, !entities.contains(customers[s.customer].billingEntity) { return false }
            return !overridden
        }
        candidates.sort { a, b in
            let x = subs[a], y = subs[b]
            if x.subscriptionAt != y.subscriptionAt { return x.subscriptionAt > y.subscriptionAt }
            if x.createdAt != y.createdAt { return x.createdAt > y.createdAt }
            return a < b
        }
        let snapshot = store
        return Pagination(q).response(key: "subscriptions", rows: candidates) { snapshot.subscriptionJSON($0) }
    }

    static func show(_ store: inout SandboxStore, _ ctx: HandlerContext) throws -> SandboxResponse {
        guard let s = store.findSubscription(externalId: ctx.request.parameter("external_id"), status: ctx.query.scalar("status")) else {
            throw ApiError.notFound("subscription_not_found")
        }
        return .json(.obj(["subscription": store.subscriptionJSON(s, extended: true)]))
    }
}

extension SandboxStore {
    /// `GET /subscriptions/{external_id}` lookup: status defaults to active; among several rows
    /// the server picks terminated_at DESC NULLS FIRST, started_at DESC.
    func findSubscription(externalId: String, status: String?) -> Int? {
        let wanted = SubscriptionStatus(rawValue: status ?? "active") ?? .active
        let rows = (subscriptionsByExternalId[externalId] ?? []).map(Int.init).filter { subscriptions[$0].status == wanted }
        return rows.sorted { a, b in
            let x = subscriptions[a], y = subscriptions[b]
            switch (x.terminatedAt, y.terminatedAt) {
            case (nil, .some): return true
            case (.some, nil): return false
            case let (.some(p), .some(q)) where p != q: return p > q
            default: return (x.startedAt ?? 0) > (y.startedAt ?? 0)
            }
        }.first
    }
}
