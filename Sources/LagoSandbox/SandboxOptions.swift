import Foundation

/// How to run a sandbox: where to listen, which key to accept, how much data to seed and
/// which faults to inject. The defaults suit tests: loopback, an ephemeral port, 40 customers.
public struct SandboxOptions: Sendable {
    /// Interface to bind; anything but loopback must be asked for explicitly.
    public var host: String = "127.0.0.1"
    /// TCP port; 0 picks a free one.
    public var port: Int = 0
    /// The only API key the sandbox accepts (`Authorization: Bearer KEY`).
    public var apiKey: String = "lago-sandbox-key"
    /// Seed of all generated data and of fault draws.
    public var seed: UInt64 = 42
    /// Number of seeded customers (invoices, subscriptions, wallets… scale with it).
    public var customers: Int = 40
    /// Fault rules in `--faults` syntax, e.g. `"429:0.1,latency:200ms,ratelimit:20/s"`.
    public var faults: String = ""
    /// New usage events per second added to active subscriptions (0: none).
    public var liveEventsPerSecond: Double = 0
    /// Extra latency on every API response, in milliseconds (added to any `latency:` fault).
    public var latencyMilliseconds: Int = 0
    /// The moment the seeded data is laid out around; nil means now. Pin it for byte-for-byte
    /// reproducible data across days.
    public var referenceDate: Date? = nil
    /// A premium (licensed) Lago. With false, MRR, invoiced usage, invoice collection, activity
    /// logs and credit-note estimates answer 403 `feature_unavailable`, as a free Lago does.
    public var premium: Bool = true

    public init(host: String = "127.0.0.1", port: Int = 0, apiKey: String = "lago-sandbox-key", seed: UInt64 = 42,
                customers: Int = 40, faults: String = "", liveEventsPerSecond: Double = 0, latencyMilliseconds: Int = 0,
                referenceDate: Date? = nil, premium: Bool = true) {
        self.host = host
        self.port = port
        self.apiKey = apiKey
        self.seed = seed
        self.customers = customers
        self.faults = faults
        self.liveEventsPerSecond = liveEventsPerSecond
        self.latencyMilliseconds = latencyMilliseconds
        self.referenceDate = referenceDate
        self.premium = premium
    }
}
