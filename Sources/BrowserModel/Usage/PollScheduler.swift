import Foundation

/// Decides when live usage is fetched: every `interval` while visible and not paused, never
/// two at once (an overlapping tick is dropped, not queued), and with exponential back-off
/// after errors (interval × 2ⁿ, capped). Time comes from the injected clock.
@MainActor
final class PollScheduler {
    private let clock: any BrowserClock
    let interval: Duration
    let maximumBackoff: Duration
    private let tick: @MainActor () -> Void
    private var timer: (any BrowserTimer)?
    private(set) var visible = false
    private(set) var paused = false
    private(set) var inFlight = false
    /// Consecutive failures (0 after a success).
    private(set) var failures = 0
    /// When the next poll is due, or nil when none is scheduled.
    private(set) var nextDue: Date?
    /// Polls started so far.
    private(set) var polls = 0

    init(clock: any BrowserClock, interval: Duration, maximumBackoff: Duration, tick: @escaping @MainActor () -> Void) {
        self.clock = clock
        self.interval = max(interval, BrowserConfiguration.minimumUsageRefresh)
        self.maximumBackoff = max(maximumBackoff, self.interval)
        self.tick = tick
    }

    /// Wait before the next poll given the failure count.
    var currentDelay: Duration {
        var d = interval
        for _ in 0..<min(failures, 16) {
            d = d * 2
            if d >= maximumBackoff { return maximumBackoff }
        }
        return d
    }

    /// Shown (starts polling at once) or hidden (stops).
    func setVisible(_ value: Bool) {
        guard value != visible else { return }
        visible = value
        if value { fireNow() } else { cancelTimer() }
    }

    /// Pauses or resumes; resuming polls at once.
    func setPaused(_ value: Bool) {
        guard value != paused else { return }
        paused = value
        if value { cancelTimer() } else { fireNow() }
    }

    /// A manual refresh: polls now unless one is running.
    func fireNow() {
        guard visible, !paused, !inFlight else { return }
        cancelTimer()
        inFlight = true
        polls += 1
        tick()
    }

    /// Reports the end of a poll; schedules the next one.
    func completed(success: Bool) {
        inFlight = false
        failures = success ? 0 : failures + 1
        schedule()
    }

    private func schedule() {
        cancelTimer()
        guard visible, !paused else { return }
        let delay = currentDelay
        nextDue = clock.now.addingTimeInterval(delay.seconds)
        timer = clock.schedule(after: delay) { [weak self] in
            self?.timer = nil
            self?.fireNow()
        }
    }

    private func cancelTimer() {
        timer?.cancel()
        timer = nil
        nextDue = nil
    }

    /// Stops everything (the pane shows another subscription, or is discarded). A poll still
    /// in flight is forgotten: its owner drops the answer and never reports it.
    func stop() {
        visible = false
        inFlight = false
        failures = 0
        cancelTimer()
    }
}
