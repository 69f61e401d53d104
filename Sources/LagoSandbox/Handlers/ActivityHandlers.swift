/// `GET /activity_logs` and `GET /activity_logs/{activity_id}` (BEHAVIOUR.md C6): premium only,
/// the index limited to the last 30 days (the organization's default retention), newest first;
/// every filter read as a scalar or an array, unknown values matching nothing.
enum ActivityHandlers {
    static let routes: [Route] = [
        Route("GET", "activity_logs", index),
        Route("GET", "activity_logs/:activity_id", show),
    ]

    static let retentionDays: Int64 = 30

    static func index(_ store: inout SandboxStore, _ ctx: HandlerContext) throws -> SandboxResponse {
        try store.requirePremium()
        let q = ctx.query
        let from = try q.scalar("from_date").map { try timestamp($0) }
        let to = try q.scalar("to_date").map { try timestamp($0) }
        let types = q.scalarOrArray("activity_types").map(Set.init)
        let sources = q.scalarOrArray("activity_sources").map(Set.init)
        let emails = q.scalarOrArray("user_emails").map(Set.init)
        let resourceIds = q.scalarOrArray("resource_ids").map(Set.init)
        let resourceTypes = q.scalarOrArray("resource_types").map(Set.init)
        let customer = q.scalar("external_customer_id")
        let subscription = q.scalar("external_subscription_id")
        let rows = store.activityLog(since: store.now - retentionDays * CivilTime.secondsPerDay).filter { _, record in
            if let from, record.loggedAt < from { return false }
            if let to, record.loggedAt > to { return false }
            if let types, !types.contains(record.type) { return false }
            if let sources, !sources.contains(record.source) { return false }
            if let emails, !emails.contains(record.userEmail ?? "\u{0}") { return false }
            if let resourceIds, !resourceIds.contains(record.resourceId) { return false }
            if let resourceTypes, !resourceTypes.contains(record.resourceType) { return false }
            if let customer, record.externalCustomerId != customer { return false }
            if let subscription, record.externalSubscriptionId != subscription { return false }
            return true
        }
        let snapshot = store
        return Pagination(q).response(key: "activity_logs", rows: Array(rows.indices)) { snapshot.activityJSON(id: rows[$0].id, rows[$0].record) }
    }

    static func show(_ store: inout SandboxStore, _ ctx: HandlerContext) throws -> SandboxResponse {
        try store.requirePremium()
        guard let id = store.ids.index(of: ctx.request.parameter("activity_id"), kind: .activityLog),
              let entry = store.activityLog(since: 0).first(where: { $0.id == id }) else {
            throw ApiError.notFound("activity_log_not_found")
        }
        return .json(.obj(["activity_log": store.activityJSON(id: entry.id, entry.record)]))
    }

    /// `DateTime.iso8601`: a full timestamp, or a bare date meaning midnight UTC. Anything
    /// else raises in Lago's query, unrescued: a 500.
    static func timestamp(_ text: String) throws -> Int64 {
        if let day = CivilTime.parseDate(text), text.count == 10 { return Int64(day) * CivilTime.secondsPerDay }
        guard let seconds = CivilTime.parseTimestamp(text) else { throw ApiError.internalError }
        return seconds
    }
}
