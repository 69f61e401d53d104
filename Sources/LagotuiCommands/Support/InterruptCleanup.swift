import Foundation
import Synchronization

/// Removes half-written files when the user interrupts (SIGINT, SIGTERM, SIGHUP), then exits
/// with 128+signal. Exports register their temporary files here so Ctrl-C never leaves a
/// partial export (or a CSV spool holding customer data) behind.
public final class InterruptCleanup: Sendable {
    /// The process-wide registry.
    public static let shared = InterruptCleanup()

    private let paths = Mutex<Set<String>>([])
    nonisolated(unsafe) private var sources: [any DispatchSourceSignal] = []
    private let installed = Mutex(false)

    /// Starts listening for the signals (once); call before creating temporary files.
    public func install() {
        let first = installed.withLock { done -> Bool in
            defer { done = true }
            return !done
        }
        guard first else { return }
        for sig in [SIGINT, SIGTERM, SIGHUP] {
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            source.setEventHandler { [self] in self.interrupted(by: sig) }
            source.resume()
            sources.append(source)  // only the first caller of install() gets here
        }
    }

    /// Remembers a file to delete if the process is interrupted.
    public func register(_ path: String) { paths.withLock { _ = $0.insert(path) } }

    /// Forgets a file (it was renamed into place or already removed).
    public func unregister(_ path: String) { paths.withLock { _ = $0.remove(path) } }

    private func interrupted(by sig: Int32) {
        let pending = paths.withLock { $0 }
        for path in pending { unlink(path) }
        if sig == SIGINT { FileHandle.standardError.write(Data("\ninterrupted\n".utf8)) }
        _exit(128 + sig)
    }
}
