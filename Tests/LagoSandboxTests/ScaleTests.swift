import Foundation
import Testing
@testable import LagoSandbox

@Suite("Scale")
struct ScaleTests {
    @Test("100,000 customers start and serve invoice pages (figures in the README come from the release build)")
    func hundredThousandCustomers() async throws {
        try await withSandbox(SandboxOptions(customers: 100_000)) { client in
            let stats = try await client.controlGet("stats")
            #expect(stats.int("customers") == 100_000)
            #expect(try #require(stats.int("invoices")) > 300_000)
            let page = try await client.get("/invoices?per_page=100&page=1000").json
            #expect(page.list("invoices").count == 100)
            #expect(page.object("meta").int("current_page") == 1000)
            let last = try await client.get("/customers/cust_100000").json.object("customer")
            #expect(last.string("external_id") == "cust_100000")
            let overdue = try await client.get("/invoices?per_page=100&payment_overdue=true").json
            #expect(page.object("meta").int("total_count")! > overdue.object("meta").int("total_count")!)
        }
    }
}
