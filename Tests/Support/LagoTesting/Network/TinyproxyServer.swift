import Foundation

/// tinyproxy started by a test on a loopback port: the HTTP proxy (CONNECT for https) that
/// requests are expected to go through. Its log names every tunnel it opened.
public final class TinyproxyServer: Sendable {
    /// The port it listens on (127.0.0.1).
    public let port: Int
    private let directory: String
    private let process: ChildProcess

    /// `http://127.0.0.1:PORT`.
    public var url: String { "http://127.0.0.1:\(port)" }

    /// Starts tinyproxy in the foreground and waits until it accepts connections.
    public static func start() async throws -> TinyproxyServer {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lagotui-tinyproxy-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let port = try LoopbackPort.free()
        let configuration = """
            Port \(port)
            Listen 127.0.0.1
            Timeout 60
            LogFile "\(directory)/tinyproxy.log"
            LogLevel Connect
            MaxClients 32
            Allow 127.0.0.1

            """
        try configuration.write(toFile: directory + "/tinyproxy.conf", atomically: true, encoding: .utf8)
        let process = try ChildProcess(name: "tinyproxy", executable: NetworkTools.tinyproxy,
                                       arguments: ["-d", "-c", directory + "/tinyproxy.conf"], outputPath: directory + "/stderr.log")
        let server = TinyproxyServer(port: port, directory: directory, process: process)
        do {
            try await LoopbackPort.waitUntilAccepting(port, process: process)
        } catch {
            await server.stop()
            throw error
        }
        return server
    }

    private init(port: Int, directory: String, process: ChildProcess) {
        self.port = port
        self.directory = directory
        self.process = process
    }

    /// The `CONNECT host:port` tunnels opened so far.
    public var tunnels: [String] {
        let text = (try? String(contentsOfFile: directory + "/tinyproxy.log", encoding: .utf8)) ?? ""
        return text.split(separator: "\n").compactMap { line in
            guard let range = line.range(of: "): CONNECT "), line.contains("Request (file descriptor") else { return nil }
            let rest = line[range.lowerBound...]
            guard let connect = rest.range(of: "CONNECT ") else { return nil }
            return rest[connect.upperBound...].split(separator: " ").first.map(String.init)
        }
    }

    /// Stops tinyproxy and removes its files.
    public func stop() async {
        await process.stop()
        try? FileManager.default.removeItem(atPath: directory)
    }
}
