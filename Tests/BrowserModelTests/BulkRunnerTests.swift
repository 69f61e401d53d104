import Foundation
import LagoAPI
import Synchronization
import Testing
@testable import BrowserModel

/// The bulk runner as a state machine (scripted outcomes, no I/O), and the executor over
/// scripted closures.
@Suite struct BulkRunnerTests {
    static func facts(_ status: InvoiceFacts.Status = .finalized, _ payment: InvoiceFacts.PaymentStatus = .failed,
                      currency: String = "USD", cents: Int64 = 1_000) -> InvoiceFacts {
        InvoiceFacts(status: status, paymentStatus: payment, taxPending: false, currency: currency, dueCents: cents, totalCents: cents)
    }

    static func plan(_ count: Int, action: BulkAction = .retryPayment) -> BulkPlan {
        let status: InvoiceFacts.Status = action == .finalize || action == .refresh ? .draft : .finalized
        return BulkPlan(action: action, marked: (0..<count).map {
            MarkedInvoice(id: "inv_\($0)", number: "INV-\($0)", customer: "cus", facts: Self.facts(status))
        })
    }

    static func sends(_ actions: [BulkRunner.Action]) -> [Int] {
        actions.compactMap { if case let .send(i) = $0 { return i } else { return nil } }
    }

