import FlyingFox
import Foundation
import LagoAPI
import LagoTesting
import Testing

/// Retry rules of LagoClient over the real CurlTransport (backoff waits go to a virtual clock).
@Suite(.timeLimit(.minutes(1))) struct ClientRetryTests {
    struct Thing: Decodable, Sendable, Equatable { let id: Int }

    @Test func rateLimitedGetWaitsAsToldThenSucceeds() async throws {
        let server = try await LoopbackServer.start { _, arrival in
            arrival == 1
                ? LoopbackServer.json(#"{"status":429,"error":"Too Many Requests"}"#, status: 429, headers: ["Retry-After": "3"])
                : LoopbackServer.json(#"{"thing":{"id":7}}"#)
        }
        defer { Task { await server.stop() } }
        let clock = VirtualClock()
        let client = try makeCurlClient(baseURL: server.baseURL, clock: clock)
        let thing = try await client.getObject("/things/7", rootKey: "thing", as: Thing.self)
        #expect(thing == Thing(id: 7))
        #expect(clock.sleeps == [.seconds(3)])
        #expect(server.arrivals.count == 2)
    }

    @Test func rateLimitResetHeaderIsReadAsSeconds() async throws {
        let server = try await LoopbackServer.start { _, arrival in
            arrival == 1
                ? LoopbackServer.json("{}", status: 429, headers: ["x-ratelimit-reset": "5", "x-ratelimit-remaining": "0"])
                : LoopbackServer.json(#"{"thing":{"id":1}}"#)
        }
        defer { Task { await server.stop() } }
        let clock = VirtualClock()
        let client = try makeCurlClient(baseURL: server.baseURL, clock: clock)
        _ = try await client.getObject("/things/1", rootKey: "thing", as: Thing.self)
        #expect(clock.sleeps == [.seconds(5)])
    }

    @Test func rateLimitLongerThanTheBudgetIsReported() async throws {
        let server = try await LoopbackServer.start { _, _ in
            LoopbackServer.json("{}", status: 429, headers: ["Retry-After": "600"])
        }
        defer { Task { await server.stop() } }
        let clock = VirtualClock()
        let client = try makeCurlClient(baseURL: server.baseURL, clock: clock)
        let error = await #expect(throws: LagoError.self) {
            try await client.getObject("/things/1", rootKey: "thing", as: Thing.self)
        }
        #expect(error == .rateLimited(retryAfter: .seconds(600)))
        #expect(error?.message == "rate limited by Lago: try again in 600 seconds")
        #expect(clock.sleeps.isEmpty)
    }

    @Test func serviceUnavailableIsRetriedWithExponentialBackoff() async throws {
        let server = try await LoopbackServer.start { _, arrival in
            arrival <= 2 ? LoopbackServer.json("<html>busy</html>", status: 503) : LoopbackServer.json(#"{"thing":{"id":3}}"#)
        }
        defer { Task { await server.stop() } }
        let clock = VirtualClock()
        let client = try makeCurlClient(baseURL: server.baseURL, clock: clock)
        #expect(try await client.getObject("/things/3", rootKey: "thing", as: Thing.self) == Thing(id: 3))
        #expect(clock.sleeps == [.milliseconds(500), .seconds(1)])
        #expect(server.arrivals.count == 3)
    }

    @Test func retriesStopAtTheAttemptCap() async throws {
        let server = try await LoopbackServer.start { _, _ in LoopbackServer.json("{}", status: 502) }
        defer { Task { await server.stop() } }
        let clock = VirtualClock()
        let client = try makeCurlClient(baseURL: server.baseURL, clock: clock, maxAttempts: 3)
        await #expect(throws: LagoError.server(status: 502)) {
            try await client.getObject("/things/3", rootKey: "thing", as: Thing.self)
        }
        #expect(server.arrivals.count == 3)
        #expect(clock.sleeps.count == 2)
    }

    @Test func retriesStopAtTheTotalTimeCap() async throws {
        let server = try await LoopbackServer.start { _, _ in LoopbackServer.json("{}", status: 503) }
        defer { Task { await server.stop() } }
        let clock = VirtualClock()
        let retry = RetryPolicy(maxAttempts: 10, maxTotalTime: .seconds(1), clock: clock.retryClock, random: { 0 })
        let client = try LagoClient(
            configuration: LagoClientConfiguration(baseURL: server.baseURL, apiKey: "k", retry: retry),
            transport: CurlTransport())
        await #expect(throws: LagoError.server(status: 503)) {
            try await client.getObject("/things/3", rootKey: "thing", as: Thing.self)
        }
        // 0.5 s fits in the 1 s budget; the next 1 s backoff would end after it.
        #expect(clock.sleeps == [.milliseconds(500)])
        #expect(server.arrivals.count == 2)
    }

    @Test func getIsRetriedAfterABodyCutShort() async throws {
        let reply = Data("HTTP/1.1 200 OK\r\nContent-Length: 50\r\n\r\n{\"thing\"".utf8)
        let server = try RawSocketServer(reply: reply)
        defer { server.stop() }
        let clock = VirtualClock()
        let client = try makeCurlClient(baseURL: URL(string: "http://127.0.0.1:\(server.port)/api/v1")!, clock: clock, maxAttempts: 2)
        let error = await #expect(throws: LagoError.self) {
            try await client.getObject("/things/3", rootKey: "thing", as: Thing.self)
        }
        guard case .network? = error else {
            Issue.record("expected a network error, got \(String(describing: error))")
            return
        }
        #expect(server.connections.count == 2)
    }

    @Test func mutationIsNotRetriedWhenTheConnectionBreaksAfterSending() async throws {
        let server = try RawSocketServer(reply: Data())  // reads the request, answers nothing
        defer { server.stop() }
        let clock = VirtualClock()
        let client = try makeCurlClient(baseURL: URL(string: "http://127.0.0.1:\(server.port)/api/v1")!, clock: clock)
        let error = await #expect(throws: LagoError.self) {
            try await client.mutate(.put, "/invoices/abc/finalize", body: nil, rootKey: "invoice", as: Thing.self)
        }
        #expect(error == .outcomeUnknown("invoice"))
        #expect(error?.message == "outcome unknown: check the invoice before retrying")
        #expect(server.connections.count == 1)
        #expect(clock.sleeps.isEmpty)
    }

    @Test func mutationIsNotRetriedOnServerErrors() async throws {
        let server = try await LoopbackServer.start { request, _ in
            LoopbackServer.json("{}", status: request.path.hasSuffix("void") ? 504 : 503)
        }
        defer { Task { await server.stop() } }
        let clock = VirtualClock()
        let client = try makeCurlClient(baseURL: server.baseURL, clock: clock)
        await #expect(throws: LagoError.server(status: 503)) {
            try await client.mutate(.post, "/wallet_transactions", body: Data("{}".utf8), rootKey: "wallet_transactions", as: [Thing].self)
        }
        await #expect(throws: LagoError.outcomeUnknown("invoice")) {
            try await client.mutate(.post, "/invoices/abc/void", body: nil, rootKey: "invoice", as: Thing.self)
        }
        #expect(server.arrivals.count == 2)
        #expect(clock.sleeps.isEmpty)
    }

    @Test func mutationIsRetriedWhenNothingWasSent() async throws {
        let port = try RawSocketServer.closedPort()
        let clock = VirtualClock()
        let client = try makeCurlClient(baseURL: URL(string: "http://127.0.0.1:\(port)/api/v1")!, clock: clock, maxAttempts: 3)
        let error = await #expect(throws: LagoError.self) {
            try await client.mutate(.post, "/invoices/abc/retry_payment", body: nil, rootKey: "invoice", as: LagoEmpty.self)
        }
        guard case .connectionFailed? = error else {
            Issue.record("expected connectionFailed, got \(String(describing: error))")
            return
        }
        #expect(clock.sleeps.count == 2)
    }

    @Test func theKeyNeverAppearsInErrorMessages() async throws {
        let key = "lago-secret-9f8e7d6c"
        let server = try await LoopbackServer.start { request, _ in
            let echoed = request.headers[.authorization] ?? ""
            switch request.path {
            case "/api/v1/validation":
                return LoopbackServer.json(#"{"status":422,"error":"Unprocessable Entity","code":"validation_errors","error_details":{"api_key":["\#(echoed) is invalid"]}}"#, status: 422)
            case "/api/v1/odd":
                return LoopbackServer.json(#"{"status":400,"error":"bad header \#(echoed)"}"#, status: 400)
            default:
                return LoopbackServer.json(#"{"thing":{"id":"\#(echoed)"}}"#)
            }
        }
        defer { Task { await server.stop() } }
        let client = try makeCurlClient(baseURL: server.baseURL, apiKey: key)
        var messages: [String] = []
        for path in ["/validation", "/odd", "/decode"] {
            do {
                _ = try await client.getObject(path, rootKey: "thing", as: Thing.self)
                Issue.record("\(path) should fail")
            } catch let error as LagoError {
                messages.append(error.message)
                messages.append(String(describing: error))
            }
        }
        #expect(messages.count == 6)
        for message in messages {
            #expect(!message.contains(key), "\(message)")
        }
        #expect(server.arrivals.seen.allSatisfy { $0.authorization == "Bearer \(key)" })
    }

    @Test func unauthorizedIsNotRetried() async throws {
        let server = try await LoopbackServer.start { _, _ in
            LoopbackServer.json(#"{"status":401,"error":"Unauthorized"}"#, status: 401)
        }
        defer { Task { await server.stop() } }
        let client = try makeCurlClient(baseURL: server.baseURL)
        await #expect(throws: LagoError.unauthorized) {
            try await client.listPage("/invoices", collectionKey: "invoices", as: Thing.self)
        }
        #expect(server.arrivals.count == 1)
    }

    @Test func cancelledMutationHasAnUnknownOutcome() async throws {
        let gate = Gate()
        let server = try await LoopbackServer.start { _, _ in
            await gate.wait()
            return LoopbackServer.json("{}")
        }
        defer { gate.open(); Task { await server.stop() } }
        let client = try makeCurlClient(baseURL: server.baseURL)
        let task = Task {
            try await client.mutate(.post, "/invoices/abc/void", body: nil, rootKey: "invoice", as: Thing.self)
        }
        await server.arrivals.wait(for: 1)
        task.cancel()
        let result = await task.result
        #expect(throws: LagoError.outcomeUnknown("invoice")) { try result.get() }
    }
}

@Suite struct RetryPolicyTests {
    @Test func backoffDoublesIsCappedAndJittered() {
        let policy = RetryPolicy(baseDelay: .seconds(1), maxDelay: .seconds(5), jitter: 0.5, random: { 0.5 })
        #expect(policy.backoff(beforeRetry: 1) == .milliseconds(750))
        #expect(policy.backoff(beforeRetry: 2) == .milliseconds(1500))
        #expect(policy.backoff(beforeRetry: 4) == .milliseconds(3750))
        let noJitter = RetryPolicy(baseDelay: .seconds(1), maxDelay: .seconds(5), jitter: 0.5, random: { 0 })
        #expect(noJitter.backoff(beforeRetry: 3) == .seconds(4))
    }

    @Test func waitHeadersAreRead() {
        let url = URL(string: "https://api.getlago.com")!
        let now = Date(timeIntervalSince1970: 1_700_000_000)
        func delay(_ headers: [String: String]) -> Duration? {
            RateLimitHeaders.delay(in: HTTPResponse(status: 429, headers: headers, url: url), now: now)
        }
        #expect(delay(["Retry-After": "2"]) == .seconds(2))
        #expect(delay(["retry-after": "Tue, 14 Nov 2023 22:13:30 GMT"]) == .seconds(10))
        #expect(delay(["X-RateLimit-Reset": "0"]) == .seconds(1))
        #expect(delay(["x-ratelimit-reset": "7"]) == .seconds(7))
        #expect(delay([:]) == nil)
    }
}
