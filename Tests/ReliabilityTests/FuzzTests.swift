import Foundation
import Testing
@testable import BrowserModel
@testable import LagoAPI
@testable import LagotuiCommands
@testable import TerminalUI

/// A seeded generator so every fuzz run is reproducible from its seed.
struct FuzzRandom {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ n: Int) -> Int { n <= 1 ? 0 : Int(next() % UInt64(n)) }
}

/// How many fuzz iterations: a short run always, a long soak with `LAGOTUI_SOAK=1`.
enum Soak {
    static var enabled: Bool { ProcessInfo.processInfo.environment["LAGOTUI_SOAK"] == "1" }
    static func iterations(_ short: Int, soak: Int) -> Int { enabled ? soak : short }
}

/// Mutates valid Lago payloads (random bytes, truncation, type swaps, splices) and feeds them
/// to every decoder and to the renderer: nothing may crash or hang.
@MainActor
@Suite struct FuzzTests {
    static let seeds: [String] = [
        HostilePayloadTests.customer(1, name: "Acme"),
        #"{"lago_id":"inv_1","sequential_id":1,"number":"INV-001","status":"finalized","payment_status":"failed","invoice_type":"subscription","currency":"EUR","issuing_date":"2025-01-01","payment_due_date":"2025-01-31","payment_overdue":true,"fees_amount_cents":1000,"taxes_amount_cents":200,"total_amount_cents":1200,"customer":{"lago_id":"cus_1","external_id":"ext_1","name":"Acme"},"metadata":[{"key":"po","value":"42"}],"fees":[{"lago_id":"fee_1","amount_cents":1000,"amount_currency":"EUR","units":"2.5","item":{"type":"charge","code":"api","name":"API calls"}}]}"#,
        #"{"lago_id":"sub_1","external_id":"s1","external_customer_id":"ext_1","plan_code":"pro","status":"active","billing_time":"calendar","name":"Pro","started_at":"2025-01-01T00:00:00Z","created_at":"2025-01-01T00:00:00.123Z"}"#,
        #"{"lago_id":"w_1","lago_customer_id":"cus_1","external_customer_id":"ext_1","status":"active","currency":"USD","name":"Prepaid","rate_amount":"1.0","credits_balance":"10.5","balance_cents":1050,"consumed_credits":"0.0","created_at":"2025-01-01T00:00:00Z"}"#,
    ]

    static let swaps = ["null", "0", "-1", "1e309", "\"\"", "{}", "[]", "true", "\"\\u001b]52;c;eA==\\u0007\"", "\"\\ud800\"",
                        "99999999999999999999999", "\"2025-13-45T99:99:99Z\"", "[[[[[[[[]]]]]]]]"]

    static func mutate(_ text: String, _ r: inout FuzzRandom) -> [UInt8] {
        var bytes = [UInt8](text.utf8)
        for _ in 0...r.below(4) {
            guard !bytes.isEmpty else { break }
            switch r.below(6) {
            case 0:  // random byte
                bytes[r.below(bytes.count)] = UInt8(truncatingIfNeeded: r.next())
            case 1:  // truncation
                bytes = Array(bytes.prefix(r.below(bytes.count)))
            case 2:  // insert random bytes
                let at = r.below(bytes.count + 1)
                bytes.insert(contentsOf: (0..<(1 + r.below(8))).map { _ in UInt8(truncatingIfNeeded: r.next()) }, at: at)
            case 3, 4:  // type swap: replace the value after a colon with another JSON type
                let colons = bytes.indices.filter { bytes[$0] == UInt8(ascii: ":") }
                guard let colon = colons.isEmpty ? nil : colons[r.below(colons.count)] else { continue }
                var end = colon + 1
                var depth = 0
                var inString = false
                while end < bytes.count {
                    let b = bytes[end]
                    if inString { if b == UInt8(ascii: "\\") { end += 1 } else if b == UInt8(ascii: "\"") { inString = false } }
                    else if b == UInt8(ascii: "\"") { inString = true }
                    else if b == UInt8(ascii: "{") || b == UInt8(ascii: "[") { depth += 1 }
                    else if b == UInt8(ascii: "}") || b == UInt8(ascii: "]") { if depth == 0 { break }; depth -= 1 }
                    else if b == UInt8(ascii: ","), depth == 0 { break }
                    end += 1
                }
                bytes.replaceSubrange((colon + 1)..<min(end, bytes.count), with: Array(swaps[r.below(swaps.count)].utf8))
            default:  // splice a piece of itself somewhere else
                let a = r.below(bytes.count), b = min(bytes.count, a + r.below(64))
                bytes.insert(contentsOf: bytes[a..<b], at: r.below(bytes.count + 1))
            }
        }
        return bytes
    }

