import Foundation

/// Checks, before touching the terminal, that there is one worth drawing on. `lagotui` calls
/// this first and exits non-zero with the message instead of printing escape codes into a pipe.
public enum TerminalPreflight {
    public struct Failure: Error, Sendable, Equatable, CustomStringConvertible {
        public var description: String
        /// Exit status to use (2: usage problem, not a crash).
        public var exitStatus: Int32 { 2 }
    }

    /// nil when stdin and stdout are a terminal and TERM can draw; otherwise why not.
    public static func check(environment: [String: String] = ProcessInfo.processInfo.environment,
                             stdinIsTTY: Bool = isatty(STDIN_FILENO) == 1,
                             stdoutIsTTY: Bool = isatty(STDOUT_FILENO) == 1) -> Failure? {
        if !stdinIsTTY || !stdoutIsTTY {
            let which = !stdoutIsTTY ? "standard output" : "standard input"
            return Failure(description: "lagotui: \(which) is not a terminal, so the browser cannot start. Run it in a terminal, or use `lagotui get …` / `lagotui export …` for scripts.")
        }
        let term = environment["TERM"] ?? ""
        if term.isEmpty || term == "dumb" || term == "unknown" {
            return Failure(description: "lagotui: TERM=\(term.isEmpty ? "(unset)" : term) cannot draw the browser. Set TERM to your terminal's type (e.g. TERM=xterm-256color), or use `lagotui get …` for plain output.")
        }
        return nil
    }
}
