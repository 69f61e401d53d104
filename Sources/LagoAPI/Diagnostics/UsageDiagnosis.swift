import Foundation

/// What is known about one subscription when its usage is questioned: its plan's charges,
/// the organization's metrics, its current period, its recent events and the events sent this
/// period to other subscription ids of the same customer. Gathered by
/// `LagoClient.usageDiagnosisInput`; `UsageDiagnosis.findings` reads it without any I/O.
public struct UsageDiagnosisInput: Sendable {
    /// Events sent to a subscription id other than the one diagnosed.
    public struct StrayEvents: Sendable {
        public var externalSubscriptionId: String
        /// The other subscription's status ("terminated", "pending"), nil when no subscription has the id.
        public var status: String?
        public var events: [Event]
        public init(externalSubscriptionId: String, status: String?, events: [Event]) {
            self.externalSubscriptionId = externalSubscriptionId; self.status = status; self.events = events
        }
    }

    public var externalSubscriptionId: String
    public var externalCustomerId: String
    public var planCode: String
    public var startedAt: Date?
    public var periodStart: Date
    public var periodEnd: Date
    public var now: Date
    public var charges: [Charge]
    /// Every billable metric of the organization (to tell "not in this plan" from "no such metric").
    public var metrics: [BillableMetric]
    /// The subscription's events timestamped from the period start, and recent ones before it, newest first.
    public var events: [Event]
    public var strayEvents: [StrayEvents]

    public init(externalSubscriptionId: String, externalCustomerId: String, planCode: String, startedAt: Date?,
                periodStart: Date, periodEnd: Date, now: Date, charges: [Charge], metrics: [BillableMetric],
                events: [Event], strayEvents: [StrayEvents] = []) {
        self.externalSubscriptionId = externalSubscriptionId; self.externalCustomerId = externalCustomerId
        self.planCode = planCode; self.startedAt = startedAt; self.periodStart = periodStart; self.periodEnd = periodEnd
        self.now = now; self.charges = charges; self.metrics = metrics; self.events = events; self.strayEvents = strayEvents
    }
}

/// The rules behind "why is this usage what it is": each looks at the events the way Lago
/// bills them (by code, timestamp, subscription id, aggregated property and charge filter)
/// and reports what makes the usage differ from what the events suggest. Pure: same input,
/// same findings, in `UsageFindingKind` order.
public enum UsageDiagnosis {
    /// Aggregations that read a property (`field_name`) of each event.
    static let propertyAggregations: Set<AggregationType> = [.sumAgg, .maxAgg, .uniqueCountAgg, .latestAgg, .weightedSumAgg]
    /// Of those, the ones that need the property to be a number.
    static let numericAggregations: Set<AggregationType> = [.sumAgg, .maxAgg, .latestAgg, .weightedSumAgg]
    /// Lago's filter value meaning "any value of this key".
    static let anyFilterValue = "__ALL_FILTER_VALUES__"