    /// Every decoder the app uses on API bytes, run once on `data`.
    static func decodeEverywhere(_ data: Data) {
        _ = try? JSONValue.parse(data)
        _ = try? JSONValue.parse(data)
        let decoder = LagoJSON.decoder
        _ = try? decoder.decode(Customer.self, from: data)
        _ = try? decoder.decode(Invoice.self, from: data)
        _ = try? decoder.decode(Subscription.self, from: data)
        _ = try? decoder.decode(Wallet.self, from: data)
        let page = Data("{\"customers\":[".utf8) + data + Data("],\"meta\":{\"current_page\":1}}".utf8)
        _ = JSONSlicer.elements(ofArrayAt: "customers", in: page)
        _ = JSONSlicer.elements(ofArrayAt: "customers", in: data)
        _ = LagoErrorBody.parse(data)
        // The page reader's own well-formedness check never refuses what Foundation accepts.
        if (try? JSONSerialization.jsonObject(with: data, options: .fragmentsAllowed)) != nil {
            #expect(JSONSlicer.isWellFormed(data), "\(String(decoding: data, as: UTF8.self).debugDescription)")
        }
        _ = LagoClient.checkedRawPage(from: page, collectionKey: "customers")
        _ = LagoError.from(response: HTTPResponse(status: 422, headers: [:], body: data, url: URL(string: "https://x")!),
                           method: .post, path: "/invoices/x/void").message
    }

    @Test func decodersSurviveMutatedPayloads() {
        var r = FuzzRandom(seed: 0x1A60_7001)
        let n = Soak.iterations(1500, soak: 50_000)
        for i in 0..<n {
            let seed = Self.seeds[i % Self.seeds.count]
            Self.decodeEverywhere(Data(Self.mutate(seed, &r)))
        }
        // Pure noise too.
        for _ in 0..<Soak.iterations(300, soak: 10_000) {
            let bytes = (0..<r.below(512)).map { _ in UInt8(truncatingIfNeeded: r.next()) }
            Self.decodeEverywhere(Data(bytes))
        }
    }

    @Test func rendererSurvivesMutatedRecords() async {
        var r = FuzzRandom(seed: 0x5EED_CE11)
        let ds = InMemoryDataSource()
        var customers: [String] = []
        var invoices: [String] = []
        for i in 0..<Soak.iterations(250, soak: 5_000) {
            let seed = Self.seeds[i % 2]
            let bytes = Self.mutate(seed, &r)
            guard case .object? = try? JSONValue.parse(Data(bytes)) else { continue }
            let text = String(decoding: bytes, as: UTF8.self)
            if i % 2 == 0 { customers.append(text) } else { invoices.append(text) }
        }
        #expect(customers.count + invoices.count > 20, "enough mutated records stay valid JSON to draw")
        await ds.add(.customers, customers)
        await ds.add(.invoices, invoices)
        var config = BrowserConfiguration()
        config.selectionDebounce = .zero
        config.perPage = 500
        let model = BrowserModel(session: BrowserSession(profile: ProfileInfo(name: "fuzz", environment: .test, readOnly: false, apiHost: "127.0.0.1"),
                                                         dataSource: ds),
                                 configuration: config, clock: ManualBrowserClock())
        model.start()
        await model.idle()
        for command in ["cus", "inv"] {
            model.handle(KeyPress(":"))
            for c in command { model.handle(KeyPress.char(c)) }
            model.handle(.enter)
            await model.idle()
            for step in 0..<40 {
                for size in [(24, 80), (6, 20)] {
                    let screen = TestScreen.render(model, rows: size.0, columns: size.1)
                    #expect(TestScreen.hazards(on: screen).isEmpty, "\(command) step \(step)")
                }
                model.handle(step % 5 == 4 ? .escape : (step % 5 == 3 ? .enter : .down))
                await model.idle()
            }
        }
    }

    /// Random Unicode (controls, combining marks, wide, bidi, surrogates' neighbours) straight
    /// into the cell buffer through the same sanitiser and width code the widgets use.
    @Test func cellBufferSurvivesRandomText() {
        var r = FuzzRandom(seed: 0xCE11_B0FF)
        let ranges: [ClosedRange<UInt32>] = [0...0x1F, 0x7F...0x9F, 0x300...0x36F, 0x200B...0x206F, 0x3000...0x30FF,
                                              0x1F300...0x1F64F, 0xFE00...0xFE0F, 0xE0000...0xE007F, 0x20...0x7E]
        let screen = CellBufferScreen(rows: 6, columns: 20)
        for _ in 0..<Soak.iterations(2000, soak: 100_000) {
            var text = String.UnicodeScalarView()
            for _ in 0..<r.below(40) {
                let range = ranges[r.below(ranges.count)]
                if let s = Unicode.Scalar(range.lowerBound + UInt32(r.below(Int(range.upperBound - range.lowerBound) + 1))) { text.append(s) }
            }
            let clean = TextSanitizer.sanitize(String(text))
            #expect(!clean.unicodeScalars.contains { TextSanitizer.isHazard($0) })
            #expect(!TextSanitizer.printable(String(text)).unicodeScalars.contains { TextSanitizer.isHazard($0) })
            #expect(!TextSanitizer.clean(String(text)).unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
            screen.clear()
            let canvas = Canvas(screen: screen)
            canvas.text(String(text), row: r.below(8) - 1, column: r.below(24) - 2, style: .plain, maxWidth: r.below(22))
            #expect(TestScreen.hazards(on: screen).isEmpty)
        }
    }
}
