/// One list filter of one resource, as the catalogue states it: how it goes on the wire, what
/// values it takes, and what the user types for it in each front end.
///
/// The wire name is the OpenAPI spec's spelling without brackets; `shape` says whether it is
/// sent as `name=v` or `name[]=v`. The contract tests check both against the spec.
public struct FilterSpec: Sendable, Hashable {
    /// The query parameter's name as Lago reads it, without `[]` (`statuses`, `external_customer_id`).
    public let wire: String
    /// How the values are sent.
    public let shape: FilterShape
    /// What a value may be.
    public let domain: FilterDomain
    /// The name typed after a `:` command (`:inv status=draft`): the key of `ListFilter`.
    public let key: String
    /// Other names the `:` command accepts for it (`customer=` for `external_customer_id=`).
    public let aliases: [String]
    /// The `lagotui get/export/sync` option without dashes (`payment-status`), or nil when the
    /// command line does not offer it.
    public let flag: String?
    /// True when Lago lists only part of the records while the filter is absent (subscriptions:
    /// only active ones), so a complete export sends every value of the domain.
    public let narrowsWhenAbsent: Bool

    /// A filter; `key` defaults to the wire name, which is what the browser has always typed.
    public init(
        _ wire: String, _ shape: FilterShape = .scalar, _ domain: FilterDomain = .text, key: String? = nil,
        aliases: [String] = [], flag: String? = nil, narrowsWhenAbsent: Bool = false
    ) {
        self.wire = wire
        self.shape = shape
        self.domain = domain
        self.key = key ?? wire
        self.aliases = aliases
        self.flag = flag
        self.narrowsWhenAbsent = narrowsWhenAbsent
    }

    /// The parameter name as the spec declares it: `statuses[]` for arrays, `statuses` otherwise.
    public var wireName: String { shape == .array ? wire + "[]" : wire }

    /// True when `name` is what a user types for this filter (its key or an alias), any case.
    public func isNamed(_ name: String) -> Bool {
        let lowered = name.lowercased()
        return lowered == key || aliases.contains(lowered)
    }
}

/// How a filter's values are put in the request.
public enum FilterShape: Sendable, Hashable {
    /// One value: `currency=EUR`. More than one is a usage error (Lago would keep only the last).
    case scalar
    /// Rails array syntax, even for one value: `statuses[]=draft`. A bare `statuses=draft` would
    /// be dropped by `permit(statuses: [])` (BEHAVIOUR.md §3).
    case array
    /// One value as `name=v`, several as `name[]=v`: Lago reads both, the spec declares the scalar.
    case scalarOrArray
    /// A path segment, not a query parameter (the wallet of `/wallets/{id}/wallet_transactions`).
    case path
}

/// What a filter value may be. Checking and normalising a value is `FilterDomain.check(_:)`.
public enum FilterDomain: Sendable, Hashable {
    /// Free text (codes, external ids, search terms).
    case text
    /// A calendar date, `YYYY-MM-DD`.
    case date
    /// An ISO 8601 time, or a date.
    case timestamp
    /// A whole number of cents, zero or more.
    case cents
    /// A Lago id.
    case uuid
    /// `true` or `false`.
    case bool
    /// An ISO 4217 currency code.
    case currency
    /// An HTTP status number, or `succeeded` / `failed` (API logs).
    case httpStatus
    /// One of these wire spellings, taken from a model enum so the two cannot drift.
    case oneOf([String])

    /// The domain of every known value of a model enum.
    public static func cases<E: LagoEnum>(of type: E.Type) -> FilterDomain { .oneOf(type.knownValues.map(\.raw)) }

    /// The domain of some values of a model enum (the statuses a list can be filtered by).
    public static func values<E: LagoEnum>(_ values: [E]) -> FilterDomain { .oneOf(values.map(\.rawValue)) }

    /// The values to offer when completing, or to send when every value is wanted.
    public var knownValues: [String] {
        switch self {
        case let .oneOf(values): values
        case .bool: ["true", "false"]
        default: []
        }
    }
}