    @Test func planSkipsWithTheSingleActionsReasonsAndTotalsPerCurrency() {
        let marked = [
            MarkedInvoice(id: "a", number: "A", customer: "x", facts: Self.facts(cents: 841_220)),
            MarkedInvoice(id: "b", number: "B", customer: "x", facts: Self.facts(currency: "EUR", cents: 9_610)),
            MarkedInvoice(id: "c", number: "C", customer: "x", facts: Self.facts(.finalized, .succeeded)),
            MarkedInvoice(id: "d", number: "D", customer: "x", facts: Self.facts(.draft, .pending)),
            MarkedInvoice(id: "e", number: "E", customer: "x", facts: nil),
        ]
        let plan = BulkPlan(action: .retryPayment, marked: marked)
        #expect(plan.items.map { $0.id } == ["a", "b"])
        #expect(plan.totalsText == "€96.10 · $8,412.20")
        #expect(plan.skipped.map { $0.reason } == ["payment already succeeded", "only finalized invoices can be retried",
                                               "not loaded any more (no longer in this list)"])
        #expect(plan.summaryLines.first == "2 invoices to retry payment: €96.10 · $8,412.20")
        let finalize = BulkPlan(action: .finalize, marked: marked)
        #expect(finalize.items.map { $0.id } == ["d"])
    }

    @Test func keepsAtMostTheConcurrencyInFlight() {
        var runner = BulkRunner(plan: Self.plan(10), concurrency: 4)
        #expect(Self.sends(runner.start()) == [0, 1, 2, 3])
        #expect(Self.sends(runner.sent(1, .done(detail: nil))) == [4])
        #expect(runner.running == 4)
        #expect(Self.sends(runner.sent(1, .done(detail: nil))).isEmpty, "a second answer for one invoice is ignored")
    }

    @Test func rateLimitPausesHalvesConcurrencyAndResendsOnlyThatInvoice() {
        var runner = BulkRunner(plan: Self.plan(6), concurrency: 4)
        _ = runner.start()
        let actions = runner.sent(0, .rateLimited(retryAfter: 2))
        #expect(actions == [.wait(seconds: 2)], "nothing new starts during the pause")
        #expect(runner.concurrency == 2)
        #expect(runner.sent(1, .rateLimited(retryAfter: 5)).isEmpty, "one pause at a time")
        #expect(runner.concurrency == 1)
        _ = runner.sent(2, .done(detail: nil))
        _ = runner.sent(3, .done(detail: nil))
        let resumed = runner.waited()
        #expect(Self.sends(resumed) == [0, 1], "the ones refused with 429 go first, in plan order")
        #expect(runner.concurrency == 2)
        #expect(runner.sends == [2, 2, 1, 1, 0, 0])
    }

    @Test func unknownOutcomeIsRereadNeverResent() {
        var runner = BulkRunner(plan: Self.plan(2), concurrency: 4)
        _ = runner.start()
        #expect(runner.sent(0, .unknown(message: "connection reset")) == [.reread(0)])
        _ = runner.sent(1, .done(detail: nil))
        #expect(!runner.isFinished)
        #expect(runner.reread(0, .read(Self.facts(.finalized, .failed))) == [.finished])
        #expect(runner.sends == [1, 1])
        #expect(runner.results.map(\.outcome.name) == ["unknown", "succeeded"])
        #expect(runner.results[0].outcome.message == "connection reset; re-read: finalized, payment failed")
    }

    @Test func aFinalizeTheRereadShowsDoneCountsAsSucceeded() {
        var runner = BulkRunner(plan: Self.plan(1, action: .finalize))
        _ = runner.start()
        _ = runner.sent(0, .unknown(message: "timeout"))
        _ = runner.reread(0, .read(Self.facts(.finalized, .pending)))
        #expect(runner.results.map(\.outcome.name) == ["succeeded"])
    }

    @Test func stopStartsNothingNewAndReportsTheRestAsNotSent() {
        var runner = BulkRunner(plan: Self.plan(10), concurrency: 2)
        _ = runner.start()
        #expect(Self.sends(runner.stop()).isEmpty)
        _ = runner.sent(0, .refused(status: 405, code: "invalid_status", message: "invoice cannot be retried"))
        #expect(runner.sent(1, .done(detail: nil)) == [.finished])
        #expect(runner.notSent == 8)
        #expect(runner.refusalCodes.map { $0.code } == ["invalid_status"])
        #expect(runner.progressText == "10/10 · 1 succeeded · 1 refused (invalid_status) · 8 not sent")
    }

    @Test func resultLinesAreNDJSON() throws {
        let result = BulkResult(invoice: MarkedInvoice(id: "i\"1", number: "INV-1", customer: "Acme", facts: nil),
                                outcome: .refused(status: 405, code: "invalid_status", message: "no"))
        let json = try JSONValue.parse(result.ndjsonLine)
        #expect(json.string("lago_id") == "i\"1")
        #expect(json.string("outcome") == "refused")
        #expect(json.string("code") == "invalid_status")
        #expect(!result.ndjsonLine.contains("\n"))
    }

    /// Scripted outcomes by invoice index, counted per send.
    final class Script: Sendable {
        let sent = Mutex<[Int: Int]>([:])
        let inFlight = Mutex((now: 0, most: 0))
        let rereads = Mutex<[Int]>([])
        func send(_ invoice: MarkedInvoice) async -> BulkRunner.SendResult {
            let i = Int(invoice.id.dropFirst(4))!
            let n = sent.withLock { $0[i, default: 0] += 1; return $0[i]! }
            inFlight.withLock { $0.now += 1; $0.most = max($0.most, $0.now) }
            await Task.yield()
            inFlight.withLock { $0.now -= 1 }
            switch i % 5 {
            case 0: return n == 1 ? .rateLimited(retryAfter: 0) : .done(detail: nil)
            case 1: return .unknown(message: "reset")
            case 2: return .refused(status: 405, code: "invalid_status", message: "no")
            default: return .done(detail: nil)
            }
        }
    }

    @Test func executorRunsTheMachineToTheEndOverScriptedOutcomes() async {
        let script = Script()
        let executor = BulkExecutor(send: { await script.send($0) },
                                    reread: { invoice in
                                        script.rereads.withLock { $0.append(Int(invoice.id.dropFirst(4))!) }
                                        return .read(Self.facts())
                                    },
                                    wait: { _ in await Task.yield() })
        let final = await executor.run(BulkRunner(plan: Self.plan(50), concurrency: 4))
        #expect(final.isFinished)
        #expect(final.results.count == 50)
        #expect(script.inFlight.withLock { $0.most } <= 4)
        let sent = script.sent.withLock { $0 }
        for i in 0..<50 { #expect(sent[i] == (i % 5 == 0 ? 2 : 1), "invoice \(i) sent \(sent[i] ?? 0) times") }
        #expect(script.rereads.withLock { $0.sorted() } == (0..<50).filter { $0 % 5 == 1 })
        #expect(final.succeeded == 30)
        #expect(final.refused == 10)
        #expect(final.unknown == 10)
    }

    @Test func executorStopsStartingNewOnesWhenSignalled() async {
        let stop = BulkStopSignal()
        let executor = BulkExecutor(send: { _ in stop.stop(); return .done(detail: nil) },
                                    reread: { _ in .failed(message: "") }, wait: { _ in })
        let final = await executor.run(BulkRunner(plan: Self.plan(20), concurrency: 2), stop: stop)
        #expect(final.succeeded == 2)
        #expect(final.notSent == 18)
    }
}
