import Foundation
import LagoAPI

/// Runs fetches so that concurrent readers of the same missing page share one request, and
/// tracks whether Lago is reachable so an outage is reported once, not per page.
actor FetchCoordinator {
    enum FlightKey: Hashable, Sendable {
        case page(PageKey)
        case object(ObjectKey)
    }

    enum Fetched: Sendable {
        case page(CachedPage)
        case object(CachedObject)
    }

    private var flights: [FlightKey: Task<Fetched, any Error>] = [:]
    private var offline = false
    private let report: @Sendable (CacheEvent) -> Void
    /// Test hook: told each time a reader joins a flight (new or shared).
    private let onJoin: (@Sendable (FlightKey) -> Void)?

    init(report: @escaping @Sendable (CacheEvent) -> Void, onJoin: (@Sendable (FlightKey) -> Void)? = nil) {
        self.report = report
        self.onJoin = onJoin
    }

    /// Runs `work` for `key`, or joins the run already in flight for it.
    func run(_ key: FlightKey, _ work: @escaping @Sendable () async throws -> Fetched) async throws(FetchFailure) -> Fetched
    {
        let task: Task<Fetched, any Error>
        if let existing = flights[key] {
            task = existing
        } else {
            task = Task { try await work() }
            flights[key] = task
        }
        onJoin?(key)
        let result = await task.result
        if flights[key] == task { flights[key] = nil }
        switch result {
        case .success(let value):
            if offline {
                offline = false
                report(.online)
            }
            return value
        case .failure(let error):
            throw failure(for: error)
        }
    }

    /// Classifies an error, and reports it once if it starts an outage. Every reader of a
    /// shared flight gets the same classification; only the first one takes the cache offline.
    private func failure(for error: any Error) -> FetchFailure {
        if let failure = error as? FetchFailure { return failure }
        let outage = Self.isOutage(error)
        let isNew = outage && !offline
        if isNew {
            offline = true
            report(.offline(Self.message(for: error)))
        }
        return FetchFailure(error: error, message: Self.message(for: error), isOutage: outage, isNewOutage: isNew)
    }

    static func isOutage(_ error: any Error) -> Bool {
        guard let error = error as? LagoError else { return !(error is CancellationError) }
        switch error {
        case .network, .connectionFailed, .timeout, .server, .rateLimited, .unauthorized, .forbidden, .outcomeUnknown:
            return true
        default:
            return false
        }
    }

    static func message(for error: any Error) -> String {
        if let error = error as? LagoError { return error.message }
        return String(describing: error)
    }
}
