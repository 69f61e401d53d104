import Foundation
@testable import LagoAPI
import LagoTesting
import PageCache
import Testing
@testable import BrowserModel
@testable import TerminalUI

/// Bad input from the API: each malformed record is shown tolerantly or dropped alone, the
/// rest of the page still shows, and nothing hazardous reaches the screen.
@MainActor
@Suite(.serialized) struct HostilePayloadTests {
    static func customer(_ n: Int, name: String = "Customer") -> String {
        #"{"lago_id":"cus_\#(n)","external_id":"ext_\#(n)","name":"\#(name)","email":"c\#(n)@example.com","currency":"EUR","country":"FR","created_at":"2025-01-01T00:00:00Z","metadata":[]}"#
    }

    /// Records that break every rule, each paired with what it is.
    static let hostileCustomers: [(String, String)] = [
        ("wrong types", #"{"lago_id":"cus_w","external_id":42,"name":123,"email":false,"currency":7,"created_at":{},"metadata":"x"}"#),
        ("missing required fields", #"{"name":"No ids at all"}"#),
        ("unknown enum values", #"{"lago_id":"cus_e","external_id":"ext_e","name":"Enum","customer_type":"alien","account_type":"martian","currency":"XXX","created_at":"2025-01-01T00:00:00Z"}"#),
        ("nulls everywhere", #"{"lago_id":"cus_n","external_id":"ext_n","name":null,"email":null,"currency":null,"country":null,"created_at":null,"metadata":null,"billing_configuration":null}"#),
        ("deeply nested metadata", #"{"lago_id":"cus_d","external_id":"ext_d","name":"Deep","metadata":"# + String(repeating: "[", count: 2000) + String(repeating: "]", count: 2000) + "}"),
        ("escape sequences", #"{"lago_id":"cus_x","external_id":"ext_x","name":"\u001b[2J\u001b]52;c;ZXZpbA==\u0007\u001b]8;;http://evil\u0007click\u001b]8;;\u0007\u001b]0;pwned\u0007\u009b31m\u202eevil","created_at":"2025-01-01T00:00:00Z"}"#),
    ]

    static func harness(pageJSON: String, extra: (ScriptedTransport) -> Void = { _ in }) async throws -> (BrowserModel, ScriptedTransport, URL) {
        let transport = ScriptedTransport()
        transport.on(.get, "/customers", json: pageJSON)
        extra(transport)
        let client = try transport.makeClient()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lagotui-hostile-\(UUID().uuidString)")
        let cache = PageCache(configuration: CacheConfiguration(directory: directory, profile: "hostile"), fetcher: LagoPageFetcher(client: client))
        var config = BrowserConfiguration()
        config.selectionDebounce = .zero
        config.downloadDirectory = directory
        let model = BrowserModel(session: BrowserSession(profile: ProfileInfo(name: "hostile", environment: .test, readOnly: false, apiHost: "127.0.0.1"),
                                                         dataSource: CachedLagoDataSource(client: client, cache: cache)),
                                 configuration: config, clock: ManualBrowserClock())
        model.start()
        await model.idle()
        return (model, transport, directory)
    }

    static func page(_ items: [String]) -> String {
        #"{"customers":[\#(items.joined(separator: ","))],"meta":{"current_page":1,"next_page":null,"prev_page":null,"total_pages":1,"total_count":\#(items.count)}}"#
    }

    static func rows(_ model: BrowserModel) -> [RowSnapshot] {
        let s = model.snapshot()
        guard case let .table(t) = s.body.panes[s.body.focusedIndex].content else { return [] }
        return t.rows
    }

    @Test func eachBadRecordStaysAloneAndTheRestOfThePageShows() async throws {
        var items = [Self.customer(1, name: "Before")]
        items += Self.hostileCustomers.map(\.1)
        items.append(Self.customer(2, name: "After"))
        let (model, _, directory) = try await Self.harness(pageJSON: Self.page(items))
        defer { try? FileManager.default.removeItem(at: directory) }
        let rows = Self.rows(model)
        let names = rows.compactMap { $0.cells.first }
        #expect(names.contains("Before") && names.contains("After"), "\(names)")
        #expect(rows.count >= 2 + 4, "tolerant rows for wrong types, enums, nulls, escapes: \(names)")
        // The 2,000-deep record is the one the browser cannot read: skipped alone, and said.
        let s = model.snapshot()
        #expect(s.body.panes[s.body.focusedIndex].countText.hasSuffix("1 unreadable skipped"), "\(s.body.panes[s.body.focusedIndex].countText)")
        #expect(TestScreen.render(model).contains("1 unreadable skipped"))
        print("hostile page: \(items.count) records, \(rows.count) rows shown, countText \(s.body.panes[s.body.focusedIndex].countText)")
        for size in [(24, 80), (6, 20), (120, 400)] {
            let screen = TestScreen.render(model, rows: size.0, columns: size.1)
            #expect(TestScreen.hazards(on: screen).isEmpty, "\(size): \(screen.dump())")
            #expect(!screen.allGraphemes.contains { $0.unicodeScalars.contains("\u{1B}") })
        }
        // Drill into every row: the detail view renders whatever the record holds.
        for index in rows.indices {
            for _ in 0..<index { model.handle(.down) }
            model.handle(.enter)
            await model.idle()
            let screen = TestScreen.render(model)
            #expect(TestScreen.hazards(on: screen).isEmpty)
            model.handle(.escape)
            model.handle(KeyPress("g"))
            await model.idle()
        }
    }

    /// The page itself, before the cache: a record the whole-document decoder gives up on
    /// (2,000-deep nesting) no longer rejects the page. A page that is not well-formed JSON, or
    /// whose collection holds something other than objects, still fails whole (an export must
    /// never skip a record silently).
    @Test func oneUndecodableRecordDoesNotCostThePage() throws {
        let items = [Self.customer(1)] + Self.hostileCustomers.map(\.1) + [Self.customer(2)]
        let page = try LagoClient.rawPage(from: Data(Self.page(items).utf8), collectionKey: "customers", apiKey: "k")
        #expect(page.items.count == items.count)
        #expect(page.meta.totalCount == items.count)
        let ids = page.items.compactMap { try? JSONValue.parse($0) }.compactMap { $0["lago_id"]?.text }
        #expect(ids.first == "cus_1" && ids.last == "cus_2", "\(ids)")
        let deep = Self.hostileCustomers.first { $0.0 == "deeply nested metadata" }!.1
        for bad in [[deep, "5"], [deep, #"{"lago_id":tru}"#], [deep + "]"], [deep, #"{"a":"\#(String(UnicodeScalar(7)))"}"#]] {
            #expect(throws: LagoError.self, "\(bad.last!.suffix(20))") {
                _ = try LagoClient.rawPage(from: Data(Self.page(bad).utf8), collectionKey: "customers", apiKey: "k")
            }
        }
        // The well-formedness check itself, on shapes the deep record does not cover.
        for good in ["{}", "[]", "[1,-0.5e+3,true,false,null,\"\\u00e9\\n\"]", String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000), " {\"a\" : [ {} ] } ", "[1,]", "{\"a\":1,}"] {
            #expect(JSONSlicer.isWellFormed(Data(good.utf8)), "\(good.prefix(30))")
        }
        for bad in ["", "{", "[,]", "{,}", "[1,,]", "{\"a\"}", "01", "1.", "-", "\"\\x\"", "[1] 2", "{\"a\":1]", "tru", "[\"\u{1}\"]", "nul"] {
            #expect(!JSONSlicer.isWellFormed(Data(bad.utf8)), "\(bad)")
        }
    }

    @Test func aPageThatIsNotJSONIsOneNamedFailure() async throws {
        for body in ["<html>502 Bad Gateway</html>", "{\"customers\": [", "", "null", "{\"customers\": 5}", "[1,2,3]",
                     "{\"customers\":[{\"lago_id\":1}],\"meta\":\"oops\"}"] {
            let (model, _, directory) = try await Self.harness(pageJSON: body)
            defer { try? FileManager.default.removeItem(at: directory) }
            let s = model.snapshot()
            let pane = s.body.panes[s.body.focusedIndex]
            if case let .failed(message) = pane.state {
                #expect(message.hasPrefix("unexpected response from Lago"), "\(body): \(message)")
            } else {
                #expect(Self.rows(model).count <= 1, "\(body): \(pane.state)")
            }
            #expect(TestScreen.hazards(on: TestScreen.render(model)).isEmpty)
        }
    }

    @Test func aFiveMegabyteNameIsClippedNotDrawnWhole() async throws {
        let huge = String(repeating: "A", count: 5 << 20)
        let (model, _, directory) = try await Self.harness(pageJSON: Self.page([Self.customer(1, name: huge), Self.customer(2, name: "Small")]))
        defer { try? FileManager.default.removeItem(at: directory) }
        let rows = Self.rows(model)
        #expect(rows.count == 2)
        let screen = TestScreen.render(model, rows: 24, columns: 80)
        #expect(screen.contains("Small"))
        #expect(screen.lines().allSatisfy { $0.count <= 80 })
    }

    @Test func tenThousandFeeLinesDecodeAndShow() throws {
        let fee = #"{"lago_id":"fee_%d","amount_cents":100,"amount_currency":"EUR","taxes_amount_cents":0,"total_amount_cents":100,"total_amount_currency":"EUR","units":"1.0","events_count":1,"item":{"type":"charge","code":"c","name":"Line %d"}}"#
        let fees = (0..<10_000).map { fee.replacingOccurrences(of: "%d", with: String($0)) }.joined(separator: ",")
        let invoice = #"{"invoice":{"lago_id":"inv_big","number":"INV-BIG","status":"finalized","payment_status":"pending","currency":"EUR","fees_amount_cents":1000000,"total_amount_cents":1000000,"fees":[\#(fees)]}}"#
        let parsed = try JSONValue.parse(invoice)
        guard case let .array(parsedFees)? = parsed["invoice"]?["fees"] else { Issue.record("no fees"); return }
        #expect(parsedFees.count == 10_000)
        let decoded = try? LagoJSON.decoder.decode([String: Invoice].self, from: Data(invoice.utf8))
        #expect(decoded?["invoice"]?.fees?.count == 10_000 || decoded == nil)
    }
}
