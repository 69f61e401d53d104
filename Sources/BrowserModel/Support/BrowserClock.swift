import Foundation

/// A scheduled callback that can be cancelled before it fires.
@MainActor
public protocol BrowserTimer: AnyObject {
    /// Stops the callback from running; harmless after it has run.
    func cancel()
}

/// Where the browser gets time from. Injected so tests can step time by hand: the models
/// never call `Date()` or sleep directly.
@MainActor
public protocol BrowserClock: AnyObject {
    /// The current wall-clock time.
    var now: Date { get }
    /// Runs `action` on the main actor once `delay` has passed.
    func schedule(after delay: Duration, _ action: @escaping @MainActor () -> Void) -> any BrowserTimer
}

/// The real clock: wall time and `Task.sleep`.
@MainActor
public final class SystemBrowserClock: BrowserClock {
    public init() {}

    public var now: Date { Date() }

    public func schedule(after delay: Duration, _ action: @escaping @MainActor () -> Void) -> any BrowserTimer {
        let timer = SystemTimer()
        timer.task = Task { @MainActor [weak timer] in
            try? await Task.sleep(for: delay)
            guard let timer, !Task.isCancelled, !timer.cancelled else { return }
            timer.cancelled = true
            action()
        }
        return timer
    }

    final class SystemTimer: BrowserTimer {
        var task: Task<Void, Never>?
        var cancelled = false
        func cancel() {
            cancelled = true
            task?.cancel()
        }
    }
}

/// A clock that only moves when told to. `advance(by:)` runs every callback that falls due,
/// in time order, synchronously on the main actor, so work they start is registered with the
/// busy tracker before `advance` returns and `await model.idle()` sees it.
@MainActor
public final class ManualBrowserClock: BrowserClock {
    public private(set) var now: Date
    private var pending: [ManualTimer] = []
    private var sequence = 0

    /// Starts at `start` (default: a fixed date, 2026-11-21T12:00:00Z).
    public init(start: Date = Date(timeIntervalSince1970: 1_795_262_400)) {
        self.now = start
    }

    public func schedule(after delay: Duration, _ action: @escaping @MainActor () -> Void) -> any BrowserTimer {
        sequence += 1
        let timer = ManualTimer(due: now.addingTimeInterval(delay.seconds), order: sequence, action: action)
        pending.append(timer)
        return timer
    }

    /// Number of callbacks waiting to fire (cancelled ones excluded).
    public var pendingCount: Int { pending.filter { !$0.cancelled }.count }

    /// Delay until the earliest pending callback, or nil when none is scheduled.
    public var nextDueIn: Duration? {
        guard let first = pending.filter({ !$0.cancelled }).min(by: { ($0.due, $0.order) < ($1.due, $1.order) }) else { return nil }
        return .seconds(max(0, first.due.timeIntervalSince(now)))
    }

    /// Moves time forward by `duration`, firing due callbacks in order.
    public func advance(by duration: Duration) {
        let target = now.addingTimeInterval(duration.seconds)
        while true {
            pending.removeAll { $0.cancelled }
            guard let next = pending.filter({ $0.due <= target }).min(by: { ($0.due, $0.order) < ($1.due, $1.order) }) else { break }
            pending.removeAll { $0 === next }
            if next.due > now { now = next.due }
            next.cancelled = true
            next.action()
        }
        now = target
    }

    final class ManualTimer: BrowserTimer {
        let due: Date
        let order: Int
        let action: @MainActor () -> Void
        var cancelled = false
        init(due: Date, order: Int, action: @escaping @MainActor () -> Void) {
            self.due = due
            self.order = order
            self.action = action
        }
        func cancel() { cancelled = true }
    }
}

extension Duration {
    /// The duration in (fractional) seconds.
    var seconds: TimeInterval {
        let c = components
        return TimeInterval(c.seconds) + TimeInterval(c.attoseconds) / 1e18
    }
}
