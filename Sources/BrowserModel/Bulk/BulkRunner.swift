import Foundation

/// What became of one invoice of a bulk run.
public enum BulkOutcome: Sendable, Equatable {
    /// Lago took it (`detail`: the final number of a finalized draft, a saved PDF's path).
    case succeeded(detail: String?)
    /// Lago said no; nothing changed.
    case refused(status: Int, code: String?, message: String)
    /// It may or may not have been applied (reset, timeout, 5xx after sending). It was
    /// re-read, never re-sent; `message` says what the re-read found.
    case unknown(message: String)
    /// Could not be done and nothing changed (a PDF download that failed).
    case failed(message: String)
    /// Never sent: the run was stopped first.
    case notSent

    /// "succeeded", "refused", "unknown", "not_sent" (NDJSON and the result table).
    public var name: String {
        switch self {
        case .succeeded: return "succeeded"
        case .refused: return "refused"
        case .unknown: return "unknown"
        case .failed: return "failed"
        case .notSent: return "not_sent"
        }
    }

    /// Lago's error code, when it refused.
    public var code: String? { if case let .refused(_, code, _) = self { return code } else { return nil } }

    /// Lago's message or what is known.
    public var message: String {
        switch self {
        case let .succeeded(detail): return detail ?? ""
        case let .refused(_, _, message): return message
        case let .unknown(message): return message
        case let .failed(message): return message
        case .notSent: return "stopped before it was sent"
        }
    }
}

/// One row of a bulk run's result table.
public struct BulkResult: Sendable, Equatable {
    public var invoice: MarkedInvoice
    public var outcome: BulkOutcome

    public init(invoice: MarkedInvoice, outcome: BulkOutcome) {
        self.invoice = invoice
        self.outcome = outcome
    }
}

/// A bulk run as an I/O-free state machine (async-http-client's connection pool is the
/// model): each event goes in as a `mutating` call and the actions to take come out. It
/// keeps at most `concurrency` requests in flight, slows down (halving the concurrency and
/// pausing for `Retry-After`) when Lago answers 429, re-sends only requests Lago certainly
/// did not process (a 429), re-reads every invoice whose outcome is unknown instead of
/// sending it again, and after `stop()` starts nothing new while the ones in flight finish.
public struct BulkRunner: Sendable {
    /// What the executor must do next.
    public enum Action: Sendable, Equatable {
        /// Send the action for `plan.items[index]`.
        case send(Int)
        /// Re-read `plan.items[index]` (its outcome is unknown).
        case reread(Int)
        /// Pause new sends for this many seconds, then call `waited()`.
        case wait(seconds: Double)
        /// Every invoice has its outcome.
        case finished
    }

    /// How one send ended, as the executor classified it.
    public enum SendResult: Sendable, Equatable {
        case done(detail: String?)
        case refused(status: Int, code: String?, message: String)
        /// 429: not processed; send again later, after `retryAfter` seconds when Lago said.
        case rateLimited(retryAfter: Double?)
        /// May have been applied.
        case unknown(message: String)
        /// Nothing changed and it is not worth sending again in this run.
        case failed(message: String)
    }

    /// How a re-read after an unknown outcome ended.
    public enum RereadResult: Sendable, Equatable {
        case read(InvoiceFacts)
        case failed(message: String)
    }

    private enum Phase: Sendable, Equatable {
        case waiting, sending, rereading(String), done(BulkOutcome)
    }

    public let plan: BulkPlan
    /// The concurrency asked for; `concurrency` drops below it after 429s.
    public let maximumConcurrency: Int
    public private(set) var concurrency: Int
    private var phases: [Phase]
    /// Items to send, in plan order (a rate-limited one goes back in its place).
    private var queue: [Int]
    private var inFlight = 0
    private var pausing = false
    public private(set) var stopped = false
    public private(set) var rateLimitedCount = 0
    /// Sends per item, to prove none is sent twice unless Lago refused it with 429.
    public private(set) var sends: [Int]

    /// Seconds to wait after a 429 that named no `Retry-After`.
    public static let defaultBackoff = 1.0

    public init(plan: BulkPlan, concurrency: Int = 4) {
        self.plan = plan
        maximumConcurrency = max(1, concurrency)
        self.concurrency = maximumConcurrency
        phases = Array(repeating: .waiting, count: plan.items.count)
        queue = Array(plan.items.indices)
        sends = Array(repeating: 0, count: plan.items.count)
    }

    // MARK: events

    /// Starts the run.
    public mutating func start() -> [Action] { fill() }

