import Foundation

/// Tells a running bulk executor to start nothing new (Esc, Ctrl-C).
public final class BulkStopSignal: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    public init() {}
    public func stop() { lock.withLock { value = true } }
    public var isStopped: Bool { lock.withLock { value } }
}

/// Runs a `BulkRunner`'s actions: each send, re-read and pause is one child task; every
/// answer goes back into the runner, whose new actions are run in turn. The I/O is three
/// closures, so the browser (data source, its clock), `lagotui bulk` (LagoClient) and the
/// tests (scripted outcomes) drive the same state machine.
public struct BulkExecutor: Sendable {
    public var send: @Sendable (MarkedInvoice) async -> BulkRunner.SendResult
    public var reread: @Sendable (MarkedInvoice) async -> BulkRunner.RereadResult
    public var wait: @Sendable (Double) async -> Void

    public init(send: @escaping @Sendable (MarkedInvoice) async -> BulkRunner.SendResult,
                reread: @escaping @Sendable (MarkedInvoice) async -> BulkRunner.RereadResult,
                wait: @escaping @Sendable (Double) async -> Void) {
        self.send = send
        self.reread = reread
        self.wait = wait
    }

    private enum Event: Sendable {
        case sent(Int, BulkRunner.SendResult)
        case reread(Int, BulkRunner.RereadResult)
        case waited
    }

    /// Runs `runner` to the end (or, after `stop`, until the requests in flight are done),
    /// calling `progress` after every event. Returns the final state (its `results`).
    public func run(_ runner: BulkRunner, stop: BulkStopSignal = BulkStopSignal(),
                    progress: @escaping @Sendable (BulkRunner) async -> Void = { _ in }) async -> BulkRunner {
        var runner = runner
        let items = runner.plan.items
        let send = self.send, reread = self.reread, wait = self.wait
        return await withTaskGroup(of: Event.self, returning: BulkRunner.self) { group in
            var waiting = 0
            func launch(_ actions: [BulkRunner.Action], _ group: inout TaskGroup<Event>) {
                for action in actions {
                    switch action {
                    case let .send(i): group.addTask { .sent(i, await send(items[i])) }
                    case let .reread(i): group.addTask { .reread(i, await reread(items[i])) }
                    case let .wait(seconds):
                        waiting += 1
                        group.addTask {
                            await wait(seconds)
                            return .waited
                        }
                    case .finished: break
                    }
                }
            }
            if stop.isStopped { launch(runner.stop(), &group) }
            launch(runner.start(), &group)
            await progress(runner)
            while let event = await group.next() {
                // Stopped: nothing new may start from this event on.
                var actions = stop.isStopped ? runner.stop() : []
                switch event {
                case let .sent(i, result): actions += runner.sent(i, result)
                case let .reread(i, result): actions += runner.reread(i, result)
                case .waited:
                    waiting -= 1
                    actions += runner.waited()
                }
                launch(actions, &group)
                await progress(runner)
                // A pause still pending once every invoice has its outcome is not waited for.
                if runner.isFinished, runner.running == 0, waiting > 0 {
                    group.cancelAll()
                    break
                }
            }
            return runner
        }
    }
}
