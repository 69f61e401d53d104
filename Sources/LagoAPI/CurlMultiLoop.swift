import CCurl
import Foundation
import Synchronization

/// The thread that owns one `CURLM` handle.
///
/// Other threads only append to the inbox (under a `Mutex`) and call `curl_multi_wakeup`;
/// the loop moves new transfers onto the multi handle (at most `maxConcurrentRequests` at
/// once), runs `curl_multi_perform`, resumes finished transfers, removes cancelled ones and
/// sleeps in `curl_multi_poll` until there is socket activity, a timer, or a wake-up.
final class CurlMultiLoop: @unchecked Sendable {
    private struct Inbox {
        var submitted: [CurlTransfer] = []
        var stopping = false
        var closed = false
        var pending = 0
    }

    private let options: CurlTransport.Options
    private let multi: UnsafeMutableRawPointer
    private let inbox = Mutex(Inbox())

    // Loop-thread state.
    private var waiting: [CurlTransfer] = []
    private var active: [UnsafeMutableRawPointer: CurlTransfer] = [:]

    init(options: CurlTransport.Options) {
        self.options = options
        guard let multi = curl_multi_init() else {
            fatalError("libcurl could not create a multi handle (out of memory)")
        }
        self.multi = multi
        let limit = options.maxConcurrentRequests
        _ = lagocurl_multi_setopt_long(multi, CURLMOPT_MAX_HOST_CONNECTIONS, limit)
        _ = lagocurl_multi_setopt_long(multi, CURLMOPT_MAXCONNECTS, limit * 2)
        _ = lagocurl_multi_setopt_long(multi, CURLMOPT_PIPELINING, Int(CURLPIPE_MULTIPLEX))
    }

    func start() {
        let thread = Thread { [self] in run() }
        thread.name = "lagotui.curl"
        thread.start()
    }

    /// Hands a transfer to the loop (any thread).
    func submit(_ transfer: CurlTransfer) {
        let accepted = inbox.withLock { inbox -> Bool in
            guard !inbox.stopping else { return false }
            inbox.submitted.append(transfer)
            inbox.pending += 1
            curl_multi_wakeup(multi)
            return true
        }
        if !accepted { transfer.finish(.failure(.cancelled)) }
    }

    /// Interrupts `curl_multi_poll` so the loop looks at its inbox and cancellations.
    func wakeUp() {
        inbox.withLock { inbox in
            if !inbox.closed { curl_multi_wakeup(multi) }
        }
    }

    /// Stops the loop; transfers still queued or running fail with `.cancelled`.
    func shutdown() {
        inbox.withLock { inbox in
            inbox.stopping = true
            if !inbox.closed { curl_multi_wakeup(multi) }
        }
    }

    var pendingCount: Int { inbox.withLock { $0.pending } }

    // MARK: - Loop thread

    private func run() {
        while true {
            let (incoming, stopping) = inbox.withLock { inbox -> ([CurlTransfer], Bool) in
                defer { inbox.submitted.removeAll(keepingCapacity: true) }
                return (inbox.submitted, inbox.stopping)
            }
            if stopping { break }
            waiting.append(contentsOf: incoming)
            removeCancelled()
            startWaiting()
            var running: Int32 = 0
            curl_multi_perform(multi, &running)
            collectFinished()
            if startWaiting() {
                continue
            }
            var descriptors: Int32 = 0
            curl_multi_poll(multi, nil, 0, 1000, &descriptors)
        }
        tearDown()
    }

    /// Moves waiting transfers onto the multi handle while there is room; true if any moved.
    @discardableResult
    private func startWaiting() -> Bool {
        var started = false
        while active.count < options.maxConcurrentRequests, !waiting.isEmpty {
            let transfer = waiting.removeFirst()
            if transfer.isCancelled {
                complete(transfer, .failure(.cancelled))
                continue
            }
            do {
                let easy = try CurlEasy.configure(transfer)
                let code = curl_multi_add_handle(multi, easy)
                guard code == CURLM_OK else {
                    complete(transfer, .failure(.network("libcurl refused the request (multi code \(code.rawValue))")))
                    continue
                }
                active[easy] = transfer
                started = true
            } catch {
                complete(transfer, .failure(error))
            }
        }
        return started
    }

    private func removeCancelled() {
        for transfer in waiting where transfer.isCancelled {
            complete(transfer, .failure(.cancelled))
        }
        waiting.removeAll { $0.continuation == nil }
        for (easy, transfer) in active where transfer.isCancelled {
            curl_multi_remove_handle(multi, easy)
            active[easy] = nil
            complete(transfer, .failure(.cancelled))
        }
    }

    private func collectFinished() {
        var remaining: Int32 = 0
        while let message = curl_multi_info_read(multi, &remaining) {
            guard message.pointee.msg == CURLMSG_DONE, let easy = message.pointee.easy_handle else { continue }
            let code = lagocurl_msg_result(message)
            curl_multi_remove_handle(multi, easy)
            guard let transfer = active.removeValue(forKey: easy) else { continue }
            if transfer.isCancelled {
                complete(transfer, .failure(.cancelled))
            } else {
                complete(transfer, CurlEasy.result(of: transfer, code: code))
            }
        }
    }

    private func complete(_ transfer: CurlTransfer, _ result: Result<HTTPResponse, LagoError>) {
        transfer.releaseHandle()
        inbox.withLock { $0.pending -= 1 }
        transfer.finish(result)
    }

    private func tearDown() {
        for (easy, transfer) in active {
            curl_multi_remove_handle(multi, easy)
            complete(transfer, .failure(.cancelled))
        }
        active.removeAll()
        for transfer in waiting { complete(transfer, .failure(.cancelled)) }
        waiting.removeAll()
        let late = inbox.withLock { inbox -> [CurlTransfer] in
            inbox.closed = true
            defer { inbox.submitted.removeAll() }
            return inbox.submitted
        }
        for transfer in late { complete(transfer, .failure(.cancelled)) }
        curl_multi_cleanup(multi)
    }
}
