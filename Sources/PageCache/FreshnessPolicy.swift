import Foundation

/// How long a cached page or object of each resource counts as fresh.
///
/// After that it is still served at once, marked stale, and refreshed behind it
/// (stale-while-revalidate). The defaults are the catalogue's (`CachedResource.maxAge`: usage
/// 10 s, events 30 s, money movements 1 min, accounts 5 min, catalogue objects 1 h); a
/// profile's `[freshness]` table overrides them.
public struct FreshnessPolicy: Sendable, Equatable {
    /// Maximum ages, in seconds, that replace the catalogue's for these resources.
    public var maxAge: [CachedResource: TimeInterval]

    /// A policy; `maxAge` entries override the defaults for those resources only.
    public init(maxAge: [CachedResource: TimeInterval] = [:]) {
        self.maxAge = maxAge
    }

    /// The same maximum age for every resource (0: everything is always stale).
    public static func uniform(_ seconds: TimeInterval) -> FreshnessPolicy {
        FreshnessPolicy(maxAge: Dictionary(uniqueKeysWithValues: CachedResource.all.map { ($0, seconds) }))
    }

    /// The maximum age for one resource.
    public func maxAge(for resource: CachedResource) -> TimeInterval {
        maxAge[resource] ?? resource.maxAge
    }
}

/// Which other resources' cached lists an action's returned record can make wrong.
///
/// A finalized invoice changes its own lists, but also fees and payments; a wallet top-up
/// returns a wallet transaction and changes the wallet's balance. The relations are the
/// catalogue's (`CachedResource.invalidatedByChange`); entries given here replace them.
public struct InvalidationRules: Sendable, Equatable {
    /// Related resources by the resource of the stored record, replacing the catalogue's.
    public var related: [CachedResource: Set<CachedResource>]

    /// The rules; entries given here replace the catalogue's entry for that resource.
    public init(related: [CachedResource: Set<CachedResource>] = [:]) {
        self.related = related
    }

    /// Every resource whose pages must be marked stale when a record of `resource` changes.
    public func resourcesToInvalidate(for resource: CachedResource) -> Set<CachedResource> {
        related[resource].map { $0.union([resource]) } ?? resource.invalidatedByChange
    }
}
