import BrowserModel
import Foundation
import LagoAPI
import LagoTesting
import PageCache
import Testing
@testable import LagotuiCommands

/// The browser and the export engine in-process over nginx: the browser wired exactly as
/// `lagotui` wires it (settings → ClientFactory → page cache on disk), and slow or stalled
/// networks underneath it.
@Suite(.serialized, .enabled(if: NetworkSuite.enabled, "needs nginx, tinyproxy and openssl (scripts/setup)"))
struct NetworkSessionTests {
    static func environment(_ work: String, key: String) -> [String: String] {
        ["LAGO_API_KEY": key, "HOME": work + "/home", "XDG_CONFIG_HOME": work + "/config", "XDG_CACHE_HOME": work + "/cache"]
    }

    /// A browser session as `lagotui` builds it, opened on the invoices list: its row count
    /// and what the header says about the API.
    @MainActor
    static func browseInvoices(apiURL: String, caFile: String?, environment: [String: String]) async throws
        -> (rows: Int, apiStatus: String?)
    {
        var commandLine = CommandLineSettings()
        commandLine.apiURL = apiURL
        commandLine.network.caFile = caFile
        let settings = try Settings.resolve(commandLine: commandLine, environment: environment)
        var configuration = BrowserConfiguration()
        configuration.selectionDebounce = .zero
        let model = BrowserModel(session: try BrowserLauncher.makeSession(settings), configuration: configuration)
        model.start()
        await model.idle()
        await model.command("inv")
        let rows: Int
        if case let .table(table) = model.focusedPaneSnapshot.content { rows = table.rows.count } else { rows = -1 }
        return (rows, model.snapshot().header.apiStatus)
    }

