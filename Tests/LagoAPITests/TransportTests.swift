import FlyingFox
import Foundation
import LagoAPI
import LagoTesting
import Testing

/// The real libcurl transport against in-process loopback servers.
@Suite(.timeLimit(.minutes(1))) struct TransportTests {
    @Test func returnsStatusLowercasedHeadersAndBody() async throws {
        let server = try await LoopbackServer.start { request, _ in
            LoopbackServer.json(#"{"path":"\#(request.path)"}"#, status: 404, headers: ["X-Custom-Header": "Yes"])
        }
        defer { Task { await server.stop() } }
        let transport = CurlTransport()
        let response = try await transport.send(LagoAPI.HTTPRequest(
            method: .get, url: server.url("/api/v1/things?x=1"), headers: ["User-Agent": "lagotui/test"]))
        #expect(response.status == 404)
        #expect(response.headers["x-custom-header"] == "Yes")
        #expect(response.headers["content-type"] == "application/json")
        #expect(String(decoding: response.body, as: UTF8.self) == #"{"path":"/api/v1/things"}"#)
        #expect(server.arrivals.seen.first?.userAgent == "lagotui/test")
    }

    @Test func runsRequestsConcurrently() async throws {
        let gate = Gate()
        let server = try await LoopbackServer.start { _, _ in
            await gate.wait()
            return LoopbackServer.json("{}")
        }
        defer { Task { await server.stop() } }
        let transport = CurlTransport()
        try await withThrowingTaskGroup(of: Int.self) { group in
            for index in 0..<5 {
                group.addTask {
                    try await transport.send(LagoAPI.HTTPRequest(method: .get, url: server.url("/slow/\(index)"))).status
                }
            }
            // All five must be at the server at once before any is answered.
            await server.arrivals.wait(for: 5)
            gate.open()
            var statuses: [Int] = []
            for try await status in group { statuses.append(status) }
            #expect(statuses == [200, 200, 200, 200, 200])
        }
        #expect(server.arrivals.maxInFlight == 5)
    }

    @Test func honoursTheConcurrencyLimit() async throws {
        let gate = Gate()
        let server = try await LoopbackServer.start { _, _ in
            await gate.wait()
            return LoopbackServer.json("{}")
        }
        defer { Task { await server.stop() } }
        let transport = CurlTransport(options: .init(maxConcurrentRequests: 2))
        try await withThrowingTaskGroup(of: Int.self) { group in
            for index in 0..<4 {
                group.addTask {
                    try await transport.send(LagoAPI.HTTPRequest(method: .get, url: server.url("/slow/\(index)"))).status
                }
            }
            await server.arrivals.wait(for: 2)
            gate.open()
            var count = 0
            for try await status in group where status == 200 { count += 1 }
            #expect(count == 4)
        }
        #expect(server.arrivals.maxInFlight <= 2)
        #expect(transport.pendingRequestCount == 0)
    }

    @Test func cancellingTheTaskCancelsTheRequest() async throws {
        let gate = Gate()
        let server = try await LoopbackServer.start { _, _ in
            await gate.wait()
            return LoopbackServer.json("{}")
        }
        defer { gate.open(); Task { await server.stop() } }
        let transport = CurlTransport()
        let task = Task {
            try await transport.send(LagoAPI.HTTPRequest(method: .get, url: server.url("/hang")))
        }
        await server.arrivals.wait(for: 1)
        task.cancel()
        let result = await task.result
        #expect(throws: LagoError.cancelled) { try result.get() }
        #expect(transport.pendingRequestCount == 0)
    }

    @Test func alreadyCancelledTaskNeverSends() async throws {
        let transport = CurlTransport()
        let port = try RawSocketServer.closedPort()
        let task = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return try await transport.send(LagoAPI.HTTPRequest(method: .get, url: URL(string: "http://127.0.0.1:\(port)/")!))
        }
        await #expect(throws: LagoError.cancelled) { try await task.value }
    }

    @Test func slowAnswerTimesOut() async throws {
        let gate = Gate()
        let server = try await LoopbackServer.start { _, _ in
            await gate.wait()
            return LoopbackServer.json("{}")
        }
        defer { gate.open(); Task { await server.stop() } }
        let transport = CurlTransport()
        await #expect(throws: LagoError.timeout) {
            try await transport.send(LagoAPI.HTTPRequest(method: .get, url: server.url("/slow"), timeout: .milliseconds(300)))
        }
    }

    @Test func refusedConnectionIsAConnectionFailure() async throws {
        let port = try RawSocketServer.closedPort()
        let transport = CurlTransport()
        let error = await #expect(throws: LagoError.self) {
            try await transport.send(LagoAPI.HTTPRequest(method: .post, url: URL(string: "http://127.0.0.1:\(port)/api/v1/x")!))
        }
        guard case .connectionFailed(let detail)? = error else {
            Issue.record("expected connectionFailed, got \(String(describing: error))")
            return
        }
        #expect(detail.contains("\(port)"))
    }

    @Test func gzipBodiesAreDecompressed() async throws {
        let compressed = Data(base64Encoded: "H4sIAAAAAAACA6tWyk0tLk5MT1WyUspIzcnJV0grys9VSFRIr8osUEjKT6lU0lEqSi1ITSwBqkikGCjVAgCbMXH4cgAAAA==")!
        let server = try await LoopbackServer.start { _, _ in
            FlyingFox.HTTPResponse(statusCode: .ok, headers: [.contentType: "application/json", .contentEncoding: "gzip"], body: compressed)
        }
        defer { Task { await server.stop() } }
        let response = try await CurlTransport().send(LagoAPI.HTTPRequest(method: .get, url: server.url("/gz")))
        let text = String(decoding: response.body, as: UTF8.self)
        #expect(text.hasPrefix(#"{"message":"hello from a gzip body""#))
        #expect(server.arrivals.seen.first?.acceptEncoding?.contains("gzip") == true)
    }

    @Test func bodyCutShortIsANetworkError() async throws {
        let reply = Data("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"invoices\"".utf8)
        let server = try RawSocketServer(reply: reply)
        defer { server.stop() }
        let error = await #expect(throws: LagoError.self) {
            try await CurlTransport().send(LagoAPI.HTTPRequest(method: .get, url: URL(string: "http://127.0.0.1:\(server.port)/api/v1/invoices")!))
        }
        guard case .network(let detail)? = error else {
            Issue.record("expected a network error, got \(String(describing: error))")
            return
        }
        #expect(detail.contains("remaining") || detail.contains("closed"))
    }

    @Test func redirectsAreNotFollowedForAPIRequests() async throws {
        let target = try await LoopbackServer.start { _, _ in LoopbackServer.json("{}") }
        defer { Task { await target.stop() } }
        let origin = try await LoopbackServer.start { _, _ in
            FlyingFox.HTTPResponse(statusCode: .found, headers: HTTPHeaders([.location: target.url("/elsewhere", host: "localhost").absoluteString]))
        }
        defer { Task { await origin.stop() } }
        let transport = CurlTransport()
        let response = try await transport.send(LagoAPI.HTTPRequest(
            method: .get, url: origin.url("/api/v1/invoices"), headers: ["Authorization": "Bearer k"]))
        #expect(response.status == 302)
        #expect(target.arrivals.count == 0)
    }

    @Test func followedRedirectsCarryNoAuthorizationToAnotherHost() async throws {
        let target = try await LoopbackServer.start { _, _ in LoopbackServer.json("{}") }
        defer { Task { await target.stop() } }
        let origin = try await LoopbackServer.start { _, _ in
            FlyingFox.HTTPResponse(statusCode: .found, headers: HTTPHeaders([.location: target.url("/blob", host: "localhost").absoluteString]))
        }
        defer { Task { await origin.stop() } }
        let response = try await CurlTransport().send(LagoAPI.HTTPRequest(
            method: .get, url: origin.url("/file"), headers: ["Authorization": "Bearer k"], followRedirects: true))
        #expect(response.status == 200)
        #expect(response.url.host() == "localhost")
        #expect(target.arrivals.seen.map(\.authorization) == [nil])
    }

    @Test func sendsMethodAndBodyForMutations() async throws {
        let server = try await LoopbackServer.start { _, _ in LoopbackServer.json("{}") }
        defer { Task { await server.stop() } }
        let transport = CurlTransport()
        let body = Data(#"{"wallet_transaction":{"paid_credits":"10"}}"#.utf8)
        _ = try await transport.send(LagoAPI.HTTPRequest(method: .post, url: server.url("/a"), headers: ["Content-Type": "application/json"], body: body))
        _ = try await transport.send(LagoAPI.HTTPRequest(method: .put, url: server.url("/b")))
        _ = try await transport.send(LagoAPI.HTTPRequest(method: .delete, url: server.url("/c")))
        let seen = server.arrivals.seen
        #expect(seen.map(\.method) == ["POST", "PUT", "DELETE"])
        #expect(seen.first?.body == body)
    }

    @Test func keepsConnectionsAliveForReadsButNotForMutations() async throws {
        let server = try await LoopbackServer.start { _, _ in LoopbackServer.json("{}") }
        defer { Task { await server.stop() } }
        let transport = CurlTransport()
        for _ in 0..<3 {
            _ = try await transport.send(LagoAPI.HTTPRequest(method: .get, url: server.url("/read")))
        }
        for _ in 0..<2 {
            _ = try await transport.send(LagoAPI.HTTPRequest(method: .post, url: server.url("/write")))
        }
        let ports = server.arrivals.seen.map(\.remotePort)
        #expect(ports.allSatisfy { $0 != nil })
        #expect(Set(ports[0..<3]).count == 1)  // three reads over one kept-alive connection
        #expect(Set(ports[2..<5]).count == 3)  // each mutation on a connection of its own
    }
}
