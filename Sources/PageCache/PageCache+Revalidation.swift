/// What a read answers with — a page or an object — judged fresh or stale when it was read.
protocol CachedValue: Sendable {
    var isStale: Bool { get }
}

extension CachedPage: CachedValue {}
extension CachedObject: CachedValue {}

extension PageCache {
    /// The stale-while-revalidate read behind `page(_:refresh:)` and `object(_:refresh:)`: the
    /// cached value at once, then (when it was stale or missing, or `refresh` asks) the fresh
    /// value or the failure, then the end. Cancelling the consumer stops listening; a fetch
    /// other readers share still completes and is stored.
    func revalidating<Value: CachedValue>(
        refresh: RefreshMode,
        cached: @escaping @Sendable () async -> Value?,
        fetch: @escaping @Sendable () async throws(FetchFailure) -> Value
    ) -> AsyncStream<CacheUpdate<Value>> {
        AsyncStream { continuation in
            let task = Task {
                let value = await cached()
                if let value { continuation.yield(.cached(value)) }
                if Self.shouldFetch(cached: value?.isStale, refresh: refresh) {
                    do throws(FetchFailure) {
                        continuation.yield(.fresh(try await fetch()))
                    } catch {
                        continuation.yield(.failed(error, cached: value))
                    }
                }
                continuation.finish()
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }

    /// The final answer behind `loadPage` and `loadObject`: fresh when it can be, otherwise the
    /// cached value with its age (never for `.required`); throws when there is neither.
    func load<Value: CachedValue>(
        _ key: some CustomStringConvertible,
        refresh: RefreshMode,
        cached: () async -> Value?,
        fetch: () async throws(FetchFailure) -> Value
    ) async throws(FetchFailure) -> Value {
        let value = await cached()
        guard Self.shouldFetch(cached: value?.isStale, refresh: refresh) else {
            if let value { return value }
            throw FetchFailure(
                error: CacheMiss(description: "not cached: \(key)"), message: "not cached: \(key)", isOutage: false,
                isNewOutage: false)
        }
        do {
            return try await fetch()
        } catch {
            if let value, refresh != .required { return value }
            throw error
        }
    }
}
