import Foundation

/// Runs the built `lagotui` executable as a subprocess, for what only a real process shows:
/// exit codes, signals, stdout/stderr separation. Output goes to files (no pipe deadlocks) and
/// termination is awaited through `terminationHandler`, never by sleeping.
struct BinaryRunner {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
        var uncaughtSignal: Bool
    }

    /// `.build/debug/lagotui`, next to the test bundle.
    static let executable: URL = {
        let fm = FileManager.default
        var candidates: [URL] = []
        let runner = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var dir = runner.deletingLastPathComponent()
        for _ in 0..<4 {
            candidates.append(dir.appendingPathComponent("lagotui"))
            dir = dir.deletingLastPathComponent()
        }
        let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        candidates.append(packageRoot.appendingPathComponent(".build/debug/lagotui"))
        return candidates.first { fm.isExecutableFile(atPath: $0.path) } ?? candidates.last!
    }()

    let workDirectory: TemporaryDirectory

    /// A clean environment: no inherited LAGO_* variables, config and cache inside the work dir.
    func environment(_ extra: [String: String] = [:]) -> [String: String] {
        var env = [
            "PATH": "/usr/bin:/bin", "HOME": workDirectory.path + "/home",
            "XDG_CONFIG_HOME": workDirectory.path + "/config", "XDG_CACHE_HOME": workDirectory.path + "/cache",
            "LANG": "C.UTF-8", "TERM": "xterm-256color",
        ]
        for (k, v) in extra { env[k] = v }
        return env
    }

    /// Starts the process; `onStart` gets it and the path its stderr is written to (to watch
    /// progress and send signals) once running.
    /// `executable` is `lagotui` unless another program (a shell driving its completions) is meant.
    func run(_ arguments: [String], environment extra: [String: String] = [:], executable: URL = BinaryRunner.executable,
             onStart: (@Sendable (Process, String) async -> Void)? = nil) async throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = environment(extra)
        process.currentDirectoryURL = workDirectory.url
        let id = UUID().uuidString
        let outPath = workDirectory.path + "/.stdout-\(id)"
        let errPath = workDirectory.path + "/.stderr-\(id)"
        _ = FileManager.default.createFile(atPath: outPath, contents: nil)
        _ = FileManager.default.createFile(atPath: errPath, contents: nil)
        let out = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
        let err = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        let finished = AsyncStream<Void> { continuation in
            process.terminationHandler = { _ in continuation.yield(); continuation.finish() }
        }
        try process.run()
        if let onStart { await onStart(process, errPath) }
        for await _ in finished { break }
        try out.close()
        try err.close()
        let stdout = (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
        let stderr = (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""
        try? FileManager.default.removeItem(atPath: outPath)
        try? FileManager.default.removeItem(atPath: errPath)
        return Result(status: process.terminationStatus, stdout: stdout, stderr: stderr,
                      uncaughtSignal: process.terminationReason == .uncaughtSignal)
    }
}
