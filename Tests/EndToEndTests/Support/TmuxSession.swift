import Foundation
import Testing

/// One program running in a pane of a private tmux server (`tmux -L <unique>`), detached,
/// at a fixed size, with `remain-on-exit` so its exit status can be read after it ends.
/// Keys go in with `send-keys`; what the terminal shows comes back from `capture-pane -p`.
final class TmuxSession {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    let tmux: String
    let socket: String
    let target = "e2e"
    private let configPath: String

    /// tmux on this machine, or nil (the suite is then skipped).
    static let executable: String? = Subprocess.find("tmux")

    /// Starts `command` (a shell command line) in a new detached session of `columns`x`rows`.
    init(command: String, columns: Int, rows: Int, workDirectory: WorkDirectory) throws {
        guard let tmux = TmuxSession.executable else { throw Failure(description: "tmux is not installed") }
        self.tmux = tmux
        self.socket = "lagotui-e2e-\(getpid())-\(UUID().uuidString.prefix(8))"
        // No status line (the pane gets every row), keys passed on at once, the pane kept
        // after its program exits so `pane_dead_status` can be read.
        configPath = workDirectory.path + "/tmux.conf"
        try """
            set -g status off
            set -g remain-on-exit on
            set -s escape-time 0
            set -g history-limit 100

            """.write(toFile: configPath, atomically: true, encoding: .utf8)
        let started = try Subprocess.run(tmux, ["-L", socket, "-f", configPath, "new-session", "-d", "-s", target,
                                                "-x", String(columns), "-y", String(rows),
                                                "-e", "LANG=C.UTF-8", "-e", "TERM=xterm-256color", command],
                                         environment: ["PATH": "/usr/local/bin:/usr/bin:/bin", "LANG": "C.UTF-8", "TERM": "xterm-256color",
                                                       "TMUX_TMPDIR": NSTemporaryDirectory()])
        guard started.status == 0 else { throw Failure(description: "tmux new-session failed: \(started.stderr)") }
    }

    @discardableResult
    private func tmuxCommand(_ arguments: [String]) throws -> String {
        let result = try Subprocess.run(tmux, ["-L", socket] + arguments,
                                        environment: ["PATH": "/usr/local/bin:/usr/bin:/bin", "TMUX_TMPDIR": NSTemporaryDirectory()])
        guard result.status == 0 else { throw Failure(description: "tmux \(arguments.first ?? "") failed: \(result.stderr)") }
        return result.stdout
    }

    /// The pane's text, one line per row, trailing blank lines removed.
    func capture() throws -> String {
        var lines = try tmuxCommand(["capture-pane", "-p", "-t", target]).components(separatedBy: "\n")
        while let last = lines.last, last.trimmingCharacters(in: .whitespaces).isEmpty { lines.removeLast() }
        return lines.joined(separator: "\n")
    }

    /// tmux key names: "Enter", "Tab", "BTab", "Escape", "Right", "Down", "C-r", "q"…
    func press(_ keys: String...) throws {
        for key in keys { try tmuxCommand(["send-keys", "-t", target, key]) }
    }

    /// Types `text` literally.
    func type(_ text: String) throws {
        try tmuxCommand(["send-keys", "-t", target, "-l", text])
    }

    /// A `:` command, typed and entered.
    func command(_ text: String) throws {
        try press(":")
        try type(text)
        try press("Enter")
    }

    func resize(columns: Int, rows: Int) throws {
        try tmuxCommand(["resize-window", "-t", target, "-x", String(columns), "-y", String(rows)])
    }

    /// Many resizes in one tmux command (`a ; b ; c`), so they arrive as fast as tmux can
    /// deliver them rather than one process spawn apart.
    func resizeBurst(_ sizes: [(columns: Int, rows: Int)]) throws {
        var arguments: [String] = []
        for (i, size) in sizes.enumerated() {
            if i > 0 { arguments.append(";") }
            arguments += ["resize-window", "-t", target, "-x", String(size.columns), "-y", String(size.rows)]
        }
        try tmuxCommand(arguments)
    }

