import Foundation
import LagoAPI
import LagoSandbox
import LagoTesting
import PageCache
import Testing
@testable import BrowserModel

/// What the browser's data source puts on the wire, against the sandbox: invoice status
/// filters in the spec's spelling (`statuses[]`, `payment_statuses[]`, which the sandbox
/// honours the way Lago does), and no paging parameters to a list Lago returns whole.
@Suite(.serialized) struct CatalogRequestTests {
    static func withSource(_ body: (CachedLagoDataSource, RequestLogTransport) async throws -> Void) async throws {
        let server = SandboxServer(options: SandboxOptions(customers: 8))
        let baseURL = try await server.start()
        let transport = RequestLogTransport(CurlTransport())
        do {
            let client = try LagoClient(configuration: LagoClientConfiguration(baseURL: baseURL, apiKey: "lago-sandbox-key"),
                                        transport: transport)
            let cache = PageCache(configuration: CacheConfiguration(profile: "catalogue", enabled: false),
                                  fetcher: LagoPageFetcher(client: client))
            try await body(CachedLagoDataSource(client: client, cache: cache), transport)
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
    }

    static func items(_ source: CachedLagoDataSource, _ request: ListRequest) async throws -> [JSONValue] {
        var last: ListPageResult?
        for try await result in source.listPage(request, page: 1, perPage: 100, forceRefresh: true) { last = result }
        return try (last?.items ?? []).map { try JSONValue.parse($0) }
    }

    static func pairs(_ items: [URLQueryItem]) -> [String] { items.map { "\($0.name)=\($0.value ?? "")" } }

    @Test func invoiceStatusFiltersGoOutAsTheSpecSpellsThem() async throws {
        try await Self.withSource { source, transport in
            let request = ListRequest(.invoices, filters: [ListFilter("status", "finalized"), ListFilter("payment_status", ["failed", "pending"])])
            let invoices = try await Self.items(source, request)
            let sent = try #require(transport.queries(of: "/invoices").last)
            #expect(Self.pairs(sent).filter { $0.contains("status") }
                    == ["payment_statuses[]=failed", "payment_statuses[]=pending", "statuses[]=finalized"])
            // The sandbox reads them as Lago does, so the spelling is proven by what comes back.
            #expect(!invoices.isEmpty)
            #expect(invoices.allSatisfy { $0.string("status") == "finalized" && ["failed", "pending"].contains($0.string("payment_status")) })
        }
    }

    @Test func anUnpaginatedListIsAskedForWithoutPaging() async throws {
        try await Self.withSource { source, transport in
            let entities = try await Self.items(source, ListRequest(.billingEntities))
            #expect(!entities.isEmpty)
            let sent = try #require(transport.queries(of: "/billing_entities").last)
            #expect(!sent.contains { $0.name == "page" || $0.name == "per_page" }, "\(Self.pairs(sent))")
            _ = try await Self.items(source, ListRequest(.plans))
            let paged = try #require(transport.queries(of: "/plans").last)
            #expect(Self.pairs(paged).contains("per_page=100"))
        }
    }
}
