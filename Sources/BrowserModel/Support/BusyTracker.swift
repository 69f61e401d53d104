/// Counts work in progress (requests, background tasks) so tests and the terminal test driver
/// can wait for the browser to settle instead of sleeping. Work is registered synchronously,
/// before any `await`, so there is never a gap in which the browser looks idle but is not.
@MainActor
public final class BusyTracker {
    private var open = 0
    private var waiters: [CheckedContinuation<Void, Never>] = []
    /// Called whenever the busy/idle state flips.
    public var onChange: (@MainActor (Bool) -> Void)?

    public init() {}

    /// True while any registered work is running.
    public var isBusy: Bool { open > 0 }

    /// Number of open work items.
    public var openCount: Int { open }

    /// Registers one unit of work; call `end()` exactly once when it finishes.
    public func begin() {
        open += 1
        if open == 1 { onChange?(true) }
    }

    /// Ends one unit of work started with `begin()`.
    public func end() {
        precondition(open > 0, "BusyTracker.end() without begin()")
        open -= 1
        if open == 0 {
            onChange?(false)
            let resumed = waiters
            waiters.removeAll()
            for waiter in resumed { waiter.resume() }
        }
    }

    /// Starts `work` as a main-actor task that counts as busy until it returns.
    @discardableResult
    public func run(_ work: @escaping @MainActor () async -> Void) -> Task<Void, Never> {
        begin()
        return Task { @MainActor in
            await work()
            self.end()
        }
    }

    /// Returns once no work is open (at once when already idle). Work started by the work
    /// that just finished is counted before this returns, because it registers synchronously.
    public func idle() async {
        while open > 0 {
            await withCheckedContinuation { waiters.append($0) }
            // Let tasks resumed together with us register follow-up work first.
            await Task.yield()
        }
    }
}
