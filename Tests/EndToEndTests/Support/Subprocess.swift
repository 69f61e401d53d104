import Foundation

/// Runs short helper commands (tmux, stty) to completion and collects what they print.
/// Output is small (one screen at most), so reading the pipes to the end before waiting
/// cannot deadlock.
enum Subprocess {
    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `executable` with `arguments`; `environment` nil inherits ours. Started with
    /// posix_spawn and reaped with waitpid, output through files: `tmux new-session` leaves
    /// a server daemon behind that keeps inherited descriptors open forever, and Foundation's
    /// `Process` waits for those (pipes, its own exit-notification socket) to close.
    @discardableResult
    static func run(_ executable: String, _ arguments: [String], environment: [String: String]? = nil) throws -> Output {
        let base = NSTemporaryDirectory() + "lagotui-e2e-out-\(UUID().uuidString)"
        defer {
            unlink(base + ".out")
            unlink(base + ".err")
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, base + ".out", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, base + ".err", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let env = (environment ?? ProcessInfo.processInfo.environment).map { "\($0.key)=\($0.value)" }
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = env.map { strdup($0) } + [nil]
        defer {
            for p in argv { free(p) }
            for p in envp { free(p) }
        }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, envp)
        guard spawned == 0 else { throw SpawnFailure(description: "cannot start \(executable): \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let exited = status & 0x7f == 0
        let fm = FileManager.default
        return Output(status: exited ? (status >> 8) & 0xff : 128 + (status & 0x7f),
                      stdout: String(decoding: fm.contents(atPath: base + ".out") ?? Data(), as: UTF8.self),
                      stderr: String(decoding: fm.contents(atPath: base + ".err") ?? Data(), as: UTF8.self))
    }

    struct SpawnFailure: Error, CustomStringConvertible {
        var description: String
    }

    /// The first executable called `name` on PATH or in the usual install places.
    static func find(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        let dirs = path.split(separator: ":").map(String.init) + ["/usr/bin", "/usr/local/bin", "/opt/homebrew/bin", "/bin"]
        return dirs.map { $0 + "/" + name }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
