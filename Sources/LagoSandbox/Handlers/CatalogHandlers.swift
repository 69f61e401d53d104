/// Catalog endpoints: billable metrics, plans, coupons, add-ons, taxes (paginated, no filters)
/// and billing entities (no pagination, no meta).
enum CatalogHandlers {
    static let routes: [Route] = [
        Route("GET", "billable_metrics", { store, ctx in
            paged(ctx, "billable_metrics", newestFirst(store.metrics.map(\.createdAt))) { store.billableMetricJSON($0, counters: true) }
        }),
        Route("GET", "billable_metrics/:code", { store, ctx in
            try byCode(ctx, store.metrics.map(\.code), "billable_metric") { store.billableMetricJSON($0, counters: false) }
        }),
        Route("GET", "plans", { store, ctx in paged(ctx, "plans", newestFirst(store.plans.map(\.createdAt))) { store.planJSON($0, includes: .list) } }),
        Route("GET", "plans/:code", { store, ctx in try byCode(ctx, store.plans.map(\.code), "plan") { store.planJSON($0, includes: .show) } }),
        Route("GET", "coupons", { store, ctx in paged(ctx, "coupons", store.couponOrder, store.couponJSON) }),
        Route("GET", "coupons/:code", { store, ctx in try byCode(ctx, store.coupons.map(\.code), "coupon", store.couponJSON) }),
        Route("GET", "add_ons", { store, ctx in paged(ctx, "add_ons", newestFirst(store.addOns.map(\.createdAt)), store.addOnJSON) }),
        Route("GET", "add_ons/:code", { store, ctx in try byCode(ctx, store.addOns.map(\.code), "add_on", store.addOnJSON) }),
        Route("GET", "taxes", { store, ctx in paged(ctx, "taxes", newestFirst(store.taxes.map(\.createdAt))) { store.taxJSON($0, withBillingEntities: true) } }),
        Route("GET", "taxes/:code", { store, ctx in try byCode(ctx, store.taxes.map(\.code), "tax") { store.taxJSON($0, withBillingEntities: true) } }),
        Route("GET", "billing_entities", { store, _ in
            .json(.obj(["billing_entities": .array(store.billingEntities.indices.map { store.billingEntityJSON($0) })]))
        }),
        Route("GET", "billing_entities/:code", { store, ctx in
            try byCode(ctx, store.billingEntities.map(\.code), "billing_entity") { b in
                store.billingEntityJSON(b, detail: true)
            }
        }),
    ]

    /// Indexes ordered created_at DESC, index ASC.
    static func newestFirst(_ createdAt: [Int64]) -> [Int] {
        createdAt.indices.sorted { createdAt[$0] != createdAt[$1] ? createdAt[$0] > createdAt[$1] : $0 < $1 }
    }

    static func paged(_ ctx: HandlerContext, _ key: String, _ rows: [Int], _ render: (Int) -> JSON) -> SandboxResponse {
        Pagination(ctx.query).response(key: key, rows: rows, render: render)
    }

    static func byCode(_ ctx: HandlerContext, _ codes: [String], _ root: String, _ render: (Int) -> JSON) throws -> SandboxResponse {
        guard let i = codes.firstIndex(of: ctx.request.parameter("code")) else { throw ApiError.notFound("\(root)_not_found") }
        return .json(.obj([root: render(i)]))
    }
}

extension SandboxStore {
    /// Coupons: active before terminated, then no-expiration before time-limited, then
    /// expiration_at ASC, then created_at DESC.
    var couponOrder: [Int] {
        coupons.indices.sorted { a, b in
            let x = coupons[a], y = coupons[b]
            if (x.terminatedAt == nil) != (y.terminatedAt == nil) { return x.terminatedAt == nil }
            if (x.expirationAt == nil) != (y.expirationAt == nil) { return x.expirationAt == nil }
            if let p = x.expirationAt, let q = y.expirationAt, p != q { return p < q }
            return x.createdAt != y.createdAt ? x.createdAt > y.createdAt : a < b
        }
    }
}