    /// A tmux format for the pane, e.g. `#{pane_dead} #{pane_dead_status}`.
    func display(_ format: String) throws -> String {
        try tmuxCommand(["display-message", "-p", "-t", target, format]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The pane's size as tmux has it.
    func paneSize() throws -> String { try display("#{pane_width}x#{pane_height}") }

    var isDead: Bool { (try? display("#{pane_dead}")) == "1" }

    /// Pid of the pane's first process (the wrapper shell).
    func panePID() throws -> pid_t {
        guard let pid = pid_t(try display("#{pane_pid}")) else { throw Failure(description: "no pane pid") }
        return pid
    }

    /// Polls the screen until `condition` holds, for `timeout` at most. On time-out the test
    /// fails with `what` and the last screen, and this throws.
    @discardableResult
    func waitFor(_ what: String, timeout: Duration = .seconds(30), sourceLocation: SourceLocation = #_sourceLocation,
                 _ condition: (String) throws -> Bool) async throws -> String {
        let deadline = ContinuousClock.now + timeout
        var screen = ""
        while true {
            screen = try capture()
            if try condition(screen) { return screen }
            if isDead || ContinuousClock.now >= deadline { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        if try condition(screen) { return screen }
        let state = (try? display("dead=#{pane_dead} status=#{pane_dead_status} size=#{pane_width}x#{pane_height}")) ?? ""
        Issue.record("timed out waiting for \(what) (\(state)); the screen was:\n\(screen)", sourceLocation: sourceLocation)
        throw Failure(description: "timed out waiting for \(what)")
    }

    /// Waits until the screen shows `text`.
    @discardableResult
    func waitFor(text: String, timeout: Duration = .seconds(30), sourceLocation: SourceLocation = #_sourceLocation) async throws -> String {
        try await waitFor("\"\(text)\"", timeout: timeout, sourceLocation: sourceLocation) { $0.contains(text) }
    }

    /// Presses `key` until `text` shows (a key sent while a list is still being replaced can
    /// land on the previous screen), a few times at most.
    func press(_ key: String, until text: String, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        for _ in 0..<3 {
            try press(key)
            let deadline = ContinuousClock.now + .seconds(5)
            while ContinuousClock.now < deadline {
                if try capture().contains(text) { return }
                try await Task.sleep(for: .milliseconds(50))
            }
        }
        try await waitFor(text: text, timeout: .zero, sourceLocation: sourceLocation)
    }

    /// Waits until the pane's program has exited; its exit status, or nil when tmux does not
    /// report one (tmux 3.3 leaves `pane_dead_status` empty for some exits).
    func waitForExit(timeout: Duration = .seconds(30), sourceLocation: SourceLocation = #_sourceLocation) async throws -> Int32? {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            let state = try display("#{pane_dead} #{pane_dead_status}").split(separator: " ")
            if state.first == "1" { return state.dropFirst().first.flatMap { Int32($0) } }
            try await Task.sleep(for: .milliseconds(50))
        }
        Issue.record("the program did not exit; the screen was:\n\((try? capture()) ?? "")", sourceLocation: sourceLocation)
        throw Failure(description: "the program did not exit")
    }

    /// Stops this private tmux server (and with it anything still running in the pane).
    func kill() {
        // A tmux server spawned from a runtime thread may start with SIGTERM blocked, so
        // `kill-server` alone can leave it (and its pane) running: SIGKILL both by pid.
        let panes = ((try? tmuxCommand(["list-panes", "-a", "-F", "#{pane_pid}"])) ?? "")
            .split(separator: "\n").compactMap { pid_t($0.trimmingCharacters(in: .whitespaces)) }
        let server = pid_t(((try? display("#{pid}")) ?? "").trimmingCharacters(in: .whitespacesAndNewlines))
        _ = try? tmuxCommand(["kill-server"])
        for pid in panes where pid > 1 { Foundation.kill(pid, SIGKILL) }
        if let server, server > 1 { Foundation.kill(server, SIGKILL) }
        try? FileManager.default.removeItem(atPath: configPath)
    }
}
