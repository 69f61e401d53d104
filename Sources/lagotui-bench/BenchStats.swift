import Foundation

/// Order statistics over latency samples.
enum BenchStats {
    /// The `p`-th percentile (0…100) by the nearest-rank method: the smallest sample with at
    /// least p% of the samples at or below it. Nil for no samples.
    static func percentile(_ samples: [Double], _ p: Double) -> Double? {
        guard !samples.isEmpty else { return nil }
        let sorted = samples.sorted()
        let rank = Int((p / 100 * Double(sorted.count)).rounded(.up))
        return sorted[min(max(rank, 1), sorted.count) - 1]
    }

    /// The median (the 50th percentile by nearest rank).
    static func median(_ samples: [Double]) -> Double? { percentile(samples, 50) }
}

/// Wall-clock timing in milliseconds.
enum BenchClock {
    static func now() -> ContinuousClock.Instant { ContinuousClock.now }

    static func milliseconds(since start: ContinuousClock.Instant) -> Double {
        milliseconds(ContinuousClock.now - start)
    }

    static func milliseconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1_000 + Double(duration.components.attoseconds) / 1e15
    }

    /// CPU time used by the whole process so far, in milliseconds: with other work on the
    /// machine, wall time includes waiting for a core; CPU time is what the code cost.
    static func processCPU() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &spec)
        return Double(spec.tv_sec) * 1_000 + Double(spec.tv_nsec) / 1e6
    }

    /// Runs `body` and returns its result and how long it took.
    static func time<T>(_ body: () throws -> T) rethrows -> (T, Double) {
        let start = now()
        let value = try body()
        return (value, milliseconds(since: start))
    }
}
