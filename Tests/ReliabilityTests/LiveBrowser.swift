import Foundation
import LagoAPI
import LagoSandbox
import LagoTesting
import PageCache
import Testing
@testable import BrowserModel

/// A browser session wired as the app wires it (BrowserModel → CachedLagoDataSource →
/// PageCache on disk → LagoClient → libcurl) against an in-process sandbox, with helpers to
/// break the sandbox underneath it (faults, revoked key, killed and restarted server).
/// Retry waits use a virtual clock, so no test sleeps for backoff.
@MainActor
final class LiveBrowser {
    private(set) var server: SandboxServer
    let options: SandboxOptions
    let baseURL: URL
    let client: LagoClient
    let transport: CurlTransport
    let cache: PageCache
    let source: CachedLagoDataSource
    let model: BrowserModel
    let clock: ManualBrowserClock
    let retryClock: VirtualClock
    /// The cache's "now", kept equal to the browser's manual clock by `advance(by:)`.
    let time: SharedTime
    /// Everything the session writes (cache database, downloads) lives under here.
    let directory: URL

    static let referenceDate = Date(timeIntervalSince1970: 1_795_262_400)

    /// `maxAge` gives every resource the same freshness (else the catalogue's); `allStale`
    /// makes every cached page stale at once, so every view asks the server.
    init(customers: Int = 12, seed: UInt64 = 42, apiKey: String = "lago-sandbox-key", requestTimeout: Duration = .seconds(30),
         maxAge: TimeInterval? = nil, allStale: Bool = false) async throws {
        options = SandboxOptions(apiKey: apiKey, seed: seed, customers: customers, referenceDate: Self.referenceDate)
        server = SandboxServer(options: options)
        baseURL = try await server.start()
        retryClock = VirtualClock()
        transport = CurlTransport(options: CurlTransport.Options(connectTimeout: .seconds(5), requestTimeout: requestTimeout))
        client = try LagoClient(configuration: LagoClientConfiguration(baseURL: baseURL, apiKey: options.apiKey,
                                                                      retry: RetryPolicy(clock: retryClock.retryClock)),
                                transport: transport)
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("lagotui-reliability-\(UUID().uuidString)")
        let time = SharedTime(Self.referenceDate)
        self.time = time
        cache = PageCache(configuration: CacheConfiguration(directory: directory, profile: "reliability",
                                                            freshness: allStale
                                                                ? FreshnessPolicy.uniform(0)
                                                                : maxAge.map(FreshnessPolicy.uniform) ?? FreshnessPolicy(),
                                                            now: { time.now }),
                          fetcher: LagoPageFetcher(client: client))
        source = CachedLagoDataSource(client: client, cache: cache)
        var config = BrowserConfiguration()
        config.selectionDebounce = .zero
        config.perPage = 20
        config.downloadDirectory = directory.appendingPathComponent("pdf")
        clock = ManualBrowserClock(start: Self.referenceDate)
        model = BrowserModel(session: BrowserSession(profile: ProfileInfo(name: "reliability", environment: .test, readOnly: false,
                                                                          apiHost: baseURL.host ?? ""),
                                                     dataSource: source),
                             configuration: config, clock: clock)
        model.start()
        await model.idle()
    }

    // MARK: driving

    /// Moves the browser's clock and the cache's together, running the timers that fall due
    /// (automatic retries, toasts), then waits for the work they started.
    func advance(by duration: Duration) async {
        let target = clock.now.addingTimeInterval(duration.seconds)
        // Step timer by timer so the cache sees the time each one fires at.
        while let due = clock.nextDueIn, clock.now.addingTimeInterval(due.seconds) <= target {
            time.now = clock.now.addingTimeInterval(due.seconds)
            clock.advance(by: due)
            await model.idle()
        }
        time.now = target
        clock.advance(by: .seconds(target.timeIntervalSince(clock.now)))
        await model.idle()
    }

