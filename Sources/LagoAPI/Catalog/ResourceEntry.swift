import Foundation

/// What lagotui knows about one Lago resource: one row of the catalogue
/// (`LagoResource+Catalog.swift`). Every module reads its resource facts from here; none keeps
/// a table or a `switch` of its own.
public struct ResourceEntry: Sendable {
    /// Where its records live under `/api/v1`: `GET {path}/{key}` reads one. Lists are here too,
    /// unless `parent` is set.
    public let path: String
    /// The resource a list is nested under (`/wallets/{lago_id}/wallet_transactions`); the parent's
    /// id is the value of the filter whose shape is `.path`.
    public let parent: LagoResource?
    /// The key holding the array in list responses (`{"invoices": [...], "meta": {...}}`).
    public let collectionRoot: String
    /// The key holding the object in single-record responses (`{"invoice": {...}}`).
    public let recordRoot: String
    /// The field whose value addresses one record in `GET {path}/{key}`.
    public let recordKeyField: String
    /// False for lists Lago returns whole, without `meta`: no `page`/`per_page` is sent to them.
    public let isPaginated: Bool
    /// The list filters, in the order export sends them.
    public let filters: [FilterSpec]
    /// The key of the filter a bare `:` command argument sets (`:inv cus_123`).
    public let positionalFilter: String?
    /// The record fields indexed for instant local search (empty: not searchable offline).
    public let searchFields: [String]
    /// How long a cached page or record counts as fresh, in seconds.
    public let maxAge: TimeInterval
    /// The other resources whose cached lists a change to one of its records can make wrong.
    public let invalidates: Set<LagoResource>
    /// True when a change to one of its records changes customers' current usage.
    public let changesUsage: Bool
    /// The record's page in Lago's web app, relative to the app's URL: `{a|b}` is the value of
    /// field `a` (a dotted path), else `b`. Nil when the web app has no page for it.
    public let webPath: String?
    /// The singular noun for messages ("invoice", "add-on").
    public let noun: String

    /// A row; optional facts default to "not offered".
    public init(
        path: String, parent: LagoResource? = nil, collectionRoot: String, recordRoot: String, recordKeyField: String = "lago_id",
        isPaginated: Bool = true, filters: [FilterSpec] = [], positionalFilter: String? = nil, searchFields: [String] = [],
        maxAge: TimeInterval, invalidates: Set<LagoResource> = [], changesUsage: Bool = false, webPath: String? = nil,
        noun: String? = nil
    ) {
        self.path = path
        self.parent = parent
        self.collectionRoot = collectionRoot
        self.recordRoot = recordRoot
        self.recordKeyField = recordKeyField
        self.isPaginated = isPaginated
        self.filters = filters
        self.positionalFilter = positionalFilter
        self.searchFields = searchFields
        self.maxAge = maxAge
        self.invalidates = invalidates
        self.changesUsage = changesUsage
        self.webPath = webPath
        self.noun = noun ?? recordRoot.replacingOccurrences(of: "_", with: " ")
    }

    /// The filter a user names `name` (its key or an alias), if the resource has one.
    public func filter(named name: String) -> FilterSpec? { filters.first { $0.isNamed(name) } }

    /// The filters the command line offers as `flag` (several resources' `--from` differ).
    public func filter(flag: String) -> FilterSpec? { filters.first { $0.flag == flag } }

    /// The filter holding the parent's id for nested lists.
    public var parentFilter: FilterSpec? { filters.first { $0.shape == .path } }

    /// True when the list honours `search_term`.
    public var supportsServerSearch: Bool { filters.contains { $0.key == FilterSpec.searchKey } }

    /// The web-app path for a record whose fields `field` reads (dotted paths), or nil when a
    /// field it needs is missing. Values go in as read: they are Lago ids.
    public func webPath(reading field: (String) -> String?) -> String? {
        guard var rest = webPath?[...] else { return nil }
        var out = ""
        while let open = rest.firstIndex(of: "{") {
            guard let close = rest[open...].firstIndex(of: "}") else { return nil }
            out += rest[..<open]
            let choices = rest[rest.index(after: open)..<close].split(separator: "|").map(String.init)
            guard let value = choices.lazy.compactMap(field).first(where: { !$0.isEmpty }) else { return nil }
            out += value
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }
}
