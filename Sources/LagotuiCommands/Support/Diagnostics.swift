import Foundation
import Synchronization
import LagoAPI

/// The last HTTP exchange that went wrong, for `--verbose` error lines.
public struct FailedExchange: Sendable, Equatable {
    public var method: String
    /// The URL with no credentials (the key travels only in the Authorization header).
    public var url: String
    public var status: Int?
    public var requestID: String?
    public var bodyExcerpt: String
}

/// Process-wide state for what is printed on stderr: secrets to redact, `--verbose`, and the
/// last failed exchange. Everything written to stderr goes through `Diagnostics.shared.line(_:)`.
public final class Diagnostics: Sendable {
    public static let shared = Diagnostics()

    private struct State {
        var secrets: [String] = []
        var verbose = false
        var lastFailure: FailedExchange?
    }
    private let state = Mutex(State())

    /// Registers a value that must never be printed (the API key).
    public func addSecret(_ secret: String) {
        guard secret.count >= 4 else { return }
        state.withLock { if !$0.secrets.contains(secret) { $0.secrets.append(secret) } }
    }

    public var verbose: Bool {
        get { state.withLock { $0.verbose } }
    }

    public func setVerbose(_ on: Bool) { state.withLock { $0.verbose = on } }

    /// Records a failed exchange (kept until the next one).
    public func recordFailure(_ exchange: FailedExchange) { state.withLock { $0.lastFailure = exchange } }

    public var lastFailure: FailedExchange? { state.withLock { $0.lastFailure } }

    /// Text with every registered secret replaced by `[redacted]` and control characters made inert.
    public func redact(_ text: String) -> String {
        let secrets = state.withLock { $0.secrets }
        var out = text
        for secret in secrets { out = out.replacingOccurrences(of: secret, with: "[redacted]") }
        return out
    }

    /// Writes one line to stderr, redacted and sanitised.
    public func line(_ text: String) {
        let safe = TextSanitizer.printable(redact(text))
        FileHandle.standardError.write(Data((safe + "\n").utf8))
    }

    /// Prints a warning line.
    public func warn(_ text: String) { line("lagotui: warning: " + text) }
}
