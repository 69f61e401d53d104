import Foundation

/// When and how long ``LagoClient`` waits before sending a request again.
///
/// Only idempotent requests (`GET`) are retried after they may have reached the server: on
/// network errors and timeouts, on 429 (waiting as long as `Retry-After` or
/// `x-ratelimit-reset` asks, like Lago's official clients) and on 502/503/504, with
/// exponential backoff and jitter. A request that never left (connection refused, DNS, TLS
/// handshake) may be retried whatever its method. Attempts and total time are both capped.
public struct RetryPolicy: Sendable {
    /// Attempts in total, the first included (4 = the first try plus 3 retries, as the
    /// official clients do). 1 disables retries.
    public var maxAttempts: Int
    /// The first backoff delay; it doubles on every retry.
    public var baseDelay: Duration
    /// The largest backoff delay (a server-requested wait may be longer).
    public var maxDelay: Duration
    /// No retry starts once this much time has passed since the first attempt, and no wait
    /// is begun that would end after it.
    public var maxTotalTime: Duration
    /// How much of each backoff delay is randomised (0 = none, 0.5 = up to half removed).
    public var jitter: Double
    /// The clock used to measure elapsed time and to wait; tests inject a virtual one.
    public var clock: RetryClock
    /// Returns a random number in 0..<1 (injectable so tests are deterministic).
    public var random: @Sendable () -> Double

    /// Creates a policy; the defaults follow Lago's official clients.
    public init(
        maxAttempts: Int = 4,
        baseDelay: Duration = .milliseconds(500),
        maxDelay: Duration = .seconds(20),
        maxTotalTime: Duration = .seconds(60),
        jitter: Double = 0.5,
        clock: RetryClock = .system,
        random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }
    ) {
        self.maxAttempts = max(1, maxAttempts)
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.maxTotalTime = maxTotalTime
        self.jitter = min(max(jitter, 0), 1)
        self.clock = clock
        self.random = random
    }

    /// The default policy.
    public static var standard: RetryPolicy { RetryPolicy() }

    /// A policy that never retries.
    public static var never: RetryPolicy { RetryPolicy(maxAttempts: 1) }

    /// The backoff before retry number `retry` (1 for the first retry): `baseDelay·2^(retry-1)`,
    /// capped at `maxDelay`, with up to `jitter` of it removed at random.
    public func backoff(beforeRetry retry: Int) -> Duration {
        let exponent = min(max(retry - 1, 0), 30)
        var delay = baseDelay * (1 << exponent)
        if delay > maxDelay { delay = maxDelay }
        let factor = 1 - jitter * min(max(random(), 0), 1)
        return delay * factor
    }
}

/// Elapsed time and waiting, injectable so tests never wait for real backoff.
public struct RetryClock: Sendable {
    /// Monotonic time since an arbitrary origin.
    public var now: @Sendable () -> Duration
    /// Waits for the given duration; throws `CancellationError` when the task is cancelled.
    public var sleep: @Sendable (Duration) async throws -> Void

    /// Creates a clock from two closures.
    public init(now: @escaping @Sendable () -> Duration, sleep: @escaping @Sendable (Duration) async throws -> Void) {
        self.now = now
        self.sleep = sleep
    }

    /// The real monotonic clock.
    public static var system: RetryClock {
        let origin = ContinuousClock.now
        return RetryClock(
            now: { ContinuousClock.now - origin },
            sleep: { try await Task.sleep(for: $0) }
        )
    }
}
