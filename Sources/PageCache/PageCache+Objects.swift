import Foundation

extension PageCache {
    /// The cached object, if any, judged for freshness now; never touches the network.
    public func cachedObject(_ key: ObjectKey) async -> CachedObject? {
        let found = await withStore { try await $0.readRecord(resource: key.resource.name, id: key.id) } ?? nil
        guard let found else { return nil }
        let now = configuration.now()
        if let store = currentStore { store.touchRecord(rowID: found.rowID, at: now) }
        let age = max(0, now.timeIntervalSince(found.record.fetchedAt))
        // A list page's copy stands in until the whole record is fetched (and when that fails).
        let stale = found.record.stale || !found.record.complete || age > configuration.freshness.maxAge(for: key.resource)
        return CachedObject(key: key, json: found.record.json, fetchedAt: found.record.fetchedAt, age: age, isStale: stale)
    }

    /// Reads an object with the same stream contract as `page(_:refresh:)`.
    public func object(_ key: ObjectKey, refresh: RefreshMode = .ifStale) -> AsyncStream<CacheUpdate<CachedObject>> {
        revalidating(refresh: refresh, cached: { await self.cachedObject(key) }, fetch: { () async throws(FetchFailure) in try await self.fetchObject(key) })
    }

    /// The final answer for one object (fresh if possible, else cached); throws when neither.
    public func loadObject(_ key: ObjectKey, refresh: RefreshMode = .ifStale) async throws(FetchFailure) -> CachedObject {
        try await load(key, refresh: refresh, cached: { await cachedObject(key) }, fetch: { () async throws(FetchFailure) in try await fetchObject(key) })
    }

    /// Fetches an object (sharing a fetch in flight) and stores it. An identified record is
    /// stored under its `lago_id` (the same row its list pages show, so search finds it once)
    /// with `key.id` as a lookup alias when that differs (an external id or a code).
    func fetchObject(_ key: ObjectKey) async throws(FetchFailure) -> CachedObject {
        let fetched = try await coordinator.run(.object(key)) { [self] in
            let json = try await fetcher.fetchObject(key)
            let now = configuration.now()
            let identity = RecordParser.identity(of: json)
            let record = ParsedRecord(
                id: identity ?? key.id, json: json, searchText: RecordParser.searchText(of: json, fields: key.resource.searchFields),
                alias: identity == nil || identity == key.id ? nil : key.id, complete: true)
            let maxBytes = configuration.maxBytes
            _ = await withStore {
                try await $0.writeRecord(resource: key.resource.name, record: record, invalidating: [], at: now, maxBytes: maxBytes)
            }
            return .object(CachedObject(key: key, json: json, fetchedAt: now, age: 0, isStale: false))
        }
        guard case .object(let object) = fetched else { preconditionFailure("object flight returned a page") }
        return object
    }

    // MARK: Write-through

    /// Stores the record an action returned (finalize, refresh, void, top-up…): it replaces the
    /// cached copy at once, so every page showing it shows the new one, and every cached page of
    /// its resource, and of related resources (see `InvalidationRules`), is marked stale.
    ///
    /// - Parameters:
    ///   - json: the record's JSON object (the value under the response's root key).
    ///   - resource: its resource, e.g. `.records(.invoices)`.
    /// - Returns: the id it was stored under, or nil if it has no identity (then only the
    ///   invalidation happens) or the cache is off.
    @discardableResult
    public func store(record json: Data, resource: CachedResource) async -> String? {
        let resources = configuration.invalidation.resourcesToInvalidate(for: resource)
        guard let id = RecordParser.identity(of: json) else {
            await invalidate(resources: resources)
            return nil
        }
        let record = ParsedRecord(id: id, json: json, searchText: RecordParser.searchText(of: json, fields: resource.searchFields),
                                  complete: true)
        let now = configuration.now()
        let maxBytes = configuration.maxBytes
        let stored: Void? = await withStore {
            try await $0.writeRecord(resource: resource.name, record: record, invalidating: Set(resources.map(\.name)), at: now,
                                     maxBytes: maxBytes)
        }
        return stored == nil ? nil : id
    }

    /// Marks every cached page and standalone object of these resources stale.
    public func invalidate(resources: Set<CachedResource>) async {
        let names = Set(resources.map(\.name))
        _ = await withStore { try await $0.invalidate(resources: names) }
    }
}
