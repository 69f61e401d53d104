import Foundation
import LagoAPI
import Testing
@testable import LagotuiCommands

/// The five analytics series as export streams, through the binary against the sandbox: each
/// record is Lago's row byte for byte (floats and decimal strings as sent), the filters are
/// C7's (currency upper-cased, a customer only for gross revenue and overdue balance), and a
/// free Lago's 403 is the exit-code table's.
@Suite(.serialized) struct ExportAnalyticsTests {
    func runner() throws -> BinaryRunner { BinaryRunner(workDirectory: try TemporaryDirectory()) }

    func api(_ sandbox: SandboxFixture) -> [String: String] {
        ["LAGO_API_URL": sandbox.baseURL.absoluteString, "LAGO_API_KEY": "lago-sandbox-key"]
    }

    /// The series' rows as the sandbox answers them, each compact.
    static func served(_ sandbox: SandboxFixture, _ path: String, root: String, _ query: [URLQueryItem] = []) async throws -> [String] {
        let body = try await sandbox.client().send(.get, path, query: query).body
        return try JSONValue.parse(body).array(root).map(\.compactText)
    }

    @Test func everySeriesExportsLagosRowsAsSentWithItsFilters() async throws {
        let run = try runner()
        defer { run.workDirectory.remove() }
        try await withSandbox(customers: 20) { sandbox in
            let series: [(String, String, String)] = [
                ("mrr", "/analytics/mrr", "mrrs"), ("gross_revenue", "/analytics/gross_revenue", "gross_revenues"),
                ("invoiced_usage", "/analytics/invoiced_usage", "invoiced_usages"),
                ("invoice_collection", "/analytics/invoice_collection", "invoice_collections"),
                ("overdue_balance", "/analytics/overdue_balance", "overdue_balances"),
            ]
            for (name, path, root) in series {
                let all = try await run.run(["export", "analytics_\(name)"], environment: api(sandbox))
                #expect(all.status == 0, "\(name): \(all.stderr)")
                let expected = try await Self.served(sandbox, path, root: root)
                #expect(!expected.isEmpty, "\(name): the sandbox has rows")
                #expect(all.stdout.split(separator: "\n").map(String.init) == expected, "\(name): the rows as Lago sent them, in its order")

                let usd = try await run.run(["export", "analytics_\(name)", "--currency", "usd"], environment: api(sandbox))
                let expectedUSD = try await Self.served(sandbox, path, root: root, [URLQueryItem(name: "currency", value: "USD")])
                #expect(usd.stdout.split(separator: "\n").map(String.init) == expectedUSD, "\(name): --currency is sent upper-cased")
                // Months without data keep a null currency in the series that list every month.
                #expect(expectedUSD.filter { !$0.contains("\"currency\":null") }.allSatisfy { $0.contains("\"currency\":\"USD\"") })
            }
            let customer = try await Self.served(sandbox, "/customers", root: "customers").first.map { try JSONValue.parse(Data($0.utf8)) }?.string("external_id")
            let id = try #require(customer)
            let mine = try await run.run(["export", "analytics_gross_revenue", "--customer", id, "--format", "csv"], environment: api(sandbox))
            #expect(mine.status == 0, "\(mine.stderr)")
            let expectedMine = try await Self.served(sandbox, "/analytics/gross_revenue", root: "gross_revenues", [URLQueryItem(name: "external_customer_id", value: id)])
            #expect(max(0, mine.stdout.split(whereSeparator: \.isNewline).count - 1) == expectedMine.count, "one CSV row per month of that customer: \(mine.stdout) \(mine.stderr)")

            let refused = try await run.run(["export", "analytics_mrr", "--customer", id], environment: api(sandbox))
            #expect(refused.status == 2 && refused.stderr.contains("--customer is not a filter of analytics_mrr"), "\(refused.stderr)")
        }
        try await withSandbox(customers: 20, premium: false) { sandbox in
            let free = try await run.run(["export", "analytics_mrr"], environment: api(sandbox))
            #expect(free.status == 3 && free.stdout.isEmpty, "\(free.stderr)")
            let gross = try await run.run(["export", "analytics_gross_revenue"], environment: api(sandbox))
            #expect(gross.status == 0, "gross revenue is not gated: \(gross.stderr)")
        }
    }
}
