import Foundation

/// Applies a `FaultSpec` to the request stream: one seeded draw per API request, plus a real
/// token bucket for `ratelimit` (capacity one second's worth of requests, refilled continuously).
struct FaultInjector: Sendable {
    private(set) var spec: FaultSpec
    private var rng: SplitMix64
    private var tokens: Double
    private var lastRefill: Double

    init(spec: FaultSpec, seed: UInt64) {
        self.spec = spec
        self.rng = SplitMix64(seed: seed ^ 0xFA17_FA17)
        self.tokens = spec.rateLimitPerSecond ?? 0
        self.lastRefill = Self.monotonicSeconds()
    }

    mutating func replace(_ spec: FaultSpec, seed: UInt64) { self = FaultInjector(spec: spec, seed: seed) }

    static func monotonicSeconds() -> Double { ProcessInfo.processInfo.systemUptime }

    /// Remaining tokens and the limit, for `x-ratelimit-*` headers (nil when unlimited).
    var rateLimitState: (limit: Int, remaining: Int)? {
        spec.rateLimitPerSecond.map { (Int($0.rounded(.up)), max(0, Int(tokens.rounded(.down)))) }
    }

    /// Decides the fate of one request.
    mutating func decide(now: Double = FaultInjector.monotonicSeconds()) -> FaultDecision {
        if let rate = spec.rateLimitPerSecond {
            tokens = min(rate, tokens + (now - lastRefill) * rate)
            lastRefill = now
            if tokens < 1 {
                let wait = (1 - tokens) / rate
                return .rateLimited(retryAfterSeconds: max(1, Int(wait.rounded(.up))))
            }
            tokens -= 1
        }
        let roll = rng.unit()
        var threshold = 0.0
        for rule in spec.statusRates {
            threshold += rule.probability
            if roll < threshold { return .status(rule.status) }
        }
        threshold += spec.reset
        if roll < threshold { return .reset }
        threshold += spec.truncate
        if roll < threshold { return .truncate }
        return .none
    }
}
