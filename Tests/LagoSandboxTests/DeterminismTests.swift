import Foundation
import Testing
@testable import LagoSandbox

@Suite("Determinism from the seed")
struct DeterminismTests {
    static let moment = Date(timeIntervalSince1970: 1_790_000_000)
    static let paths = ["/customers", "/invoices?per_page=500", "/subscriptions?status[]=bogus", "/wallets", "/events?per_page=500",
                        "/payments", "/credit_notes", "/plans", "/analytics/overdue_balance"]

    static func snapshot(seed: UInt64) async throws -> [String] {
        try await withSandbox(SandboxOptions(seed: seed, customers: 30, referenceDate: moment)) { client in
            var bodies: [String] = []
            for path in paths {
                // Absolute URLs carry the port, which differs between runs.
                bodies.append(try await client.get(path).text.replacingOccurrences(of: client.base.absoluteString.replacingOccurrences(of: "/api/v1", with: ""), with: "ROOT"))
            }
            return bodies
        }
    }

    @Test("the same seed and reference date give byte-identical responses; another seed differs")
    func sameSeedSameData() async throws {
        let first = try await Self.snapshot(seed: 7)
        let second = try await Self.snapshot(seed: 7)
        for (path, (a, b)) in zip(Self.paths, zip(first, second)) {
            #expect(a == b, "\(path) differs between two runs with seed 7")
        }
        let other = try await Self.snapshot(seed: 8)
        #expect(other[0] != first[0])
    }

    @Test("the generator is seeded, not random: SplitMix64 gives the reference sequence")
    func splitMix() {
        var rng = SplitMix64(seed: 0)
        #expect(rng.next() == 0xE220_A839_7B1D_CDAF)
        #expect(rng.next() == 0x6E78_9E6A_A1B9_65F4)
    }

    @Test("lago_ids round-trip through the invertible id scheme and reject foreign ids")
    func ids() {
        let ids = SandboxID(seed: 42)
        let id = ids.make(.invoice, 123_456)
        #expect(ids.index(of: id, kind: .invoice) == 123_456)
        #expect(ids.index(of: id, kind: .customer) == nil)
        #expect(ids.index(of: id.uppercased(), kind: .invoice) == 123_456)
        #expect(SandboxID(seed: 43).index(of: id, kind: .invoice) == nil)
        #expect(ids.index(of: "1a901a90-1a90-1a90-1a90-1a901a901a90", kind: .invoice) == nil)
    }

    @Test("data is realistic: hostile, accented, CJK, RTL and long names; four currencies; every status")
    func realism() async throws {
        try await withSandbox { client in
            let customers = try await client.get("/customers").json.list("customers")
            let names = customers.compactMap { $0.string("name") }
            #expect(names.contains { $0.contains("\u{1B}[31m") && $0.contains("\u{07}") })
            #expect(names.contains { $0.contains("\u{202E}") })
            #expect(names.contains { $0.count > 120 })
            #expect(names.contains { $0.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) } })
            #expect(names.contains { $0.unicodeScalars.contains { (0x0600...0x06FF).contains($0.value) } })
            #expect(names.contains { $0.unicodeScalars.contains { $0.properties.isEmojiPresentation } })
            #expect(Set(customers.compactMap { $0.string("currency") }) == ["USD", "EUR", "GBP", "JPY"])
            let subs = try await client.get("/subscriptions?status[]=x&per_page=1000").json.list("subscriptions")
            #expect(Set(subs.compactMap { $0.string("status") }) == ["active", "pending", "terminated", "canceled"])
            let plans = try await client.get("/plans").json.list("plans")
            #expect(Set(plans.compactMap { $0.string("interval") }) == ["weekly", "monthly", "yearly"])
            let models = Set(plans.flatMap { ($0["charges"] as? [[String: Any]] ?? []).compactMap { $0.string("charge_model") } })
            #expect(models == ["standard", "graduated", "package", "percentage"])
            let metrics = try await client.get("/billable_metrics").json.list("billable_metrics")
            #expect(Set(metrics.compactMap { $0.string("aggregation_type") }).isSuperset(of: ["count_agg", "sum_agg", "max_agg", "unique_count_agg"]))
            #expect(metrics.contains { !($0["filters"] as? [Any] ?? []).isEmpty })
            let transactions = try await client.get("/wallets").json.list("wallets")
            #expect(!transactions.isEmpty)
            let notes = try await client.get("/credit_notes").json.list("credit_notes")
            #expect(!notes.isEmpty)
        }
    }
}