    /// Runs the next scheduled timer (an automatic retry), returning how long it waited.
    @discardableResult
    func fireNextTimer() async -> Duration? {
        guard let due = clock.nextDueIn else { return nil }
        await advance(by: due)
        return due
    }

    /// Opens the customers list, then the invoices list, and returns each one's row ids
    /// (a test that needs both to hold rows fails here when either is empty).
    func browseCustomersAndInvoices() async throws -> (customers: [String], invoices: [String]) {
        await command("cus")
        let customers = rows.map(\.id)
        await command("inv")
        let invoices = rows.map(\.id)
        try #require(!customers.isEmpty && !invoices.isEmpty)
        return (customers, invoices)
    }

    func command(_ text: String) async { await model.command(text) }

    func press(_ keys: String...) async { await model.press(keys) }

    var snapshot: BrowserSnapshot { model.snapshot() }
    var focused: PaneSnapshot { model.focusedPaneSnapshot }
    var rows: [RowSnapshot] {
        if case let .table(t) = focused.content { return t.rows }
        return []
    }

    // MARK: breaking the server

    func control(_ method: HTTPMethod, _ path: String, json: String? = nil) async throws -> Data {
        let url = server.controlURL.appendingPathComponent(path)
        let response = try await transport.send(HTTPRequest(method: method, url: url,
                                                            headers: json == nil ? [:] : ["Content-Type": "application/json"],
                                                            body: json.map { Data($0.utf8) }, timeout: .seconds(10)))
        return response.body
    }

    func setFaults(_ spec: String) async throws {
        let body = try JSONSerialization.data(withJSONObject: ["spec": spec])
        _ = try await control(.post, "faults", json: String(decoding: body, as: UTF8.self))
    }

    func revokeKey() async throws { _ = try await control(.post, "revoke-key") }

    /// `mutations_per_record` from the sandbox counters (`"invoice:<id>"` → times applied).
    func mutations() async throws -> [String: Int] {
        let object = try JSONSerialization.jsonObject(with: try await control(.get, "counters")) as? [String: Any]
        return object?["mutations_per_record"] as? [String: Int] ?? [:]
    }

    /// Requests served per route (`"POST /invoices/{lago_id}/void"` → count).
    func requestsPerRoute() async throws -> [String: Int] {
        let object = try JSONSerialization.jsonObject(with: try await control(.get, "counters")) as? [String: Any]
        return object?["requests_per_route"] as? [String: Int] ?? [:]
    }

    /// Kills the server: every later request fails to connect.
    func kill() async { await server.stop() }

    /// Starts a fresh server with the same seed on the same port (the data is re-seeded and
    /// a revoked key works again). `afterStopping` stops the running one first.
    func restart(afterStopping: Bool = false) async throws {
        if afterStopping { await server.stop() }
        var again = options
        again.port = baseURL.port ?? 0
        let next = SandboxServer(options: again)
        var lastError: (any Error)?
        // The port was just released; binding it again can race the kernel for a moment.
        for _ in 0..<50 {
            do {
                _ = try await next.start()
                server = next
                return
            } catch {
                lastError = error
                try await Task.sleep(for: .milliseconds(100))
            }
        }
        throw lastError ?? SandboxServer.StartError.notListening
    }

    func stop() async {
        await server.stop()
        try? FileManager.default.removeItem(at: directory)
    }

    /// Every regular file the session wrote, with its bytes.
    func writtenFiles() -> [(URL, Data)] {
        guard let walker = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil) else { return [] }
        var out: [(URL, Data)] = []
        for case let url as URL in walker {
            if let data = FileManager.default.contents(atPath: url.path) { out.append((url, data)) }
        }
        return out
    }
}

/// A time shared between the main-actor clock and the cache's `now` closure.
final class SharedTime: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Date
    init(_ start: Date) { value = start }
    var now: Date {
        get { lock.withLock { value } }
        set { lock.withLock { value = newValue } }
    }
}