    @Test func browserLoadsThroughNginxAndCachesPerBaseURLIncludingThePrefix() async throws {
        try await withNginx { f in
            let work = f.runner.workDirectory.path
            let environment = Self.environment(work, key: f.sandbox.options.apiKey)
            let viaNginx = try await Self.browseInvoices(apiURL: f.nginx.baseURL.absoluteString, caFile: f.certificates.caCertificate,
                                                         environment: environment)
            #expect(viaNginx.rows > 0 && viaNginx.apiStatus == nil, "\(viaNginx)")
            #expect(f.nginx.accessLog.contains { $0.uri.hasPrefix("/lago/api/v1/invoices") && $0.serverProtocol == "HTTP/2.0" })
            let direct = try await Self.browseInvoices(apiURL: f.sandbox.baseURL.absoluteString, caFile: nil, environment: environment)
            #expect(direct.rows == viaNginx.rows && direct.apiStatus == nil)

            let files = (try? FileManager.default.contentsOfDirectory(atPath: work + "/cache/lagotui")) ?? []
            let databases = Set(files.filter { $0.hasSuffix(".sqlite") })
            #expect(databases == [
                "default@\(CacheLocation.originTag(f.nginx.baseURL)).sqlite",
                "default@\(CacheLocation.originTag(f.sandbox.baseURL)).sqlite",
            ], "one cache per base URL: \(files)")
        }
    }

    /// The browser over a refused certificate names the cause in its header, and the
    /// sandbox behind nginx never sees a request.
    @Test func browserHeaderNamesARefusedCertificate() async throws {
        try await withNginx(certificate: { $0.expired }) { f in
            let before = try await f.sandboxRequests()
            let environment = Self.environment(f.runner.workDirectory.path, key: f.sandbox.options.apiKey)
            let browsed = try await Self.browseInvoices(apiURL: f.nginx.baseURL.absoluteString, caFile: f.certificates.caCertificate,
                                                        environment: environment)
            #expect(browsed.apiStatus == "cannot reach Lago: the TLS certificate of 127.0.0.1 has expired", "\(browsed)")
            #expect(try await f.sandboxRequests() == before)
        }
    }

    @Test func cacheTagsDifferByPrefixAndIgnoreCaseAndTrailingSlash() throws {
        let lago = URL(string: "https://billing.example.com/lago/api/v1")!
        #expect(CacheLocation.originTag(lago) != CacheLocation.originTag(URL(string: "https://billing.example.com/api/v1")!))
        #expect(CacheLocation.originTag(lago) != CacheLocation.originTag(URL(string: "https://billing.example.com:8443/lago/api/v1")!))
        #expect(CacheLocation.originTag(lago) == CacheLocation.originTag(URL(string: "https://Billing.Example.com/lago/api/v1/")!))
        let location = CacheLocation(directory: URL(fileURLWithPath: "/c"), profile: "prod", origin: lago)
        #expect(location.databaseURL.lastPathComponent == "prod@\(CacheLocation.originTag(lago)).sqlite")
    }

    /// A browser over a slow link (nginx `limit_rate`) keeps answering keys while a page is
    /// still arriving; over a stalled upstream it also names the problem in the header.
    @MainActor
    static func slowSession(apiURL: URL, caFile: String, requestTimeout: Duration, cache: URL, key: String)
        throws -> (BrowserModel, VirtualClock)
    {
        var commandLine = CommandLineSettings()
        commandLine.apiURL = apiURL.absoluteString
        commandLine.network.caFile = caFile
        let settings = try Settings.resolve(commandLine: commandLine, environment: ["LAGO_API_KEY": key, "HOME": cache.path])
        var options = ClientFactory.transportOptions(settings, tuning: ClientFactory.Tuning())
        options.requestTimeout = requestTimeout
        let retryClock = VirtualClock()
        let client = try LagoClient(configuration: LagoClientConfiguration(
            baseURL: apiURL, apiKey: key, retry: RetryPolicy(maxAttempts: 2, clock: retryClock.retryClock)),
            transport: CurlTransport(options: options))
        let pageCache = PageCache(configuration: CacheConfiguration(directory: cache, profile: "slow", origin: apiURL),
                                  fetcher: LagoPageFetcher(client: client))
        var configuration = BrowserConfiguration()
        configuration.selectionDebounce = .zero
        configuration.perPage = 50
        let session = BrowserSession(profile: ProfileInfo(name: "slow", environment: .test, readOnly: true, apiHost: apiURL.host ?? ""),
                                     dataSource: CachedLagoDataSource(client: client, cache: pageCache))
        return (BrowserModel(session: session, configuration: configuration, clock: ManualBrowserClock(start: Date())), retryClock)
    }

    @MainActor
    static func answersKeysWhileLoading(_ model: BrowserModel) async -> (busy: Bool, help: Bool, closed: Bool) {
        model.start()
        let busy = model.snapshot().busy
        model.handle(KeyPress("?"))
        let help = model.snapshot().help != nil
        model.handle(KeyPress("escape"))
        let closed = model.snapshot().help == nil
        await model.idle()
        return (busy, help, closed)
    }

    @Test func browserStaysResponsiveOnAThrottledLink() async throws {
        try await withNginx(customers: 30, adjust: { configuration, _ in configuration.limitRate = "4k" }) { f in
            let cache = try TemporaryDirectory()
            defer { cache.remove() }
            let outcome = try await MainActor.run {
                try Self.slowSession(apiURL: f.nginx.baseURL, caFile: f.certificates.caCertificate, requestTimeout: .seconds(30),
                                     cache: cache.url, key: f.sandbox.options.apiKey)
            }
            let keys = await Self.answersKeysWhileLoading(outcome.0)
            #expect(keys.busy && keys.help && keys.closed, "keys were handled while the throttled page loaded: \(keys)")
            let header = await MainActor.run { outcome.0.snapshot().header }
            #expect(header.apiStatus == nil, "a slow link is not an error: \(header)")
            let slowest = f.nginx.accessLog.map(\.duration).max() ?? 0
            #expect(slowest > 0.2, "limit_rate really slowed the response (\(slowest) s)")
        }
    }

    @Test func browserNamesAStalledUpstreamInTheHeaderAndStaysResponsive() async throws {
        let stalled = try StalledUpstream()
        let certificates = try TestCertificates.make()
        defer { certificates.remove() }
        var configuration = NginxServer.Configuration(certificate: certificates.server, upstreamPort: stalled.port)
        configuration.upstreamTimeout = "60s"
        let nginx = try await NginxServer.start(configuration)
        let cache = try TemporaryDirectory()
        defer { cache.remove() }
        do {
            let (model, retryClock) = try await MainActor.run {
                try Self.slowSession(apiURL: nginx.baseURL, caFile: certificates.caCertificate, requestTimeout: .seconds(1),
                                     cache: cache.url, key: "lago-sandbox-key")
            }
            let keys = await Self.answersKeysWhileLoading(model)
            #expect(keys.busy && keys.help && keys.closed, "\(keys)")
            let header = await MainActor.run { model.snapshot().header }
            #expect(header.apiStatus?.contains("timed out waiting for Lago") == true, "\(header)")
            #expect(header.recovery?.hasPrefix("retrying in") == true, "\(header)")
            #expect(retryClock.sleeps.count >= 1, "the client retried before giving up")
            #expect(nginx.accessLog.allSatisfy { $0.status == 499 }, "the client gave up, nginx logged it: \(nginx.accessLog)")
            await nginx.stop()
        } catch {
            await nginx.stop()
            throw error
        }
    }

    /// A stalled upstream behind nginx and a sandbox slower than the timeout fail an export
    /// the same way: the same error after the same number of attempts and backoff waits.
    @Test func exportTimeoutsAndRetriesMatchThePlainSandbox() async throws {
        func export(_ url: URL, caFile: String?) async throws -> (error: LagoError?, waits: Int) {
            let clock = VirtualClock()
            let transport = CurlTransport(options: CurlTransport.Options(requestTimeout: .milliseconds(800),
                                                                         tls: TLSSettings(caFile: caFile), proxy: .direct))
            let client = try LagoClient(configuration: LagoClientConfiguration(
                baseURL: url, apiKey: "lago-sandbox-key", retry: RetryPolicy(maxAttempts: 3, clock: clock.retryClock)),
                transport: transport)
            let query = try StreamQuery.build(.resource(.invoices), filters: try FilterOptions.parse([]))
            do {
                try await ExportEngine(source: client, perPage: 10, concurrency: 1).run(query) { _ in }
                return (nil, clock.sleeps.count)
            } catch let error as LagoError {
                return (error, clock.sleeps.count)
            }
        }
        let stalled = try StalledUpstream()
        let certificates = try TestCertificates.make()
        defer { certificates.remove() }
        let nginx = try await NginxServer.start(NginxServer.Configuration(certificate: certificates.server, upstreamPort: stalled.port))
        let viaNginx = try await export(nginx.baseURL, caFile: certificates.caCertificate)
        let attemptsSeenByNginx = await nginx.accessLog(atLeast: 3).count
        await nginx.stop()

        let plain = try await withSandbox(faults: "latency:3000ms") { sandbox in
            let outcome = try await export(sandbox.baseURL, caFile: nil)
            let counters = try await sandbox.counters()
            return (outcome, counters["total_requests"]?.intValue ?? -1)
        }
        #expect(viaNginx.error == .timeout, "\(String(describing: viaNginx.error))")
        #expect(viaNginx.error == plain.0.error)
        #expect(viaNginx.waits == plain.0.waits && viaNginx.waits == 2, "backoff waits: \(viaNginx.waits) vs \(plain.0.waits)")
        #expect(attemptsSeenByNginx == 3 && plain.1 == 3, "attempts: nginx \(attemptsSeenByNginx), sandbox \(plain.1)")
    }
}
