import Foundation

/// nginx started by a test on a loopback port: TLS (HTTP/2 on) in front of an upstream on
/// 127.0.0.1, under a path prefix, with gzip, optionally demanding a client certificate,
/// throttling responses (`limit_rate`) or giving up on the upstream after a timeout.
///
/// Its access log records, per request, nginx's connection serial number and the request's
/// number on that connection, the protocol, the status, the end time and duration, and the
/// gzip ratio, so tests can prove HTTP/2, multiplexing and compression from the server's side.
public final class NginxServer: Sendable {
    /// How one test wants nginx set up.
    public struct Configuration: Sendable {
        /// Server certificate and key.
        public var certificate: (certificate: String, key: String)
        /// The upstream port on 127.0.0.1 (the sandbox, or a ``StalledUpstream``).
        public var upstreamPort: Int
        /// The public prefix mapped to the upstream's `/api/v1/` (e.g. `/lago/api/v1`).
        public var prefix = "/lago/api/v1"
        /// When set, clients must present a certificate signed by this CA.
        public var clientCA: String?
        /// nginx's `limit_rate` for responses, e.g. `"2k"`.
        public var limitRate: String?
        /// How long nginx waits for the upstream's answer.
        public var upstreamTimeout = "30s"

        public init(certificate: (certificate: String, key: String), upstreamPort: Int) {
            self.certificate = certificate
            self.upstreamPort = upstreamPort
        }
    }

    /// One line of the access log.
    public struct LogEntry: Sendable, Equatable {
        /// nginx's connection serial number (`$connection`).
        public var connection: Int
        /// The request's number on its connection (`$connection_requests`).
        public var connectionRequest: Int
        /// `HTTP/2.0`, `HTTP/1.1`.
        public var serverProtocol: String
        public var status: Int
        /// When the response was finished (`$msec`) and how long it took (`$request_time`), in seconds.
        public var finished: Double
        public var duration: Double
        /// `$gzip_ratio`, `nil` when the response was not compressed.
        public var gzipRatio: Double?
        /// The request line's URI.
        public var uri: String

        /// When nginx started reading the request.
        public var started: Double { finished - duration }
    }

    /// The port nginx listens on (127.0.0.1).
    public let port: Int
    /// The directory holding configuration, logs and temporary files.
    public let directory: String
    /// The prefix the API is served under.
    public let prefix: String
    private let process: ChildProcess

    /// `https://127.0.0.1:PORT/lago/api/v1`.
    public var baseURL: URL { URL(string: "https://127.0.0.1:\(port)\(prefix)")! }

    /// Starts nginx and waits until it accepts connections.
    public static func start(_ configuration: Configuration) async throws -> NginxServer {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lagotui-nginx-\(UUID().uuidString)").path
        for sub in ["", "/tmp"] {
            try FileManager.default.createDirectory(atPath: directory + sub, withIntermediateDirectories: true)
        }
        let port = try LoopbackPort.free()
        try render(configuration, port: port, directory: directory)
            .write(toFile: directory + "/nginx.conf", atomically: true, encoding: .utf8)
        let process = try ChildProcess(
            name: "nginx", executable: NetworkTools.nginx,
            arguments: ["-p", directory, "-c", directory + "/nginx.conf", "-e", directory + "/error.log"],
            outputPath: directory + "/stderr.log")
        let server = NginxServer(port: port, directory: directory, prefix: configuration.prefix, process: process)
        do {
            try await LoopbackPort.waitUntilAccepting(port, process: process)
        } catch {
            await server.stop()
            throw HarnessError("\(error) \(server.errorLog)")
        }
        return server
    }

    private init(port: Int, directory: String, prefix: String, process: ChildProcess) {
        self.port = port
        self.directory = directory
        self.prefix = prefix
        self.process = process
    }

    /// Stops nginx and removes its directory.
    public func stop() async {
        await process.stop()
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// The access log so far, parsed.
    public var accessLog: [LogEntry] {
        let text = (try? String(contentsOfFile: directory + "/access.log", encoding: .utf8)) ?? ""
        return text.split(separator: "\n").compactMap(Self.parse)
    }

    /// The access log once it holds `count` lines (nginx writes a line when it finishes a
    /// request, which for a request the client abandoned is a moment after the client gave
    /// up), or whatever it holds after `limit`.
    public func accessLog(atLeast count: Int, within limit: Duration = .seconds(5)) async -> [LogEntry] {
        let clock = ContinuousClock()
        let deadline = clock.now + limit
        var entries = accessLog
        while entries.count < count, clock.now < deadline {
            try? await Task.sleep(for: .milliseconds(20))
            entries = accessLog
        }
        return entries
    }

    /// nginx's error log (handshake failures are logged here at `info`).
    public var errorLog: String {
        (try? String(contentsOfFile: directory + "/error.log", encoding: .utf8)) ?? ""
    }

    static func parse(_ line: Substring) -> LogEntry? {
        let fields = line.split(separator: " ", maxSplits: 7).map(String.init)
        guard fields.count == 8, let connection = Int(fields[0]), let request = Int(fields[1]), let status = Int(fields[3]),
              let finished = Double(fields[4]), let duration = Double(fields[5]) else { return nil }
        return LogEntry(connection: connection, connectionRequest: request, serverProtocol: fields[2], status: status,
                        finished: finished, duration: duration, gzipRatio: Double(fields[6]), uri: fields[7])
    }

    static func render(_ configuration: Configuration, port: Int, directory: String) -> String {
        let prefix = configuration.prefix.hasSuffix("/") ? configuration.prefix : configuration.prefix + "/"
        let clientTLS = configuration.clientCA.map { "ssl_client_certificate \($0);\n        ssl_verify_client on;" } ?? ""
        let limit = configuration.limitRate.map { "limit_rate \($0);" } ?? ""
        return """
            daemon off;
            master_process off;
            worker_processes 1;
            pid \(directory)/nginx.pid;
            error_log \(directory)/error.log info;
            events { worker_connections 128; }
            http {
                log_format net '$connection $connection_requests $server_protocol $status $msec $request_time $gzip_ratio $request_uri';
                access_log \(directory)/access.log net;
                client_body_temp_path \(directory)/tmp/body;
                proxy_temp_path \(directory)/tmp/proxy;
                fastcgi_temp_path \(directory)/tmp/fastcgi;
                uwsgi_temp_path \(directory)/tmp/uwsgi;
                scgi_temp_path \(directory)/tmp/scgi;
                gzip on;
                gzip_proxied any;
                gzip_min_length 0;
                gzip_types application/json;
                server {
                    listen 127.0.0.1:\(port) ssl http2;
                    server_name localhost;
                    ssl_certificate \(configuration.certificate.certificate);
                    ssl_certificate_key \(configuration.certificate.key);
                    ssl_protocols TLSv1.2 TLSv1.3;
                    \(clientTLS)
                    location \(prefix) {
                        proxy_pass http://127.0.0.1:\(configuration.upstreamPort)/api/v1/;
                        proxy_http_version 1.1;
                        proxy_set_header Connection "";
                        proxy_connect_timeout 5s;
                        proxy_read_timeout \(configuration.upstreamTimeout);
                        \(limit)
                    }
                }
            }

            """
    }
}
