import Foundation

/// Usage events: list, lookup by transaction id, ingestion, and `GET /api_logs`.
enum EventHandlers {
    static let routes: [Route] = [
        Route("GET", "events", list),
        Route("GET", "events/:transaction_id", show),
        Route("POST", "events", create),
        Route("GET", "api_logs", apiLogs),
        Route("GET", "api_logs/:request_id", apiLog),
    ]

    /// Filters `code`, `external_subscription_id`, `timestamp_from/to` (invalid → 422
    /// `invalid_date`) and `timestamp_from_started_at`; newest first.
    static func list(_ store: inout SandboxStore, _ ctx: HandlerContext) throws -> SandboxResponse {
        let q = ctx.query
        let code = q.scalar("code")
        let external = q.scalar("external_subscription_id")
        var from: Int64? = nil, to: Int64? = nil
        if let text = q.scalar("timestamp_from") {
            guard let value = CivilTime.parseTimestamp(text) else { throw ApiError.validation([("timestamp_from", ["invalid_date"])]) }
            from = value * 1000
        }
        if let text = q.scalar("timestamp_to") {
            guard let value = CivilTime.parseTimestamp(text) else { throw ApiError.validation([("timestamp_to", ["invalid_date"])]) }
            to = value * 1000
        }
        let sinceStart = try FilterSupport.boolean(q, "timestamp_from_started_at") == true
        if sinceStart {
            guard external != nil else { throw ApiError.validation([("external_subscription_id", ["value_is_mandatory"])]) }
            guard from == nil else { throw ApiError.validation([("timestamp_from", ["cannot_be_combined_with_timestamp_from_started_at"])]) }
        }
        var subscriptionSet: Set<Int32>? = nil
        if let external {
            subscriptionSet = Set(store.subscriptionsByExternalId[external] ?? [])
            if sinceStart {
                let started = subscriptionSet!.compactMap { store.subscriptions[Int($0)].startedAt }.min()
                from = started.map { $0 * 1000 } ?? Int64.max
            }
        }
        let metric = code.map { code in store.metrics.firstIndex { $0.code == code } ?? -1 }
        let events = store.events
        let rows: [Int32]
        if code == nil && subscriptionSet == nil && from == nil && to == nil {
            rows = store.eventOrder
        } else if let subscriptionSet, subscriptionSet.count == 1 {
            rows = store.eventsBySubscription[Int(subscriptionSet.first!)].filter { e in
                let event = events[Int(e)]
                if let metric, Int(event.metric) != metric { return false }
                if let from, event.timestampMillis < from { return false }
                if let to, event.timestampMillis > to { return false }
                return true
            }.sorted { store.eventSortsBefore($0, $1) }
        } else {
            rows = store.eventOrder.filter { e in
                let event = events[Int(e)]
                if let subscriptionSet, !subscriptionSet.contains(event.subscription) { return false }
                if let metric, Int(event.metric) != metric { return false }
                if let from, event.timestampMillis < from { return false }
                if let to, event.timestampMillis > to { return false }
                return true
            }
        }
        let snapshot = store
        return Pagination(q).response(key: "events", rows: rows) { snapshot.eventJSON(Int($0)) }
    }

    static func show(_ store: inout SandboxStore, _ ctx: HandlerContext) throws -> SandboxResponse {
        guard let e = store.eventIndex(transactionId: ctx.request.parameter("transaction_id")) else { throw ApiError.notFound("event_not_found") }
        return .json(.obj(["event": store.eventJSON(e)]))
    }

    /// Ingests one event for an existing subscription. Duplicates of a transaction id on the same
    /// subscription are 422 `value_already_exist`.
    static func create(_ store: inout SandboxStore, _ ctx: HandlerContext) throws -> SandboxResponse {
        let object: [String: Any]
        do {
            object = try JSONSerialization.jsonObject(with: Data(ctx.request.body.isEmpty ? Array("{}".utf8) : ctx.request.body)) as? [String: Any] ?? [:]
        } catch {
            throw ApiError.malformedBody
        }
        guard let params = object["event"] as? [String: Any], !params.isEmpty else { throw ApiError.badRequest(root: "event") }
        var errors: [(String, [String])] = []
        let transactionId = params["transaction_id"] as? String ?? ""
        if transactionId.isEmpty { errors.append(("transaction_id", ["value_is_mandatory"])) }
        let code = params["code"] as? String ?? ""
        let metric = store.metrics.firstIndex { $0.code == code }
        if metric == nil { errors.append(("code", ["does_not_match_an_existing_billable_metric"])) }
        let external = params["external_subscription_id"] as? String ?? ""
        let sub = store.subscriptionsByExternalId[external]?.map(Int.init).first { store.subscriptions[$0].status == .active }
            ?? store.subscriptionsByExternalId[external]?.first.map(Int.init)
        if sub == nil { errors.append(("external_subscription_id", ["subscription_not_found"])) }
        if !transactionId.isEmpty, let existing = store.eventIndex(transactionId: transactionId), sub != nil,
           Int(store.events[existing].subscription) == sub {
            errors.append(("transaction_id", ["value_already_exist"]))
        }
        var millis = store.now * 1000
        if let raw = params["timestamp"] {
            if let number = raw as? NSNumber, !(raw is Bool) {
                millis = Int64(number.doubleValue * 1000)
            } else if let text = raw as? String {
                if let seconds = Double(text) { millis = Int64(seconds * 1000) } else if let parsed = CivilTime.parseTimestamp(text) { millis = parsed * 1000 } else {
                    errors.append(("timestamp", ["invalid_format"]))
                }
            }
        }
        guard errors.isEmpty, let metric, let sub else { throw ApiError.validation(errors) }
        let properties = params["properties"] as? [String: Any] ?? [:]
        var value: Int64 = 100
        if let field = store.metrics[metric].fieldName, let raw = properties[field] {
            let text = (raw as? String) ?? (raw as? NSNumber)?.stringValue ?? ""
            value = store.metrics[metric].aggregation == .uniqueCount ? Int64(FilterSupport.stableHash(text) & 0xFFFF) : (Decimals.parse(text, scale: 2) ?? 0)
        } else if store.metrics[metric].aggregation != .count {
            value = 0
        }
        var dimension = -1
        if let filter = store.metrics[metric].filter, let raw = properties[filter.key] as? String {
            dimension = filter.values.firstIndex(of: raw) ?? -1
        }
        let e = store.appendEvent(subscription: sub, metric: metric, timestampMillis: millis, createdAt: store.now, value: value,
                                  dimension: dimension, transactionId: transactionId)
        store.insertEventInOrder(e)
        store.recordMutation("event", transactionId)
        return .json(.obj(["event": store.eventJSON(e).setting("lago_customer_id", .null)]))
    }

