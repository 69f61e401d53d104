import LagoAPI

/// Every resource the browser can list: LagoAPI's `LagoResource`, whose catalogue row holds
/// what the browser needs to show, filter and look them up.
public typealias ResourceKind = LagoResource

extension LagoResource {
    /// Human title for pane headers and breadcrumbs ("credit notes").
    public var title: String { displayName }

    /// Singular noun for messages ("invoice", "credit note").
    public var singular: String { entry.noun }

    /// True when the list endpoint honours `search_term` (BEHAVIOUR.md §3).
    public var supportsServerSearch: Bool { entry.supportsServerSearch }

    /// The filter a bare positional command argument sets (`:inv cus_123`).
    public var positionalFilter: String? { entry.positionalFilter }

    /// Server filters accepted as `key=value` command arguments, by key (BEHAVIOUR.md §3).
    public var serverFilters: [String] {
        entry.filters.filter { $0.key != FilterSpec.searchKey }.map(\.key)
    }
}
