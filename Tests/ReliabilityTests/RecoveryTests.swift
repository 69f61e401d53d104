import Foundation
import Testing
@testable import BrowserModel
import LagoTesting

/// The automatic retry on its own, on a manual clock: waits double from 1 s to a 30 s cap,
/// several failures in one round count once, a success resets the back-off, and a retry is
/// kept while something else is still failing.
@MainActor
@Suite struct RecoveryTests {
    @Test func backOffDoublesToTheCapAndResetsOnSuccess() {
        let clock = ManualBrowserClock()
        var retries = 0
        let recovery = RecoveryScheduler(clock: clock) { retries += 1 }
        var waits: [Duration] = []
        recovery.failed()
        for _ in 0..<8 {
            guard let due = clock.nextDueIn else { break }
            waits.append(due)
            clock.advance(by: due)
            // The retried loads fail again, three panes at once: one round, one failure.
            recovery.failed(); recovery.failed(); recovery.failed()
        }
        #expect(waits == [1, 2, 4, 8, 16, 30, 30, 30].map { Duration.seconds($0) })
        #expect(retries == 8)
        #expect(recovery.note(now: clock.now) == "retrying in 30 s")
        recovery.succeeded(stillFailing: true)
        #expect(recovery.nextDue != nil, "kept while another pane still fails")
        recovery.succeeded(stillFailing: false)
        #expect(recovery.nextDue == nil && clock.pendingCount == 0)
        recovery.failed()
        #expect(clock.nextDueIn == .seconds(1), "back to the first wait after a success")
    }

    /// In the browser, with a data source that fails and then recovers: no key is pressed
    /// after the failure, yet the list comes back; refusals (404) are not retried.
    @Test func theBrowserRetriesOutagesButNotRefusals() async {
        let ds = InMemoryDataSource()
        await ds.add(.customers, (1...3).map { #"{"lago_id":"c\#($0)","external_id":"e\#($0)","name":"Customer \#($0)"}"# })
        var config = BrowserConfiguration()
        config.selectionDebounce = .zero
        let clock = ManualBrowserClock()
        let model = BrowserModel(session: BrowserSession(profile: ProfileInfo(name: "t", environment: .test, readOnly: false, apiHost: "x"),
                                                         dataSource: ds),
                                 configuration: config, clock: clock)
        model.start()
        await model.idle()
        func focused() -> PaneSnapshot { let s = model.snapshot(); return s.body.panes[s.body.focusedIndex] }
        await ds.failNextList(.customers, .unavailable("connection refused"))
        model.handle(KeyPress("ctrl-r"))
        await model.idle()
        #expect(focused().state == .failed("connection refused"))
        #expect(model.snapshot().header.recovery == "retrying in 1 s")
        clock.advance(by: .seconds(1))
        await model.idle()
        #expect(focused().state == .idle, "recovered by itself")
        #expect(model.snapshot().header.apiStatus == nil)
        #expect(model.recovery.nextDue == nil)

        await ds.failNextList(.customers, .refused(status: 404, code: "not_found", message: "not found"))
        model.handle(KeyPress("ctrl-r"))
        await model.idle()
        #expect(model.recovery.nextDue == nil, "a refusal is an answer, not an outage")
    }
}
