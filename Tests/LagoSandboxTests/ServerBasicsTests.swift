import Foundation
import Testing
@testable import LagoSandbox

@Suite("Sandbox server basics")
struct ServerBasicsTests {
    @Test("lists customers with Lago's meta and answers 401 and 404 like Lago")
    func listsAndErrors() async throws {
        try await withSandbox { client in
            let page = try await client.get("/customers?per_page=5")
            #expect(page.status == 200)
            #expect(page.json.list("customers").count == 5)
            let meta = page.json.object("meta")
            #expect(meta.int("current_page") == 1)
            #expect(meta.int("total_count") == 40)
            #expect(meta.int("total_pages") == 8)
            #expect(meta.int("next_page") == 2)
            #expect(meta["prev_page"] is NSNull)

            let unauthorized = try await client.send("GET", "/customers", key: "wrong")
            #expect(unauthorized.status == 401)
            #expect(unauthorized.json.string("error") == "Unauthorized")

            let unknown = try await client.send("GET", "/no_such_thing", key: "wrong")
            #expect(unknown.status == 404)
            #expect(unknown.json.string("code") == "resource_not_found")
        }
    }

    @Test("gets a customer, an invoice with fees and an active subscription")
    func gets() async throws {
        try await withSandbox { client in
            let customer = try await client.get("/customers/cust_000001")
            #expect(customer.status == 200)
            #expect(customer.json.object("customer").string("name")?.contains("Evil Corp") == true)

            let invoices = try await client.get("/invoices?per_page=3").json.list("invoices")
            let id = try #require(invoices.first?.string("lago_id"))
            let invoice = try await client.get("/invoices/\(id)").json.object("invoice")
            #expect(invoice.string("lago_id") == id)
            #expect(!(invoice["fees"] as? [Any] ?? []).isEmpty)

            let subs = try await client.get("/subscriptions").json.list("subscriptions")
            #expect(!subs.isEmpty)
            #expect(subs.allSatisfy { $0.string("status") == "active" })
            let sub = try await client.get("/subscriptions/\(subs[0].string("external_id")!)")
            #expect(sub.json.object("subscription").object("plan").string("code") == subs[0].string("plan_code"))

            let missing = try await client.get("/invoices/00000000-0000-4000-8000-000000000000")
            #expect(missing.status == 404)
            #expect(missing.json.string("code") == "invoice_not_found")
        }
    }
}
