import Foundation

/// A real `lago-sandbox` process on a free loopback port. Its first line on stdout is
/// `listening on http://HOST:PORT/api/v1`; the API is read with the sandbox key and the
/// loopback control endpoint (`/_sandbox/counters`, `/_sandbox/stats`) tells what happened.
final class SandboxProcess {
    static let apiKey = "lago-sandbox-key"

    struct StartFailure: Error, CustomStringConvertible {
        var description: String
    }

    let process: Process
    /// `http://127.0.0.1:PORT/api/v1`
    let baseURL: URL
    private let output: FileHandle

    var controlURL: URL { baseURL.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("_sandbox") }

    /// Starts `lago-sandbox --port 0 --live-events 5` and waits (bounded) for its first line.
    init(executable: String, arguments: [String] = ["--port", "0", "--live-events", "5"], timeout: Duration = .seconds(30)) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let line = SandboxProcess.readLine(pipe.fileHandleForReading.fileDescriptor, timeout: timeout)
        let prefix = "listening on "
        guard let line, line.hasPrefix(prefix), let url = URL(string: String(line.dropFirst(prefix.count))) else {
            process.terminate()
            process.waitUntilExit()
            throw StartFailure(description: "lago-sandbox did not print 'listening on URL' (got \(line.map { "\"\($0)\"" } ?? "nothing"))")
        }
        self.process = process
        self.baseURL = url
        self.output = pipe.fileHandleForReading
    }

    /// One line from `fd`, waiting with poll(2) until `timeout` at most.
    private static func readLine(_ fd: Int32, timeout: Duration) -> String? {
        let deadline = ContinuousClock.now + timeout
        var bytes: [UInt8] = []
        while ContinuousClock.now < deadline {
            var pfd = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let left = deadline - ContinuousClock.now
            let ms = Int32(max(1, left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000))
            guard poll(&pfd, 1, ms) > 0 else { continue }
            var byte: UInt8 = 0
            guard read(fd, &byte, 1) == 1 else { return nil }
            if byte == UInt8(ascii: "\n") { return String(decoding: bytes, as: UTF8.self) }
            bytes.append(byte)
        }
        return nil
    }

    /// Stops the server (SIGTERM) and waits for it.
    func stop() {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
        try? output.close()
    }

    // MARK: HTTP

    struct HTTPFailure: Error, CustomStringConvertible {
        var description: String
    }

    /// GET/POST/PUT on the API with the sandbox key; the JSON object answered.
    func api(_ path: String, method: String = "GET", body: [String: Any]? = nil) async throws -> [String: Any] {
        var arguments = ["-X", method, "-H", "Authorization: Bearer \(SandboxProcess.apiKey)"]
        if let body {
            let data = try JSONSerialization.data(withJSONObject: body)
            arguments += ["-H", "Content-Type: application/json", "--data-binary", String(decoding: data, as: UTF8.self)]
        }
        return try send(arguments + [baseURL.absoluteString + "/" + path])
    }

    /// GET on the control endpoint (`counters`, `stats`).
    func control(_ path: String) async throws -> [String: Any] {
        try send([controlURL.appendingPathComponent(path).absoluteString])
    }

    /// One request with curl(1): a plain, independent HTTP client (not the one under test,
    /// and no URLSession run-loop quirks inside the test runner).
    private func send(_ arguments: [String]) throws -> [String: Any] {
        guard let curl = Subprocess.find("curl") else { throw HTTPFailure(description: "curl is not installed") }
        let result = try Subprocess.run(curl, ["-sS", "--max-time", "20", "-w", "\n%{http_code}"] + arguments)
        var lines = result.stdout.components(separatedBy: "\n")
        let status = Int(lines.popLast() ?? "") ?? 0
        let body = lines.joined(separator: "\n")
        guard (200..<300).contains(status) else {
            throw HTTPFailure(description: "\(arguments.last ?? "") answered \(status): \(body.prefix(300)) \(result.stderr)")
        }
        guard let object = try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any] else {
            throw HTTPFailure(description: "\(arguments.last ?? "") did not answer a JSON object")
        }
        return object
    }

    /// Every record of a list endpoint (`invoices?status=draft`), all pages.
    func list(_ path: String, key: String) async throws -> [[String: Any]] {
        var records: [[String: Any]] = []
        var page = 1
        while true {
            let separator = path.contains("?") ? "&" : "?"
            let object = try await api(path + "\(separator)page=\(page)&per_page=100")
            records += object[key] as? [[String: Any]] ?? []
            guard let meta = object["meta"] as? [String: Any], let next = meta["next_page"] as? Int else { return records }
            page = next
        }
    }

    /// `mutations_per_record` of the counters (`"invoice:<lago_id>"` → count).
    func mutations() async throws -> [String: Int] {
        try await control("counters")["mutations_per_record"] as? [String: Int] ?? [:]
    }

    /// Requests per route (`"POST /invoices/{lago_id}/retry_payment"` → count).
    func requestsPerRoute() async throws -> [String: Int] {
        try await control("counters")["requests_per_route"] as? [String: Int] ?? [:]
    }
}
