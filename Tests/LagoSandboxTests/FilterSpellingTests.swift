import Foundation
import Testing
import LagoSandbox

/// List filters are honoured under the spelling and shape the real server reads and dropped
/// under any other (BEHAVIOUR.md §3: `permit(x: [])` drops a scalar, unknown params are
/// ignored), so a client sending a wrong spelling gets unfiltered rows and its test fails.
@Suite("Filter spellings")
struct FilterSpellingTests {
    /// `total_count` of a list request.
    static func count(_ client: SandboxClient, _ path: String) async throws -> Int {
        let reply = try await client.get(path)
        #expect(reply.status == 200, "GET \(path) answered \(reply.status)")
        return reply.json.object("meta").int("total_count") ?? -1
    }

    @Test("invoices read status/statuses[] and payment_status/payment_statuses[], scalar or array; other spellings are ignored")
    func invoices() async throws {
        try await withSandbox { client in
            let all = try await Self.count(client, "/invoices")
            let drafts = try await Self.count(client, "/invoices?statuses[]=draft")
            #expect(drafts > 0 && drafts < all)
            #expect(try await Self.count(client, "/invoices?status=draft") == drafts)
            #expect(try await Self.count(client, "/invoices?status[]=draft") == drafts)
            #expect(try await Self.count(client, "/invoices?statuses=draft") == drafts)
            #expect(try await Self.count(client, "/invoices?invoice_status=draft") == all)
            let failed = try await Self.count(client, "/invoices?payment_statuses[]=failed")
            #expect(failed > 0 && failed < all)
            #expect(try await Self.count(client, "/invoices?payment_status=failed") == failed)
            #expect(try await Self.count(client, "/invoices?payment_status[]=failed") == failed)
            #expect(try await Self.count(client, "/invoices?payment_statuses[]=failed&payment_statuses[]=succeeded")
                    > failed)
            #expect(try await Self.count(client, "/invoices?billing_entity_codes=acme_eu") == all)
            #expect(try await Self.count(client, "/invoices?billing_entity_codes[]=acme_eu") < all)
            #expect(try await Self.count(client, "/invoices?purchase_order_number=PO-1") == 0)
            let bad = try await client.get("/invoices?payment_statuses[]=paid")
            #expect(bad.status == 422)
        }
    }

    @Test("subscriptions take status[] only; customers take countries[]/currencies[]/account_type[] only")
    func arraysOnly() async throws {
        try await withSandbox { client in
            let active = try await Self.count(client, "/subscriptions")
            let terminated = try await Self.count(client, "/subscriptions?status[]=terminated")
            #expect(terminated > 0)
            #expect(try await Self.count(client, "/subscriptions?status=terminated") == active)
            #expect(try await Self.count(client, "/subscriptions?statuses[]=terminated") == active)

            let customers = try await Self.count(client, "/customers")
            let euros = try await Self.count(client, "/customers?currencies[]=EUR")
            #expect(euros > 0 && euros < customers)
            #expect(try await Self.count(client, "/customers?currencies=EUR") == customers)
            #expect(try await Self.count(client, "/customers?currency=EUR") == customers)
            let accounts = try await Self.count(client, "/customers?account_type[]=partner")
            #expect(accounts < customers)
            #expect(try await Self.count(client, "/customers?account_type=partner") == customers)
            #expect(try await Self.count(client, "/customers?billing_entity_codes=acme_eu") == customers)
        }
    }

    @Test("wallet transactions take scalar status/transaction_status/transaction_type; arrays are ignored")
    func scalarsOnly() async throws {
        try await withSandbox { client in
            let wallets = try await client.get("/wallets?per_page=100").json.list("wallets").compactMap { $0.string("lago_id") }
            var found = false
            for wallet in wallets {
                let all = try await Self.count(client, "/wallets/\(wallet)/wallet_transactions")
                let inbound = try await Self.count(client, "/wallets/\(wallet)/wallet_transactions?transaction_type=inbound")
                guard inbound < all else { continue }
                found = true
                #expect(try await Self.count(client, "/wallets/\(wallet)/wallet_transactions?transaction_type[]=inbound") == all)
                break
            }
            #expect(found, "no seeded wallet has both inbound and outbound transactions")

            let notes = try await Self.count(client, "/credit_notes")
            let available = try await Self.count(client, "/credit_notes?credit_status=available")
            #expect(available > 0 && available < notes)
            #expect(try await Self.count(client, "/credit_notes?credit_status[]=available") == available)
            #expect(try await Self.count(client, "/credit_notes?credit_statuses[]=available") == notes)
            #expect(try await Self.count(client, "/credit_notes?purchase_order_number=PO-1") == 0)
        }
    }
}
