import Foundation
import Synchronization

/// Requests per route and faults injected, read through `GET /_sandbox/counters`.
struct Counters: Sendable {
    var requestsPerRoute: [String: Int] = [:]
    var faultsInjected: [String: Int] = [:]
    var totalRequests = 0
}

/// The shared, lock-protected state of one running sandbox.
final class SandboxState: Sendable {
    let options: SandboxOptions
    let store: Mutex<SandboxStore>
    let faults: Mutex<FaultInjector>
    let counters = Mutex(Counters())
    /// The accepted key; nil once revoked through the control endpoint.
    let apiKey: Mutex<String?>
    let startSeconds: Int64

    init(options: SandboxOptions) throws {
        self.options = options
        let spec = try FaultSpec(parsing: options.faults)
        let now = Int64((options.referenceDate ?? Date()).timeIntervalSince1970)
        self.startSeconds = now
        var store = SandboxStore(seed: options.seed, customers: max(0, options.customers), now: now)
        store.premium = options.premium
        self.store = Mutex(store)
        self.faults = Mutex(FaultInjector(spec: spec, seed: options.seed))
        self.apiKey = Mutex(options.apiKey)
    }

    /// The store's clock: the reference moment plus real time elapsed since start.
    func clock() -> Int64 {
        startSeconds + Int64(FaultInjector.monotonicSeconds() - bootUptime)
    }

    private let bootUptime = FaultInjector.monotonicSeconds()

    /// Regenerates all data from the seed and clears counters (faults stay as they are).
    func reset() {
        var fresh = SandboxStore(seed: options.seed, customers: max(0, options.customers), now: startSeconds)
        fresh.now = clock()
        fresh.premium = options.premium
        store.withLock { $0 = fresh }
        counters.withLock { $0 = Counters() }
        apiKey.withLock { $0 = options.apiKey }
    }
}
