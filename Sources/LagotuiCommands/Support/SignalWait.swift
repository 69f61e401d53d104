import Foundation

/// Suspends until SIGINT or SIGTERM arrives (the demo's sandbox serves until then).
enum SignalWait {
    static func untilInterrupted() async {
        let stream = AsyncStream<Void> { continuation in
            for sig in [SIGINT, SIGTERM] {
                signal(sig, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
                source.setEventHandler { continuation.finish() }
                source.resume()
                Holder.keep(source)
            }
        }
        for await _ in stream {}
    }

    /// Keeps signal sources alive for the rest of the process.
    private enum Holder {
        nonisolated(unsafe) static var sources: [any DispatchSourceSignal] = []
        static func keep(_ source: any DispatchSourceSignal) { sources.append(source) }
    }
}
