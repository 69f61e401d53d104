import Foundation
import Synchronization

/// A server program a test started (nginx, tinyproxy), with its output in files and a
/// guaranteed end: ``stop()`` terminates it and waits, and `deinit` kills it if a test forgot,
/// so no child outlives the test process's interest in it.
public final class ChildProcess: Sendable {
    /// The program's name, for messages.
    public let name: String
    /// Where its standard output and error go.
    public let outputPath: String
    private let process: Mutex<Process?>
    private let exited: AsyncStream<Int32>
    private let exitContinuation: AsyncStream<Int32>.Continuation

    /// Starts `executable` with `arguments`; output is appended to `outputPath`.
    public init(name: String, executable: String, arguments: [String], outputPath: String) throws {
        self.name = name
        self.outputPath = outputPath
        _ = FileManager.default.createFile(atPath: outputPath, contents: nil)
        let output = try FileHandle(forWritingTo: URL(fileURLWithPath: outputPath))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        (exited, exitContinuation) = AsyncStream<Int32>.makeStream()
        let continuation = exitContinuation
        process.terminationHandler = { finished in
            continuation.yield(finished.terminationStatus)
            continuation.finish()
        }
        try process.run()
        self.process = Mutex(process)
    }

    /// Whether the program is still running.
    public var isRunning: Bool { process.withLock { $0?.isRunning ?? false } }

    /// What it has written so far.
    public var output: String { (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? "" }

    /// Sends SIGTERM and waits for the exit (SIGKILL after `grace`).
    public func stop(grace: Duration = .seconds(5)) async {
        let pid = process.withLock { process -> Int32? in
            guard let process, process.isRunning else { return nil }
            process.terminate()
            return process.processIdentifier
        }
        guard let pid else { return }
        let exited = self.exited
        let finished = await withTaskGroup(of: Bool.self) { group in
            group.addTask { for await _ in exited { return true }; return true }
            group.addTask { try? await Task.sleep(for: grace); return false }
            let first = await group.next() ?? false
            group.cancelAll()
            return first
        }
        if !finished { kill(pid, SIGKILL) }
    }

    deinit {
        process.withLock { process in
            if let process, process.isRunning { kill(process.processIdentifier, SIGKILL) }
        }
    }

    /// Runs a short command (openssl) to completion and returns its output; throws with the
    /// output when it fails.
    @discardableResult
    public static func run(_ executable: String, _ arguments: [String], in directory: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        guard process.terminationStatus == 0 else {
            throw HarnessError("\(executable) \(arguments.joined(separator: " ")) failed: \(text)")
        }
        return text
    }
}

/// A harness set-up failure, with the tool's own words.
public struct HarnessError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
