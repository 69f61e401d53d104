import Foundation

/// Retries by itself after Lago could not be reached, so the browser recovers when the server
/// does without the user pressing ctrl-r. Waits double after each failure (1 s, 2 s, 4 s …)
/// up to a cap, one retry at a time; a success anywhere resets it. Time comes from the
/// injected clock, so tests step it instead of sleeping.
@MainActor
final class RecoveryScheduler {
    private let clock: any BrowserClock
    let initialDelay: Duration
    let maximumDelay: Duration
    private let retry: @MainActor () -> Void
    private var timer: (any BrowserTimer)?
    /// Failures since the last success.
    private(set) var failures = 0
    /// When the next retry runs, or nil when none is scheduled.
    private(set) var nextDue: Date?
    /// Retries started so far.
    private(set) var retries = 0

    init(clock: any BrowserClock, initialDelay: Duration = .seconds(1), maximumDelay: Duration = .seconds(30),
         retry: @escaping @MainActor () -> Void) {
        self.clock = clock
        self.initialDelay = max(initialDelay, .milliseconds(1))
        self.maximumDelay = max(maximumDelay, self.initialDelay)
        self.retry = retry
    }

    /// The wait before the next retry given the failures so far.
    var currentDelay: Duration {
        var delay = initialDelay
        for _ in 0..<min(max(failures - 1, 0), 32) {
            delay = delay * 2
            if delay >= maximumDelay { return maximumDelay }
        }
        return delay
    }

    /// A load failed in a way a later attempt may fix: schedules one retry unless one is
    /// waiting already (several panes failing together count as one failure).
    func failed() {
        guard timer == nil else { return }
        failures += 1
        let delay = currentDelay
        nextDue = clock.now.addingTimeInterval(delay.seconds)
        timer = clock.schedule(after: delay) { [weak self] in
            guard let self else { return }
            self.timer = nil
            self.nextDue = nil
            self.retries += 1
            self.retry()
        }
    }

    /// A load succeeded: the back-off starts again from the initial delay. A waiting retry
    /// is kept while `stillFailing` (another pane has not recovered yet).
    func succeeded(stillFailing: Bool) {
        failures = 0
        if !stillFailing { cancel() }
    }

    /// Drops any waiting retry (a new session, or nothing left to retry).
    func cancel() {
        timer?.cancel()
        timer = nil
        nextDue = nil
    }

    /// "retrying in 4 s" while a retry waits, for the header.
    func note(now: Date) -> String? {
        guard let nextDue else { return nil }
        return "retrying in \(max(1, Int(nextDue.timeIntervalSince(now).rounded(.up)))) s"
    }
}
