import Foundation

/// Automatic recovery: after a load fails because Lago was unreachable, unavailable or
/// refused the key, the failed panes are retried with back-off until they succeed. Refusals
/// (404, 422 …) are answers, not outages, and are left alone; live usage polls on its own
/// back-off.
extension BrowserModel {
    func loadFailed(_ error: any Error) {
        if let e = error as? BrowserDataError, case .unavailable = e {
            recovery.failed()
        }
    }

    func loadSucceeded() {
        recovery.succeeded(stillFailing: !failedPanes().isEmpty || !pendingRechecks.isEmpty)
    }

    /// Panes on any screen of the stack whose last load failed (live usage excepted).
    func failedPanes() -> [any Pane] {
        var found: [any Pane] = []
        for screen in stack {
            for pane in screen.panes where !(pane is UsagePane) {
                if case .failed = pane.snapshot(focused: false).state { found.append(pane) }
            }
        }
        return found
    }

    /// Re-reads what failed: failed list and detail panes on every screen (so going back
    /// finds them recovered too) and records whose re-read after an unknown outcome failed.
    func retryFailedLoads() {
        for record in pendingRechecks.values { reread(record, afterUnknownOutcome: true) }
        for screen in stack {
            let failed = screen.panes.filter { pane in
                guard !(pane is UsagePane), case .failed = pane.snapshot(focused: false).state else { return false }
                return true
            }
            guard !failed.isEmpty else { continue }
            if let overdue = screen.overdue, failed.contains(where: { $0 === overdue.pane }) {
                overdue.refresh()
            } else {
                for pane in failed { pane.refresh() }
            }
        }
        changed()
    }
}
