import ArgumentParser
import Foundation
import LagoSandbox

/// `lago-sandbox`: a Lago-compatible server with seeded data and fault injection.
@main
struct LagoSandboxCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lago-sandbox",
        abstract: "A Lago-compatible API server with realistic seeded data and fault injection.",
        discussion: "The first line printed is exactly 'listening on http://HOST:PORT/api/v1'. Runs until SIGINT or SIGTERM.")

    @Option(help: "Interface to bind. Anything but loopback must be given explicitly.")
    var host: String = "127.0.0.1"

    @Option(help: "TCP port (0 picks a free one).")
    var port: Int = 8080

    @Option(name: .customLong("api-key"), help: "The API key clients must send as 'Authorization: Bearer KEY'.")
    var apiKey: String = "lago-sandbox-key"

    @Option(help: "Seed of the generated data and of fault draws.")
    var seed: UInt64 = 42

    @Option(help: "Number of seeded customers (other records scale with it).")
    var customers: Int = 40

    @Option(help: "Fault rules, e.g. '429:0.1,500:0.05,503:0.02,reset:0.02,truncate:0.02,latency:200ms,ratelimit:20/s'.")
    var faults: String = ""

    @Option(name: .customLong("live-events"), help: "New usage events per second on active subscriptions.")
    var liveEvents: Double = 0

    @Option(help: "Answer as a premium (licensed) Lago; 'false' gives 403 feature_unavailable on MRR, invoiced usage, invoice collection, activity logs and credit-note estimates.")
    var premium: Bool = true

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        guard customers >= 0 else { throw ValidationError("--customers must not be negative") }
        guard liveEvents >= 0 else { throw ValidationError("--live-events must not be negative") }
        guard !apiKey.isEmpty else { throw ValidationError("--api-key must not be empty") }
    }

    func run() async throws {
        // Signals are caught before the listening line, so a script may stop us right after it.
        let waiter = SignalWaiter()
        waiter.install()
        let sandbox = SandboxServer(options: SandboxOptions(
            host: host, port: port, apiKey: apiKey, seed: seed, customers: customers, faults: faults, liveEventsPerSecond: liveEvents, premium: premium))
        let url: URL
        do {
            url = try await sandbox.start()
        } catch let error as SandboxServer.StartError {
            throw ValidationError(error.description)
        }
        // Written straight to fd 1 so scripts reading the pipe see it at once.
        FileHandle.standardOutput.write(Data("listening on \(url.absoluteString)\n".utf8))
        await waiter.wait()
        await sandbox.stop()
    }
}

/// Catches SIGINT and SIGTERM through dispatch sources and lets `wait()` return once either
/// arrived (even if it arrived before `wait()` was called). All state lives on one serial queue.
final class SignalWaiter: @unchecked Sendable {
    private var sources: [any DispatchSourceSignal] = []
    private var continuation: CheckedContinuation<Void, Never>?
    private var signalled = false
    private let queue = DispatchQueue(label: "lago-sandbox.signals")

    func install() {
        queue.sync {
            for sig in [SIGINT, SIGTERM] {
                signal(sig, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: sig, queue: queue)
                source.setEventHandler { [self] in
                    signalled = true
                    continuation?.resume()
                    continuation = nil
                }
                source.resume()
                sources.append(source)
            }
        }
    }

    func wait() async {
        await withCheckedContinuation { continuation in
            queue.async { [self] in
                if signalled { continuation.resume() } else { self.continuation = continuation }
            }
        }
    }
}
