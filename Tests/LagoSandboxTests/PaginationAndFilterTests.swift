import Foundation
import Testing
@testable import LagoSandbox

@Suite("Pagination, defaults and filters")
struct PaginationAndFilterTests {
    @Test("meta follows Lago: current_page 0 when empty, page past the end, Kaminari coercions")
    func meta() async throws {
        try await withSandbox { client in
            let empty = try await client.get("/customers?search_term=no-such-customer-anywhere").json
            #expect(empty.list("customers").isEmpty)
            let emptyMeta = empty.object("meta")
            #expect(emptyMeta.int("current_page") == 0)
            #expect(emptyMeta.int("total_pages") == 0)
            #expect(emptyMeta.int("total_count") == 0)
            #expect(emptyMeta["next_page"] is NSNull && emptyMeta["prev_page"] is NSNull)

            let past = try await client.get("/customers?page=9&per_page=20").json
            #expect(past.list("customers").isEmpty)
            let pastMeta = past.object("meta")
            #expect(pastMeta.int("current_page") == 9)
            #expect(pastMeta.int("prev_page") == 8)
            #expect(pastMeta["next_page"] is NSNull)
            #expect(pastMeta.int("total_pages") == 2)

            let junk = try await client.get("/customers?per_page=abc&page=-3").json
            #expect(junk.list("customers").count == 25)
            #expect(junk.object("meta").int("current_page") == 1)
            let zero = try await client.get("/customers?per_page=0").json
            #expect(zero.list("customers").count == 1)
            let all = try await client.get("/customers").json
            #expect(all.list("customers").count == 40)
        }
    }

    @Test("customers are newest first and filter by currency, metadata and search term")
    func customers() async throws {
        try await withSandbox { client in
            let customers = try await client.get("/customers").json.list("customers")
            let created = customers.compactMap { $0.string("created_at") }
            #expect(created == created.sorted(by: >))
            let euros = try await client.get("/customers?currencies[]=EUR").json.list("customers")
            #expect(!euros.isEmpty && euros.allSatisfy { $0.string("currency") == "EUR" })
            let absent = try await client.get("/customers?metadata[segment]=").json.list("customers")
            #expect(absent.allSatisfy { ($0["metadata"] as? [[String: Any]] ?? []).allSatisfy { $0.string("key") != "segment" } })
            let evil = try await client.get("/customers?search_term=EVIL%20corp").json.list("customers")
            #expect(evil.count == 1)
            let unknownEntity = try await client.get("/customers?billing_entity_codes[]=nope")
            #expect(unknownEntity.status == 404)
            #expect(unknownEntity.json.string("code") == "billing_entity_not_found")
        }
    }

    @Test("subscriptions default to active; an invalid status drops the filter; a scalar status is ignored")
    func subscriptionStatuses() async throws {
        try await withSandbox { client in
            let stats = try await client.controlGet("stats")
            let all = try #require(stats.int("subscriptions"))
            let active = try await client.get("/subscriptions?per_page=1000").json
            #expect(active.list("subscriptions").allSatisfy { $0.string("status") == "active" })
            let scalar = try await client.get("/subscriptions?status=terminated&per_page=1000").json
            #expect(scalar.object("meta").int("total_count") == active.object("meta").int("total_count"))
            let invalid = try await client.get("/subscriptions?status[]=active&status[]=bogus&per_page=1000").json
            #expect(invalid.object("meta").int("total_count") == all)
            let statuses = Set(invalid.list("subscriptions").compactMap { $0.string("status") })
            #expect(statuses.isSuperset(of: ["active", "pending", "terminated", "canceled"]))
            let unknownCustomer = try await client.get("/subscriptions?external_customer_id=nope").json
            #expect(unknownCustomer.object("meta").int("current_page") == 0)
            let nested = try await client.get("/customers/nope/subscriptions")
            #expect(nested.status == 404)
        }
    }

    @Test("invoices: all five statuses by default, issuing_date DESC, filters and 422 on bad enums")
    func invoices() async throws {
        try await withSandbox { client in
            let invoices = try await client.get("/invoices?per_page=10000").json.list("invoices")
            let statuses = Set(invoices.compactMap { $0.string("status") })
            #expect(statuses == ["draft", "finalized", "voided", "failed", "pending"])
            let payment = Set(invoices.compactMap { $0.string("payment_status") })
            #expect(payment == ["pending", "succeeded", "failed"])
            let types = Set(invoices.compactMap { $0.string("invoice_type") })
            #expect(types.isSuperset(of: ["subscription", "credit"]))
            let dates = invoices.compactMap { $0.string("issuing_date") }
            #expect(dates == dates.sorted(by: >))
            #expect(invoices.allSatisfy { $0["fees"] == nil })

            let overdue = try await client.get("/invoices?payment_overdue=true&per_page=10000").json.list("invoices")
            #expect(!overdue.isEmpty)
            #expect(overdue.allSatisfy { $0["payment_overdue"] as? Bool == true && $0.string("status") == "finalized" && $0.string("payment_status") != "succeeded" })
            let disputed = try await client.get("/invoices?payment_dispute_lost=true&per_page=10000").json.list("invoices")
            #expect(disputed.allSatisfy { $0["payment_dispute_lost_at"] is String && $0["payment_overdue"] as? Bool == false })

            let bad = try await client.get("/invoices?status=open")
            #expect(bad.status == 422)
            #expect(bad.json.string("code") == "validation_errors")
            let badBool = try await client.get("/invoices?payment_overdue=perhaps")
            #expect(badBool.status == 422)
            let ignoredDate = try await client.get("/invoices?issuing_date_from=yesterday").json
            #expect(ignoredDate.object("meta").int("total_count") == invoices.count)
            let unknownCustomer = try await client.get("/invoices?external_customer_id=nope").json
            #expect(unknownCustomer.list("invoices").isEmpty)
            let amounts = try await client.get("/invoices?amount_from=1000&amount_to=5000&per_page=1000").json.list("invoices")
            #expect(amounts.allSatisfy { (1000...5000).contains($0.int("total_amount_cents") ?? -1) })
        }
    }

    @Test("wallets: optional customer filter but 404 for an unknown one; transaction filters ignore junk")
    func wallets() async throws {
        try await withSandbox { client in
            let wallets = try await client.get("/wallets").json.list("wallets")
            #expect(Set(wallets.compactMap { $0.string("status") }) == ["active", "terminated"])
            let unknown = try await client.get("/wallets?external_customer_id=nope")
            #expect(unknown.status == 404)
            #expect(unknown.json.string("code") == "customer_not_found")
            let id = try #require(wallets.first?.string("lago_id"))
            let all = try await client.get("/wallets/\(id)/wallet_transactions").json
            let junk = try await client.get("/wallets/\(id)/wallet_transactions?transaction_status=bogus").json
            #expect(all.object("meta").int("total_count") == junk.object("meta").int("total_count"))
        }
    }
}