    /// A send ended.
    public mutating func sent(_ index: Int, _ result: SendResult) -> [Action] {
        guard phases.indices.contains(index), phases[index] == .sending else { return [] }
        inFlight -= 1
        switch result {
        case let .done(detail):
            phases[index] = .done(.succeeded(detail: detail))
        case let .refused(status, code, message):
            phases[index] = .done(.refused(status: status, code: code, message: message))
        case let .rateLimited(retryAfter):
            rateLimitedCount += 1
            phases[index] = .waiting
            // Back in plan order, ahead of the invoices not sent yet.
            queue.insert(index, at: queue.firstIndex { $0 > index } ?? queue.count)
            concurrency = max(1, concurrency / 2)
            if !pausing {
                pausing = true
                return [.wait(seconds: max(0, retryAfter ?? Self.defaultBackoff))] + fill()
            }
        case let .unknown(message):
            phases[index] = .rereading(message)
            return [.reread(index)] + fill()
        case let .failed(message):
            phases[index] = .done(.failed(message: message))
        }
        return fill()
    }

    /// A re-read after an unknown outcome ended. The outcome stays unknown (it was never
    /// re-sent) except for a finalize the re-read shows done: the draft is not a draft any more.
    public mutating func reread(_ index: Int, _ result: RereadResult) -> [Action] {
        guard phases.indices.contains(index), case let .rereading(message) = phases[index] else { return [] }
        switch result {
        case let .read(facts):
            if plan.action == .finalize, facts.status != .draft {
                phases[index] = .done(.succeeded(detail: "\(facts.status) (confirmed by re-read after: \(message))"))
            } else {
                phases[index] = .done(.unknown(message: "\(message); re-read: \(Self.describe(facts))"))
            }
        case let .failed(reason):
            phases[index] = .done(.unknown(message: "\(message); re-read failed: \(reason)"))
        }
        return fill()
    }

    /// The pause after a 429 is over; concurrency grows back by one.
    public mutating func waited() -> [Action] {
        guard pausing else { return [] }
        pausing = false
        concurrency = min(maximumConcurrency, concurrency + 1)
        return fill()
    }

    /// Esc: nothing new starts; the requests in flight finish and are reported.
    public mutating func stop() -> [Action] {
        guard !stopped else { return [] }
        stopped = true
        for i in queue { phases[i] = .done(.notSent) }
        queue = []
        return fill()
    }

    // MARK: progress

    /// Invoices with an outcome.
    public var completed: Int { phases.filter { if case .done = $0 { return true } else { return false } }.count }
    public var total: Int { plan.items.count }
    public var isFinished: Bool { completed == total }
    public var succeeded: Int { count { if case .succeeded = $0 { return true } else { return false } } }
    public var refused: Int { count { if case .refused = $0 { return true } else { return false } } }
    public var unknown: Int { count { if case .unknown = $0 { return true } else { return false } } }
    public var notSent: Int { count { $0 == .notSent } }
    public var failed: Int { count { if case .failed = $0 { return true } else { return false } } }
    /// Requests being sent or re-read now.
    public var running: Int { inFlight + phases.filter { if case .rereading = $0 { return true } else { return false } }.count }

    /// The result table, in plan order (only invoices with an outcome).
    public var results: [BulkResult] {
        phases.enumerated().compactMap { i, phase in
            if case let .done(outcome) = phase { return BulkResult(invoice: plan.items[i], outcome: outcome) }
            return nil
        }
    }

    /// Refusals by Lago's code ("invalid_status": 2).
    public var refusalCodes: [(code: String, count: Int)] {
        var counts: [String: Int] = [:]
        for case let .done(.refused(status, code, _)) in phases { counts[code ?? String(status), default: 0] += 1 }
        return counts.sorted { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }.map { ($0.key, $0.value) }
    }

    // MARK: internals

    private func count(_ match: (BulkOutcome) -> Bool) -> Int {
        phases.reduce(0) { n, phase in
            if case let .done(outcome) = phase, match(outcome) { return n + 1 }
            return n
        }
    }

    /// Sends from the queue up to the concurrency, unless paused or stopped.
    private mutating func fill() -> [Action] {
        var actions: [Action] = []
        while !pausing, !stopped, inFlight < concurrency, !queue.isEmpty {
            let i = queue.removeFirst()
            phases[i] = .sending
            sends[i] += 1
            inFlight += 1
            actions.append(.send(i))
        }
        if isFinished { actions.append(.finished) }
        return actions
    }

    static func describe(_ f: InvoiceFacts) -> String {
        f.status == .finalized ? "finalized, payment \(f.paymentStatus)" : "\(f.status)"
    }
}
