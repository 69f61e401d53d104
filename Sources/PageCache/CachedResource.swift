import Foundation
import LagoAPI

/// What a cached page or object belongs to: the records of a Lago resource, or a customer's
/// usage. Its freshness, search fields and invalidation are read from the resource catalogue
/// (`ResourceEntry`, `CustomerUsageEndpoint`); the cache keeps no table of its own.
public enum CachedResource: Hashable, Sendable, CustomStringConvertible {
    case records(LagoResource)
    case usage(CustomerUsageEndpoint)

    /// Every resource the cache can hold.
    public static let all: [CachedResource] = LagoResource.allCases.map(records) + CustomerUsageEndpoint.allCases.map(usage)

    /// The name in the database's `resource` column and in `[profiles.x.freshness]`
    /// (`invoices`, `customer_usage`).
    public var name: String {
        switch self {
        case let .records(resource): resource.rawValue
        case let .usage(endpoint): endpoint.resourceName
        }
    }

    /// The resource a stored or configured name stands for.
    public init?(name: String) {
        guard let found = Self.all.first(where: { $0.name == name }) else { return nil }
        self = found
    }

    public var description: String { name }

    /// How long its pages and objects count as fresh, in seconds.
    public var maxAge: TimeInterval {
        switch self {
        case let .records(resource): resource.entry.maxAge
        case let .usage(endpoint): endpoint.maxAge
        }
    }

    /// The record fields indexed for local search; empty when it is not searchable.
    public var searchFields: [String] {
        if case let .records(resource) = self { resource.entry.searchFields } else { [] }
    }

    /// Itself and every resource whose cached lists a change to one of its records can make
    /// wrong: the catalogue's `invalidates`, and customers' usage when `changesUsage`.
    public var invalidatedByChange: Set<CachedResource> {
        guard case let .records(resource) = self else { return [self] }
        let entry = resource.entry
        var out = Set(entry.invalidates.map(CachedResource.records)).union([self])
        if entry.changesUsage { out.formUnion(CustomerUsageEndpoint.allCases.map(CachedResource.usage)) }
        return out
    }
}