    public static func findings(_ input: UsageDiagnosisInput) -> [UsageFinding] {
        var out: [UsageFinding] = []
        let metricsByCode = Dictionary(input.metrics.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        let charged = Dictionary(input.charges.compactMap { c in c.billableMetricCode.map { ($0, c) } }, uniquingKeysWith: { first, _ in first })
        func finding(_ kind: UsageFindingKind, _ subject: String, _ events: [Event], _ summary: String, _ advice: String) -> UsageFinding {
            UsageFinding(kind: kind, externalSubscriptionId: input.externalSubscriptionId, externalCustomerId: input.externalCustomerId,
                         subject: subject, count: events.count, examples: events.prefix(3).map(\.transactionId), summary: summary, advice: advice)
        }
        let periodText = "\(day(input.periodStart)) → \(day(input.periodEnd))"
        // Events Lago received this period or timestamped in it: the ones the question is about.
        let recent = input.events.filter { e in
            (e.timestamp.map { $0 >= input.periodStart } ?? false) || (e.createdAt.map { $0 >= input.periodStart } ?? false)
        }
        let inPeriod = recent.filter { e in e.timestamp.map { $0 >= input.periodStart && $0 <= input.periodEnd && $0 <= input.now } ?? false }

        for (code, events) in grouped(recent.filter { charged[$0.code ?? ""] == nil }, by: { $0.code ?? "" }) {
            let shown = code.isEmpty ? "(none)" : code
            let advice: String
            if metricsByCode[code] != nil {
                advice = "Metric \(shown) exists but plan \(input.planCode) has no charge for it: add one, or send these events to a subscription whose plan charges it."
            } else {
                let guess = nearest(code, among: Array(charged.keys)).map { " (did you mean \($0)?)" } ?? ""
                advice = "No billable metric has code \(shown)\(guess): fix the code where these events are sent."
            }
            out.append(finding(.unknownCode, code, events, "\(events.count) events with code \(shown) count towards nothing: plan \(input.planCode) charges no metric with that code.", advice))
        }

        let early = input.events.filter { e in
            guard let t = e.timestamp, t <= input.now else { return false }
            let receivedThisPeriod = e.createdAt.map { $0 >= input.periodStart } ?? false
            return (t < input.periodStart && receivedThisPeriod) || (input.startedAt.map { t < $0 } ?? false)
        }
        if !early.isEmpty {
            let oldest = early.compactMap(\.timestamp).min().map(minute) ?? "?"
            out.append(finding(.outsidePeriod, "before \(day(input.periodStart))", early,
                               "\(early.count) events received this period are timestamped before it (oldest \(oldest)): current usage (\(periodText)) leaves them out.",
                               "Check the sender's clock and time zone: Lago bills an event in the period of its timestamp, and a closed period is already invoiced."))
        }

        let future = input.events.filter { $0.timestamp.map { $0 > input.now } ?? false }
        if !future.isEmpty {
            let latest = future.compactMap(\.timestamp).max().map(minute) ?? "?"
            out.append(finding(.futureTimestamp, "after now", future,
                               "\(future.count) events are timestamped in the future (up to \(latest)): they count only in the period of that time.",
                               "Send the time the usage happened, in UTC: a timestamp in milliseconds sent as seconds lands thousands of years ahead."))
        }

        for stray in input.strayEvents {
            let relevant = stray.events.filter { e in charged[e.code ?? ""] != nil && (e.timestamp.map { $0 >= input.periodStart } ?? false) }
            guard !relevant.isEmpty else { continue }
            let which = stray.status.map { "\(stray.externalSubscriptionId) (\($0))" } ?? "\(stray.externalSubscriptionId), which no subscription has,"
            out.append(finding(.otherSubscription, stray.externalSubscriptionId, relevant,
                               "\(relevant.count) events of this plan's metrics went to \(which) this period: they do not count here.",
                               "Send them with external_subscription_id \(input.externalSubscriptionId)."))
        }

        var missing: [UsageFinding] = [], nonNumeric: [UsageFinding] = [], unmatched: [UsageFinding] = []
        for (code, events) in grouped(inPeriod.filter { charged[$0.code ?? ""] != nil }, by: { $0.code ?? "" }) {
            if let metric = metricsByCode[code], let aggregation = metric.aggregationType, propertyAggregations.contains(aggregation),
               let field = metric.fieldName, !field.isEmpty {
                let without = events.filter { ($0.properties?[field] ?? .null) == .null }
                if !without.isEmpty {
                    let effect = aggregation == .sumAgg || aggregation == .weightedSumAgg ? "each adds nothing" : "Lago skips them"
                    missing.append(finding(.missingProperty, "\(code).\(field)", without,
                                           "\(without.count) events of \(code) (\(aggregation.rawValue) of \(field)) have no \(field) property: \(effect).",
                                           "Send properties.\(field) with every \(code) event."))
                }
                if numericAggregations.contains(aggregation) {
                    let bad = events.filter { e in e.properties?[field].map { !isNumber($0) && $0 != .null } ?? false }
                    if !bad.isEmpty {
                        let sample = bad.compactMap { $0.properties?[field].map(describe) }.first ?? ""
                        nonNumeric.append(finding(.nonNumericProperty, "\(code).\(field)", bad,
                                                  "\(bad.count) events of \(code) have a \(field) that is not a number (\(sample)): Lago cannot aggregate them.",
                                                  "Send \(field) as a number or a numeric string such as \"12.5\", without units."))
                    }
                }
            }
            if let charge = charged[code], let filters = charge.filters, !filters.isEmpty {
                let outside = events.filter { e in !filters.contains { matches(e, $0) } }
                if !outside.isEmpty {
                    let keys = Set(filters.flatMap { ($0.values ?? [:]).keys }).sorted()
                    let seen = Set(outside.compactMap { e in keys.compactMap { k in e.properties?[k].map { "\(k)=\(describe($0))" } }.joined(separator: ",") }
                        .filter { !$0.isEmpty }).sorted().prefix(3)
                    let idle = filters.filter { f in !events.contains { matches($0, f) } }.map(filterText)
                    let idleText = idle.isEmpty ? "" : "; no event matched \(idle.joined(separator: ", "))"
                    let seenText = seen.isEmpty ? "without \(keys.joined(separator: "/"))" : seen.joined(separator: ", ")
                    unmatched.append(finding(.unmatchedFilter, charge.code ?? code, outside,
                                             "\(outside.count) events of \(code) match no filter of its charge (\(seenText))\(idleText): they fall to the charge's default price, if it has one.",
                                             "Filter values are exact and case-sensitive: send one of \(filters.map(filterText).joined(separator: ", ")), or add a filter for the values seen."))
                }
            }
        }
        return out + missing + nonNumeric + unmatched
    }

    // MARK: - Helpers

    /// Whether an event's properties satisfy every key of a charge filter.
    static func matches(_ event: Event, _ filter: ChargeFilter) -> Bool {
        for (key, allowed) in filter.values ?? [:] {
            guard let value = event.properties?[key], value != .null else { return false }
            let options: [String]
            if case let .array(items) = allowed { options = items.map(describe) } else { options = [describe(allowed)] }
            if !options.contains(anyFilterValue) && !options.contains(describe(value)) { return false }
        }
        return true
    }

    static func filterText(_ filter: ChargeFilter) -> String {
        (filter.values ?? [:]).sorted { $0.key < $1.key }.map { key, value in
            if case let .array(items) = value { return "\(key)=\(items.map(describe).joined(separator: "|"))" }
            return "\(key)=\(describe(value))"
        }.joined(separator: " ")
    }

    /// Lago accepts numbers and numeric strings ("12", "-0.5", "1e3") for aggregated fields.
    static func isNumber(_ value: JSONValue) -> Bool {
        switch value {
        case .number: return true
        case .string(let text): return text.wholeMatch(of: /\s*-?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?\s*/) != nil
        default: return false
        }
    }

    static func describe(_ value: JSONValue) -> String {
        switch value {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .number(let n): return n
        case .string(let s): return s
        case .array: return "[…]"
        case .object: return "{…}"
        }
    }

    /// The candidate closest to `code` by edit distance, when it is plausibly a typo (≤ 2 edits).
    static func nearest(_ code: String, among candidates: [String]) -> String? {
        var best: (code: String, distance: Int)?
        for candidate in candidates.sorted() {
            let distance = editDistance(code, candidate)
            if distance <= 2, distance < (best?.distance ?? Int.max) { best = (candidate, distance) }
        }
        return best?.code
    }

    /// Whether two subscription ids differ only by case, `-`/`_`, or at most two edits: the
    /// shape of an id typed by hand or built by another system.
    public static func looksAlike(_ a: String, _ b: String) -> Bool {
        guard a != b else { return false }
        let fold = { (s: String) in s.lowercased().replacingOccurrences(of: "-", with: "_") }
        return fold(a) == fold(b) || editDistance(fold(a), fold(b)) <= 2
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let x = Array(a), y = Array(b)
        guard !x.isEmpty else { return y.count }
        guard !y.isEmpty else { return x.count }
        var previous = Array(0...y.count)
        for i in 1...x.count {
            var current = [i] + Array(repeating: 0, count: y.count)
            for j in 1...y.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[y.count]
    }

    /// Groups keeping first-seen order (events are newest first, so groups are too).
    static func grouped(_ events: [Event], by key: (Event) -> String) -> [(String, [Event])] {
        var order: [String] = [], groups: [String: [Event]] = [:]
        for e in events {
            let k = key(e)
            if groups[k] == nil { order.append(k) }
            groups[k, default: []].append(e)
        }
        return order.map { ($0, groups[$0]!) }
    }

    static func day(_ date: Date) -> String { String(LagoTimestamp.format(date).prefix(10)) }
    static func minute(_ date: Date) -> String { String(LagoTimestamp.format(date).prefix(16)).replacingOccurrences(of: "T", with: " ") + " UTC" }
}
