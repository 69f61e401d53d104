import Foundation
import Testing

/// The real `lagotui` binary in a tmux pane, started by a small wrapper script that saves the
/// terminal modes (`stty -g`) before and after, prints the exit status on the restored
/// screen and exits with it, so a test can tell that the terminal was given back intact.
final class LagotuiUnderTmux {
    let work: WorkDirectory
    let tmux: TmuxSession
    let sandbox: SandboxProcess?

    /// How lagotui's standard streams or environment differ from a plain terminal.
    enum Redirection {
        case none
        /// `<&-`: no standard input at all.
        case closeStdin
        /// `| cat > stdout.txt`: standard output is a pipe (what lagotui wrote is kept).
        case pipeStdout
        /// Extra environment variables (`TERM=dumb`).
        case environment([String: String])
    }

    /// Starts lagotui with `arguments` at `columns`x`rows`. With a sandbox, it browses it
    /// with `--api-url … --api-key lago-sandbox-key`; `config` is written to config.toml.
    init(sandbox: SandboxProcess?, arguments: [String] = [], config: String? = nil, redirection: Redirection = .none,
         columns: Int = 200, rows: Int = 60) throws {
        guard let lagotui = BuiltProducts.lagotui else { throw TmuxSession.Failure(description: "lagotui is not built (swift build)") }
        let work = try WorkDirectory()
        self.work = work
        self.sandbox = sandbox
        try work.writeConfig(config ?? """
            mode = "test"
            download_dir = "\(work.downloads)"

            """)
        var args = arguments
        if let sandbox { args = ["--api-url", sandbox.baseURL.absoluteString, "--api-key", SandboxProcess.apiKey] + args }
        let script = work.path + "/run.sh"
        let invocation = ([lagotui] + args).map(LagotuiUnderTmux.quoted).joined(separator: " ")
        let run: String
        var environment = work.environment
        switch redirection {
        case .none: run = "\(invocation) 2> stderr.txt\nstatus=$?"
        case .closeStdin: run = "\(invocation) 2> stderr.txt <&-\nstatus=$?"
        case .pipeStdout:
            run = "{ \(invocation) 2> stderr.txt; echo $? > lagotui.status; } | cat > stdout.txt\nstatus=$(cat lagotui.status)"
        case .environment(let extra): environment.merge(extra) { _, new in new }
            run = "\(invocation) 2> stderr.txt\nstatus=$?"
        }
        try """
            #!/bin/sh
            cd "\(work.path)"
            stty -g > stty.before
            \(run)
            stty -g > stty.after
            echo "$status" > status
            printf 'lagotui exited with status %s\\n' "$status"
            exit "$status"

            """.write(toFile: script, atomically: true, encoding: .utf8)
        let variables = environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        let command = (["env", "-i"] + variables + ["/bin/sh", script]).map(LagotuiUnderTmux.quoted).joined(separator: " ")
        tmux = try TmuxSession(command: command, columns: columns, rows: rows, workDirectory: work)
    }

    static func quoted(_ word: String) -> String { "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'" }

    /// The lagotui process (the wrapper shell's child).
    func lagotuiPID() throws -> pid_t {
        let shell = try tmux.panePID()
        let children = (try? String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8))
            ?? (try? Subprocess.run("/usr/bin/env", ["pgrep", "-P", String(shell)]).stdout) ?? ""
        guard let pid = children.split(whereSeparator: { $0 == " " || $0 == "\n" }).compactMap({ pid_t($0) }).first else {
            throw TmuxSession.Failure(description: "lagotui is not running under the wrapper shell")
        }
        return pid
    }

    /// Waits for lagotui to end and checks the terminal was restored: the exit status is
    /// `expected`, the modes match those from before it started, the alternate screen is
    /// left, and the shell's line is visible on the normal screen.
    func expectExit(_ expected: Int32, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let status = try await tmux.waitForExit(sourceLocation: sourceLocation) ?? work.read("status").flatMap { Int32($0) }
        #expect(status == expected, "exit status; stderr: \(work.read("stderr.txt") ?? "")", sourceLocation: sourceLocation)
        #expect(work.read("status") == String(expected), sourceLocation: sourceLocation)
        let before = work.read("stty.before"), after = work.read("stty.after")
        #expect(before != nil && before == after, "terminal modes after exit differ from before: \(before ?? "-") vs \(after ?? "-")",
                sourceLocation: sourceLocation)
        #expect(try tmux.display("#{alternate_on}") == "0", "still on the alternate screen", sourceLocation: sourceLocation)
        let screen = try tmux.capture()
        #expect(screen.contains("lagotui exited with status \(expected)"), "screen after exit:\n\(screen)", sourceLocation: sourceLocation)
        #expect(!screen.contains("\u{1B}"), sourceLocation: sourceLocation)
    }

    /// Quits with `q` and expects a clean exit 0 with the terminal restored.
    func quit(sourceLocation: SourceLocation = #_sourceLocation) async throws {
        try tmux.press("q")
        try await expectExit(0, sourceLocation: sourceLocation)
    }

    func stop() {
        tmux.kill()
        work.remove()
    }
}
