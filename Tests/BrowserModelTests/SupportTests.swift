import Foundation
import Testing
@testable import BrowserModel
import LagoAPI

@Suite struct TextAndMoneyTests {
    @Test func terminalSafeText() {
        #expect(TextSanitizer.clean("plain 漢字 ✓") == "plain 漢字 ✓")
        #expect(TextSanitizer.clean("a\u{1b}[2Jb\u{9b}c\nd") == "a\u{241B}[2Jb\u{FFFD}c d")
        #expect(TextSanitizer.clean("\u{7f}\u{7}") == "\u{2421}\u{2407}")
    }

    @Test func moneyAndDates() {
        #expect(Format.money(cents: 125_000, currency: "USD") == "$1,250.00")
        #expect(Format.money(cents: 1250, currency: "JPY") == "¥1,250")
        #expect(Format.money(cents: 500, currency: "") == "$5.00")
        #expect(Format.date("2024-01-31") == "2024-01-31")
        #expect(Format.date("2024-01-31T10:00:00Z") == "2024-01-31 10:00")
        #expect(Format.date("2024-01-31T10:00:00.123Z") == "2024-01-31 10:00")
        let started = ColumnSpec.date("STARTED", ["started_at"]).cell(try! JSONValue.parse(#"{"started_at":"2026-10-15T12:30:00Z"}"#))
        #expect(started.text == "2026-10-15")
        #expect(started.sortKey == .text("2026-10-15T12:30:00Z"))
        #expect(Format.decimal("4.0") == "4")
        #expect(MoneyText.cents(fromMajor: Decimal(string: "12.345")!, currencyCode: "USD") == 1235)
    }
}

@MainActor
@Suite struct ClockAndTrackerTests {
    @Test func manualClockFiresInOrderOnlyWhenAdvanced() {
        let clock = ManualBrowserClock()
        var fired: [Int] = []
        _ = clock.schedule(after: .seconds(2)) { fired.append(2) }
        let cancelled = clock.schedule(after: .seconds(1)) { fired.append(99) }
        _ = clock.schedule(after: .seconds(1)) { fired.append(1) }
        cancelled.cancel()
        clock.advance(by: .milliseconds(999))
        #expect(fired.isEmpty)
        clock.advance(by: .seconds(5))
        #expect(fired == [1, 2])
        #expect(clock.pendingCount == 0)
    }

    @Test func trackerWaitsForFollowUpWork() async {
        let tracker = BusyTracker()
        var log: [String] = []
        tracker.run {
            await Task.yield()
            log.append("first")
            tracker.run {
                await Task.yield()
                log.append("second")
            }
        }
        #expect(tracker.isBusy)
        await tracker.idle()
        #expect(log == ["first", "second"])
        #expect(!tracker.isBusy)
    }

    @Test func pollSchedulerDropsOverlappingTicks() {
        let clock = ManualBrowserClock()
        var ticks = 0
        let poller = PollScheduler(clock: clock, interval: .seconds(5), maximumBackoff: .seconds(60)) { ticks += 1 }
        poller.setVisible(true)
        #expect(ticks == 1)
        poller.fireNow()
        #expect(ticks == 1)  // one is in flight
        poller.completed(success: false)
        poller.completed(success: false)
        #expect(poller.currentDelay == .seconds(20))
        for _ in 0..<6 { poller.completed(success: false) }
        #expect(poller.currentDelay == .seconds(60))
        poller.completed(success: true)
        #expect(poller.currentDelay == .seconds(5))
    }
}

@Suite struct DetailFieldTests {
    /// Cents fields read as money in the right currency: the record's, a fee's own
    /// `amount_currency`, a parent's for nested objects, and three decimals for KWD.
    @Test @MainActor func centsFieldsShowAsMoney() throws {
        let json = try JSONValue.parse(#"""
            {"currency":"EUR","total_amount_cents":8966,"sequential_id":1,
             "fees":[{"amount_cents":4508,"amount_currency":"KWD","units":"1"}],
             "customer":{"balance_cents":-250},"note_cents":"12"}
            """#)
        let lines = DetailPane.fieldTree(json).map(\.text)
        #expect(lines.contains("total_amount_cents: 8966 · €89.66"))
        #expect(lines.contains("amount_cents: 4508 · KWD 4.508"))
        #expect(lines.contains("balance_cents: -250 · -€2.50"))
        #expect(lines.contains("sequential_id: 1"))
        // A string is shown as sent, never reinterpreted as an amount.
        #expect(lines.contains("note_cents: 12"))
    }
}
