import LagoAPI
import Synchronization

/// A clock for ``RetryPolicy`` whose sleeps return at once and only advance virtual time,
/// recording each requested wait, so retry tests exercise real backoff values without waiting.
public final class VirtualClock: Sendable {
    private struct State {
        var now: Duration = .zero
        var sleeps: [Duration] = []
    }

    private let state = Mutex(State())

    /// Creates a clock at time zero.
    public init() {}

    /// The waits requested so far, in order.
    public var sleeps: [Duration] { state.withLock { $0.sleeps } }

    /// The virtual time elapsed.
    public var now: Duration { state.withLock { $0.now } }

    /// Moves virtual time forward (for example to simulate a slow request).
    public func advance(by duration: Duration) {
        state.withLock { $0.now += duration }
    }

    /// The clock as a ``RetryClock``.
    public var retryClock: RetryClock {
        RetryClock(
            now: { [self] in now },
            sleep: { [self] duration in
                try Task.checkCancellation()
                state.withLock { state in
                    state.sleeps.append(duration)
                    state.now += duration
                }
                await Task.yield()
            }
        )
    }
}
