import Foundation
import LagoAPI
import LagoTesting
import Testing

/// The generic client core against a scripted transport: URLs, headers, decoding, errors.
@Suite struct ClientCoreTests {
    struct Item: Decodable, Sendable, Equatable {
        let lagoId: String
        let amountCents: Int
        enum CodingKeys: String, CodingKey {
            case lagoId = "lago_id"
            case amountCents = "amount_cents"
        }
    }

    static let twoItems = #"""
    {"items":[{"lago_id":"a","amount_cents":100,"extra":{"k":[1,2,"x\"]"]}},
      {"lago_id":"b","amount_cents":-5}],
     "meta":{"current_page":1,"next_page":2,"prev_page":null,"total_pages":3,"total_count":5}}
    """#

    @Test func listPageBuildsTheRequestAndDecodesItemsAndMeta() async throws {
        let transport = ScriptedTransport()
        transport.on(.get, "/items", json: Self.twoItems)
        let client = try transport.makeClient(apiKey: "secret-key-123")
        let query = [URLQueryItem(name: "status[]", value: "draft"), URLQueryItem(name: "search_term", value: "a+b c&d")]
        let page = try await client.listPage("/items", collectionKey: "items", query: query, page: 2, perPage: 2, as: Item.self)

        #expect(page.items == [Item(lagoId: "a", amountCents: 100), Item(lagoId: "b", amountCents: -5)])
        #expect(page.meta == PageMeta(currentPage: 1, nextPage: 2, prevPage: nil, totalPages: 3, totalCount: 5))
        let call = try #require(transport.calls.first)
        #expect(call.request.url.absoluteString
            == "http://127.0.0.1:9/api/v1/items?status%5B%5D=draft&search_term=a%2Bb%20c%26d&page=2&per_page=2")
        #expect(call.request.header("authorization") == "Bearer secret-key-123")
        #expect(call.request.header("user-agent") == "lagotui/\(LagotuiVersion.current)")
        #expect(call.request.header("accept") == "application/json")
    }

    @Test func rawPageKeepsEachItemsExactBytes() async throws {
        let transport = ScriptedTransport()
        transport.on(.get, "/items", json: Self.twoItems)
        let client = try transport.makeClient()
        let page = try await client.rawPage("/items", collectionKey: "items")
        #expect(page.items.map { String(decoding: $0, as: UTF8.self) } == [
            #"{"lago_id":"a","amount_cents":100,"extra":{"k":[1,2,"x\"]"]}}"#,
            #"{"lago_id":"b","amount_cents":-5}"#,
        ])
        #expect(page.meta.totalPages == 3)
        #expect(try page.decode(Item.self).map(\.lagoId) == ["a", "b"])
    }

    @Test func emptyListHasLagosZeroCurrentPage() async throws {
        let transport = ScriptedTransport()
        transport.on(.get, "/items", json: #"{"items":[],"meta":{"current_page":0,"next_page":null,"prev_page":null,"total_pages":0,"total_count":0}}"#)
        let client = try transport.makeClient()
        let pages = try await collect(client.allPages("/items", collectionKey: "items", as: Item.self))
        #expect(pages.count == 1)
        #expect(pages[0].items.isEmpty)
        #expect(pages[0].meta.currentPage == 0)
    }

    @Test func unpaginatedListGetsSinglePageMeta() async throws {
        let transport = ScriptedTransport()
        transport.on(.get, "/items", json: #"{"items":[{"lago_id":"a","amount_cents":1}]}"#)
        let client = try transport.makeClient()
        let page = try await client.listPage("/items", collectionKey: "items", as: Item.self)
        #expect(page.meta == .singlePage(count: 1))
    }

    @Test func decodingErrorNamesThePathAndValueButNeverTheKey() async throws {
        let transport = ScriptedTransport()
        transport.on(.get, "/items", json: #"{"items":[{"lago_id":"a","amount_cents":1},{"lago_id":"secret-key-123","amount_cents":"12.5"}]}"#)
        let client = try transport.makeClient(apiKey: "secret-key-123")
        let error = await #expect(throws: LagoError.self) {
            try await client.listPage("/items", collectionKey: "items", as: Item.self)
        }
        #expect(error == .decoding(path: "items[1].amount_cents", snippet: "\"12.5\""))
        #expect(error?.message.contains("items[1].amount_cents") == true)

        transport.on(.get, "/items", json: #"{"items":[{"lago_id":5,"amount_cents":"secret-key-123"}]}"#)
        let second = await #expect(throws: LagoError.self) {
            try await client.listPage("/items", collectionKey: "items", as: [String: String].self)
        }
        #expect(second?.message.contains("secret-key-123") == false)
    }

    @Test func getObjectAndMutateUseTheRootKey() async throws {
        let transport = ScriptedTransport()
        transport.on(.get, "/items/a", json: #"{"item":{"lago_id":"a","amount_cents":7}}"#)
        transport.on(.put, "/items/a/finalize", json: #"{"item":{"lago_id":"a","amount_cents":8}}"#)
        transport.on(.post, "/items/a/retry_payment", json: "")
        let client = try transport.makeClient()
        #expect(try await client.getObject("/items/a", rootKey: "item", as: Item.self).amountCents == 7)
        let body = Data(#"{"x":1}"#.utf8)
        #expect(try await client.mutate(.put, "/items/a/finalize", body: body, rootKey: "item", as: Item.self).amountCents == 8)
        #expect(transport.calls(.put, "/items/a/finalize").first?.request.body == body)
        #expect(transport.calls(.put, "/items/a/finalize").first?.request.header("content-type") == "application/json")
        #expect(try await client.mutate(.post, "/items/a/retry_payment", body: nil, rootKey: "item", as: LagoEmpty.self) == LagoEmpty())
        #expect(try await client.mutate(.post, "/items/a/retry_payment", body: nil, rootKey: "item", as: Item?.self) == nil)
    }

    /// A record read for the page cache keeps Lago's bytes: key order (the detail view shows
    /// fields in that order) and number text ("8.880" is not "8.88" through a Double).
    @Test func rawObjectKeepsTheBytesLagoSent() async throws {
        let transport = ScriptedTransport()
        let record = #"{"lago_id":"a","zeta":1,"rate":"8.880","amount":0.1000,"customer":{"name":"N","b":2,"a":1}}"#
        transport.on(.get, "/items/a", json: #"{"item":"# + record + #"}"#)
        transport.on(.get, "/items/b", json: #"{"other":{"lago_id":"b"}}"#)
        transport.on(.get, "/items/c", json: #"{"item":["not","an","object"]}"#)
        let client = try transport.makeClient()
        #expect(try await client.objectBytes("/items/a", rootKey: "item") == Data(record.utf8))
        for (path, snippet) in [("/items/b", "the response has no item"), ("/items/c", "not a JSON object")] {
            let error = await #expect(throws: LagoError.self) { try await client.objectBytes(path, rootKey: "item") }
            #expect(error == .decoding(path: "item", snippet: snippet))
        }
    }

    @Test(arguments: [
        (ScriptedTransport.Reply.lagoError(status: 401, error: "Unauthorized"), LagoError.unauthorized,
         "unauthorized: Lago rejected the API key (check the key and the API URL)"),
        (.lagoError(status: 404, code: "invoice_not_found", error: "Not Found"), .notFound("invoice_not_found"), "invoice not found"),
        (.lagoError(status: 405, code: "not_voidable", error: "Method Not Allowed"),
         .api(status: 405, code: "not_voidable", error: "Method Not Allowed", details: [:]),
         "invoice cannot be voided: only finalized invoices can be voided"),
        (.lagoError(status: 422, code: "validation_errors", error: "Unprocessable Entity", details: ["paid_credits": ["amount_below_minimum"]]),
         .api(status: 422, code: "validation_errors", error: "Unprocessable Entity", details: ["paid_credits": ["amount_below_minimum"]]),
         "validation failed: paid_credits is below the wallet's minimum top-up"),
        (.lagoError(status: 403, code: "write_action_not_allowed_for_invoice", error: "Forbidden"),
         .forbidden(code: "write_action_not_allowed_for_invoice"), "forbidden: this API key may not write invoice records"),
    ])
    func errorStatusesMapToCasesWithReadableMessages(reply: ScriptedTransport.Reply, expected: LagoError, message: String) async throws {
        let transport = ScriptedTransport()
        transport.on(.get, "/items", replies: [reply])
        let client = try transport.makeClient()
        let error = await #expect(throws: LagoError.self) {
            try await client.getObject("/items", rootKey: "item", as: Item.self)
        }
        #expect(error == expected)
        #expect(error?.message == message)
    }

    @Test func finalizingANonDraftSaysWhy() async throws {
        let transport = ScriptedTransport()
        transport.on(.put, "/invoices/x/finalize", replies: [.lagoError(status: 404, code: "invoice_not_found", error: "Not Found")])
        let client = try transport.makeClient()
        let error = await #expect(throws: LagoError.self) {
            try await client.mutate(.put, "/invoices/x/finalize", body: nil, rootKey: "invoice", as: Item.self)
        }
        #expect(error?.message == "invoice is not a draft: only drafts can be finalized")
    }

    @Test func httpIsRefusedForNonLoopbackHostsUnlessInsecure() throws {
        let transport = ScriptedTransport()
        func make(_ url: String, insecure: Bool = false) throws -> LagoClient {
            try LagoClient(configuration: LagoClientConfiguration(baseURL: URL(string: url)!, apiKey: "k", insecure: insecure), transport: transport)
        }
        #expect(throws: LagoError.self) { try make("http://lago.example.com/api/v1") }
        #expect(throws: LagoError.self) { try make("ftp://lago.example.com/api/v1") }
        #expect(throws: LagoError.self) { try make("https://user:pw@lago.example.com/api/v1") }
        _ = try make("https://lago.example.com/api/v1")
        _ = try make("http://127.0.0.1:3000/api/v1")
        _ = try make("http://localhost:3000/api/v1")
        _ = try make("http://[::1]:3000/api/v1")
        let insecure = try make("http://lago.internal/api/v1", insecure: true)
        #expect(insecure.configuration.needsInsecureWarning)
        #expect(try make("http://127.0.0.1/api/v1").configuration.needsInsecureWarning == false)
        #expect(!String(describing: insecure.configuration).contains("apiKey: k"))
    }

    @Test func datesParseWithAndWithoutFractionalSeconds() throws {
        struct Stamp: Decodable { let at: Date }
        let plain = try LagoJSON.decoder.decode(Stamp.self, from: Data(#"{"at":"2024-05-01T10:00:00Z"}"#.utf8))
        let fractional = try LagoJSON.decoder.decode(Stamp.self, from: Data(#"{"at":"2024-05-01T10:00:00.250Z"}"#.utf8))
        let offset = try LagoJSON.decoder.decode(Stamp.self, from: Data(#"{"at":"2024-05-01T12:00:00+02:00"}"#.utf8))
        let day = try LagoJSON.decoder.decode(Stamp.self, from: Data(#"{"at":"2024-05-01"}"#.utf8))
        #expect(plain.at.timeIntervalSince1970 == 1_714_557_600)
        #expect(fractional.at.timeIntervalSince1970 == 1_714_557_600.25)
        #expect(offset.at == plain.at)
        #expect(day.at.timeIntervalSince1970 == 1_714_521_600)
        #expect(throws: DecodingError.self) {
            try LagoJSON.decoder.decode(Stamp.self, from: Data(#"{"at":"yesterday"}"#.utf8))
        }
    }
}

func collect<S: AsyncSequence>(_ sequence: S) async throws -> [S.Element] {
    var result: [S.Element] = []
    for try await element in sequence { result.append(element) }
    return result
}

@Suite struct ClientRedactionTests {
    @Test func descriptionsAndDumpsNeverShowTheKey() throws {
        let key = "lago-key-0123456789"
        let client = try LagoClient(
            configuration: LagoClientConfiguration(baseURL: URL(string: "https://api.getlago.com/api/v1")!, apiKey: key),
            transport: ScriptedTransport())
        var dumped = ""
        dump(client, to: &dumped)
        let request = HTTPRequest(method: .get, url: URL(string: "https://api.getlago.com/api/v1/invoices")!, headers: ["Authorization": "Bearer \(key)"])
        var dumpedRequest = ""
        dump(request, to: &dumpedRequest)
        for text in [String(describing: client), String(reflecting: client), dumped,
                     String(describing: client.configuration), String(describing: request), dumpedRequest] {
            #expect(!text.contains(key), "\(text)")
        }
        #expect(dumped.contains("api.getlago.com"))
    }
}

@Suite(.timeLimit(.minutes(1))) struct ScriptedTransportTests {
    @Test func gatedRepliesWaitForTheTestAndEndOnCancellation() async throws {
        let transport = ScriptedTransport()
        transport.on(.get, "/held", replies: [.gated("release", .json(#"{"x":{"n":1}}"#))])
        let client = try transport.makeClient()
        let held = Task { try await client.getObject("/held", rootKey: "x", as: [String: Int].self) }
        await transport.waitForCalls(1)
        transport.open("release")
        #expect(try await held.value == ["n": 1])

        transport.on(.get, "/never", replies: [.gated("never", .json("{}"))])
        let cancelled = Task { try await client.getObject("/never", rootKey: "x", as: [String: Int].self) }
        await transport.waitForCalls(2)
        cancelled.cancel()
        await #expect(throws: LagoError.cancelled) { try await cancelled.value }
    }

    @Test func repliesPlayInTurnThenRepeatTheLastAndUnscriptedPathsAre404() async throws {
        let transport = ScriptedTransport()
        transport.on(.get, "/items", replies: [.lagoError(status: 503), .json(#"{"item":{"n":2}}"#)])
        transport.on(.get, "/items/special", json: #"{"item":{"n":9}}"#)
        let client = try transport.makeClient()
        #expect(try await client.getObject("/items/a", rootKey: "item", as: [String: Int].self) == ["n": 2])
        #expect(try await client.getObject("/items/b", rootKey: "item", as: [String: Int].self) == ["n": 2])
        #expect(try await client.getObject("/items/special", rootKey: "item", as: [String: Int].self) == ["n": 9])
        await #expect(throws: LagoError.notFound("resource_not_found")) {
            try await client.getObject("/items_other", rootKey: "item", as: [String: Int].self)
        }
        #expect(transport.calls(.get, "/items").count == 4)
    }
}
