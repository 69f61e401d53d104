/// Events that make usage differ from what they suggest, seeded on two showcase
/// subscriptions so `lagotui diagnose usage` and the browser's `W` have something to explain
/// (README, "Support: explaining usage"):
///
/// | subscription | kinds |
/// | --- | --- |
/// | Brasserie Lumière's `sub_lumiere_1` (Starter) | `unknown_code`, `future_timestamp`, `missing_property`, `non_numeric_property` |
/// | Kestrel Robotics' `sub_kestrel_2` (Growth) | `outside_period`, `other_subscription` (to the terminated `sub_kestrel_1`), `unmatched_filter` |
///
/// Northwind Analytics' `sub_northwind_2`, the one the demo opens on, stays clean. The events
/// are fixed (no draw from the seed's random stream), so every other seeded record is unchanged,
/// and they change no amount: Lago would not count them either.
extension SandboxStore {
    /// How a seeded event's JSON departs from what its record says.
    enum EventQuirk: Sendable {
        /// Sent with this code (no metric of the plan has it).
        case code(String)
        /// Sent without the metric's aggregated property.
        case missingProperty
        /// The aggregated property sent as this text (not a number).
        case propertyText(String)
        /// The metric's filter property sent with this value (no charge filter has it).
        case filterValue(String)
    }

    /// Seeds the diagnostic events of showcase customer `showcase` (by position in
    /// `NamePools.showcase`): `active` is its current subscription, `earlier` the one it upgraded from.
    mutating func seedUsageDiagnostics(showcase: Int, active: Int, earlier: Int?) {
        let (from, _) = currentPeriodSeconds(subscription: active)
        let minute: Int64 = 60
        func add(_ metric: String, at seconds: Int64, received: Int64? = nil, on sub: Int? = nil, value: Int64 = 0, dimension: Int = -1, _ quirk: EventQuirk? = nil) {
            guard let m = metrics.firstIndex(where: { $0.code == metric }) else { return }
            let e = appendEvent(subscription: sub ?? active, metric: m, timestampMillis: seconds * 1000, createdAt: received ?? seconds + 2,
                                value: value, dimension: dimension, transactionId: nil)
            if let quirk { eventQuirks[Int32(e)] = quirk }
        }
        let recent = generatedAt - 3 * 3600
        switch showcase {
        case 1:
            // A typo in the code (stored on a metric the Starter plan does not charge, so no usage moves).
            for n in 0..<5 { add("peak_vcpu", at: recent + Int64(n) * 7 * minute, .code("storage_gbs")) }
            // Milliseconds sent where seconds were expected: a year ahead.
            for n in 0..<2 { add("api_calls", at: generatedAt + 366 * CivilTime.secondsPerDay + Int64(n) * minute, value: 100) }
            for n in 0..<4 { add("storage_gb", at: recent + Int64(n) * 11 * minute, .missingProperty) }
            for n in 0..<3 { add("storage_gb", at: recent + Int64(n) * 13 * minute, .propertyText(["12 GB", "n/a", "1,5"][n])) }
        case 2:
            // Back-filled this morning with last month's timestamps.
            for n in 0..<4 { add("api_calls", at: from - 3 * CivilTime.secondsPerDay + Int64(n) * minute, received: recent, value: 100) }
            if let earlier {
                for n in 0..<6 { add("api_calls", at: max(from, recent) + Int64(n) * 5 * minute, on: earlier, value: 100) }
            }
            for n in 0..<5 { add("compute_hours", at: recent + Int64(n) * 9 * minute, value: 0, .filterValue(n % 2 == 0 ? "EU-West-1" : "eu_west_1")) }
        default:
            break
        }
    }

    /// `json` (an event as `eventJSON` builds it) as its quirk, if any, says it was sent.
    func applyingQuirk(of e: Int, to json: JSON) -> JSON {
        guard let quirk = eventQuirks[Int32(e)] else { return json }
        let metric = metrics[Int(events[e].metric)]
        switch quirk {
        case .code(let code):
            return json.setting("code", .string(code))
        case .missingProperty:
            return json.setting("properties", .object([]))
        case .propertyText(let text):
            guard let field = metric.fieldName else { return json }
            return json.setting("properties", .object([.init(key: field, value: .string(text))]))
        case .filterValue(let value):
            guard let filter = metric.filter else { return json }
            var properties: [JSON.Field] = []
            if let field = metric.fieldName { properties.append(.init(key: field, value: .string("1.00"))) }
            properties.append(.init(key: filter.key, value: .string(value)))
            return json.setting("properties", .object(properties))
        }
    }

    /// A charge's filters as Lago lists them: one per value of its metric's filter key, named
    /// after the value, priced like the charge.
    func chargeFiltersJSON(_ c: Int) -> JSON {
        let charge = charges[c]
        guard let filter = metrics[charge.metric].filter else { return .array([]) }
        return .array(filter.values.map { value in
            .obj([
                "invoice_display_name": .string(value),
                "properties": chargePropertiesJSON(charge.pricing),
                "values": .obj([filter.key: .array([.string(value)])]),
            ])
        })
    }
}
