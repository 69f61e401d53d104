import Synchronization

/// Suspended waiters that a test resumes by id, and that cancellation (a test's time limit)
/// also resumes, so a test that fails by timing out ends instead of hanging the whole run.
///
/// Typical use: keep your own condition under your own lock, and register the waiter's id
/// there when the condition does not hold yet:
///
/// ```swift
/// await waiters.wait { id in
///     state.withLock { if $0.done { return true }; $0.waiting.append(id); return false }
/// }
/// // elsewhere: for id in readyIDs { waiters.resume(id) }
/// ```
public final class WaiterSet: Sendable {
    private let continuations = Mutex<[UInt64: CheckedContinuation<Void, Never>]>([:])
    private let nextID = Atomic<UInt64>(0)

    /// Creates an empty set.
    public init() {}

    /// Suspends until resumed by id or cancelled. `register` is called with the waiter's id
    /// and returns true when the awaited condition already holds (then it returns at once).
    public func wait(_ register: @Sendable (_ id: UInt64) -> Bool) async {
        let id = nextID.wrappingAdd(1, ordering: .relaxed).newValue
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                continuations.withLock { $0[id] = continuation }
                if register(id) || Task.isCancelled { resume(id) }
            }
        } onCancel: {
            resume(id)
        }
    }

    /// Resumes one waiter (no effect if it already resumed).
    public func resume(_ id: UInt64) {
        continuations.withLock { $0.removeValue(forKey: id) }?.resume()
    }
}