    static func apiLogs(_ store: inout SandboxStore, _ ctx: HandlerContext) throws -> SandboxResponse {
        let q = ctx.query
        let methods = q.array("http_methods").map { Set($0.map { $0.lowercased() }) }
        let statuses = q.array("http_statuses")
        let from = q.scalar("from_date").flatMap(CivilTime.parseTimestamp)
        let to = q.scalar("to_date").flatMap(CivilTime.parseTimestamp)
        let paths = q.array("request_paths")
        let apiVersion = q.scalar("api_version")
        let clients = q.array("clients")
        let logs = store.apiLogs
        let rows = logs.indices.reversed().filter { n in
            let log = logs[n]
            if let methods, !methods.contains(log.method) { return false }
            if let statuses, !statuses.contains(where: { word in
                word == "succeeded" ? log.status <= 399 : word == "failed" ? log.status > 399 : Int(word) == log.status
            }) { return false }
            if let from, log.loggedAt < from { return false }
            if let to, log.loggedAt > to + (q.scalar("to_date")?.count == 10 ? CivilTime.secondsPerDay - 1 : 0) { return false }
            if let apiVersion, apiVersion != "v1" { return false }
            if let clients, !clients.contains(SandboxStore.apiLogClient) { return false }
            if let paths, !paths.contains(where: { pattern in
                pattern.hasSuffix("*") ? log.path.hasPrefix(String(pattern.dropLast())) : log.path == pattern
            }) { return false }
            return true
        }
        let snapshot = store
        return Pagination(q).response(key: "api_logs", rows: Array(rows)) { snapshot.apiLogJSON($0) }
    }

    static func apiLog(_ store: inout SandboxStore, _ ctx: HandlerContext) throws -> SandboxResponse {
        guard let n = store.ids.index(of: ctx.request.parameter("request_id"), kind: .apiLog), n < store.apiLogs.count else {
            throw ApiError.notFound("api_log_not_found")
        }
        return .json(.obj(["api_log": store.apiLogJSON(n)]))
    }
}

extension SandboxStore {
    func eventJSON(_ e: Int) -> JSON {
        let event = events[e]
        let sub = Int(event.subscription)
        let metric = metrics[Int(event.metric)]
        var properties: [JSON.Field] = []
        if let field = metric.fieldName {
            let value: JSON = metric.aggregation == .uniqueCount ? .string("user_\(event.valueHundredths)") : .string(Decimals.string(event.valueHundredths, scale: 2))
            properties.append(.init(key: field, value: value))
        }
        if let filter = metric.filter, event.dimension >= 0 {
            properties.append(.init(key: filter.key, value: .string(filter.values[Int(event.dimension)])))
        }
        return applyingQuirk(of: e, to: .obj([
            "lago_id": .string(ids.make(.event, e)),
            "transaction_id": .string(eventTransactionId(e)),
            "lago_customer_id": .string(customerId(subscriptions[sub].customer)),
            "code": .string(metric.code),
            "timestamp": .string(CivilTime.timestampMillis(event.timestampMillis)),
            "precise_total_amount_cents": .null,
            "properties": .object(properties),
            "lago_subscription_id": .string(subscriptionId(sub)),
            "external_subscription_id": .string(subscriptions[sub].externalId),
            "created_at": .string(CivilTime.timestamp(event.createdAt)),
        ]))
    }

    /// The `client` every recorded request is logged with.
    static let apiLogClient = "lago-sandbox"

    /// `V1::ApiLogSerializer`, keys in its order.
    func apiLogJSON(_ n: Int) -> JSON {
        let log = apiLogs[n]
        return .obj([
            "request_id": .string(ids.make(.apiLog, n)),
            "client": .string(Self.apiLogClient),
            "http_method": .string(log.method),
            "http_status": .int(log.status),
            "request_origin": .string("http://127.0.0.1"),
            "request_path": .string(log.path),
            "request_body": .string(log.requestBody),
            "request_response": .string(log.responseBody),
            "api_version": .string("v1"),
            "logged_at": .string(CivilTime.timestamp(log.loggedAt)),
            "created_at": .string(CivilTime.timestamp(log.loggedAt)),
        ])
    }
}
