import Foundation

/// One external program run to its end: wall time from spawn to exit (process start
/// included) and the CPU time and peak memory of that child alone, from its own rusage.
struct ChildRun: Sendable {
    var wallMilliseconds: Double
    var cpuMilliseconds: Double
    var peakRSSMegabytes: Double
    /// What it printed on standard output.
    var output: String
}

/// Runs the programs the benchmark compares against (`lagotui` itself, curl, wrk), each on
/// a thread of its own: waiting for a child must not hold one of the few cooperative threads
/// the in-process sandbox it talks to needs.
enum ChildProcess {
    /// Runs `arguments` (the first looked up on PATH) with `environment` added to ours;
    /// throws when it cannot start or exits non-zero.
    static func run(_ arguments: [String], environment: [String: String] = [:]) async throws -> ChildRun {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(with: Result { try runBlocking(arguments, environment: environment) })
            }
        }
    }

    private static func runBlocking(_ arguments: [String], environment: [String: String]) throws -> ChildRun {
        let outputPath = NSTemporaryDirectory() + "/lagotui-bench-child-\(UUID().uuidString)"
        defer { unlink(outputPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, outputPath + ".err", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        defer { unlink(outputPath + ".err") }
        var merged = ProcessInfo.processInfo.environment
        for (key, value) in environment { merged[key] = value }
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = merged.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        let start = BenchClock.now()
        var pid: pid_t = 0
        let spawned = posix_spawnp(&pid, arguments[0], &actions, nil, argv, envp)
        guard spawned == 0 else { throw BenchError("cannot start \(arguments[0]): \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 {
            guard errno == EINTR else { throw BenchError("waiting for \(arguments[0]): \(String(cString: strerror(errno)))") }
        }
        let wall = BenchClock.milliseconds(since: start)
        let output = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        // WIFEXITED / WEXITSTATUS, spelled out (the macros do not import).
        guard status & 0x7F == 0, (status >> 8) & 0xFF == 0 else {
            let errors = (try? String(contentsOfFile: outputPath + ".err", encoding: .utf8)) ?? ""
            throw BenchError("\(arguments[0]) failed (status \(status)): \(errors.prefix(300))")
        }
        func milliseconds(_ t: timeval) -> Double { Double(t.tv_sec) * 1_000 + Double(t.tv_usec) / 1_000 }
        return ChildRun(wallMilliseconds: wall, cpuMilliseconds: milliseconds(usage.ru_utime) + milliseconds(usage.ru_stime),
                        peakRSSMegabytes: Double(usage.ru_maxrss) / 1_024, output: output)
    }

    /// Whether `program` is on PATH (curl and wrk are installed by `scripts/setup`).
    static func isInstalled(_ program: String) -> Bool {
        (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").contains {
            access("\($0)/\(program)", X_OK) == 0
        }
    }
}
