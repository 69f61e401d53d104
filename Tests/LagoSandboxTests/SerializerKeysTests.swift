import Foundation
import Testing
import LagoSandbox

/// The sandbox's records against lago-api's V1 serializers (`../shared/lago/serializers.json`):
/// every served resource's list page and show records, key for key and in order, nested
/// objects included, with the includes each action passes.
@Suite("Serializer keys", .serialized)
struct SerializerKeysTests {
    /// serializers.json resources the sandbox does not serve yet. Whoever adds one adds its
    /// row to `served` below; `unservedStayUnserved` fails until they do.
    static let unserved: [(resource: String, path: String)] = [
        ("applied_coupon", "/applied_coupons"),
    ]

    @Test("every served resource's list and show records carry Lago's keys in Lago's order",
          .enabled(if: SerializerShapes.available, "../shared/lago/serializers.json is missing: serializer-keys check skipped"))
    func servedResources() async throws {
        let shapes = try SerializerShapes.load()
        try await withSandbox { client in
            // api_logs record mutations only: make one so the list has something to check.
            let active = try #require(try await client.get("/subscriptions?per_page=1").json.list("subscriptions").first)
            let customer = try #require(active.string("external_customer_id"))
            let subscription = try #require(active.string("external_id"))
            _ = try await client.send("POST", "/events", body: ["event": [
                "transaction_id": "serializer-keys-1", "external_subscription_id": subscription, "code": "api_calls",
                "properties": [:] as [String: String],
            ]])
            let wallet = try #require(try await client.get("/wallets?per_page=1").json.list("wallets").first?.string("lago_id"))
            var problems: [String] = []
            func check(_ resource: String, _ list: String, paginated: Bool = true, show: ((OrderedRecord) -> String?)? = nil) async throws {
                problems += try await shapes.drift(client, resource: resource, list: list, paginated: paginated, show: show)
            }
            let id = { (key: String, prefix: String) in { (record: OrderedRecord) in record[key]?.text.map { prefix + $0 } } }
            try await check("invoice", "/invoices?per_page=100", show: id("lago_id", "/invoices/"))
            try await check("invoice", "/customers/\(customer)/invoices")
            try await check("customer", "/customers", show: id("external_id", "/customers/"))
            try await check("subscription", "/subscriptions?per_page=100", show: id("external_id", "/subscriptions/"))
            try await check("subscription", "/subscriptions?status[]=terminated&status[]=canceled&status[]=pending")
            try await check("fee", "/fees?per_page=100", show: id("lago_id", "/fees/"))
            // A pay-in-advance event's own fee (not invoiced yet): event_transaction_id, no invoice.
            var eventFees: String? = nil
            for event in try await client.get("/events?per_page=100").json.list("events") {
                guard let transaction = event.string("transaction_id") else { continue }
                let path = "/fees?event_transaction_id=\(transaction)"
                if try await client.get(path).json.object("meta").int("total_count") ?? 0 > 0 { eventFees = path; break }
            }
            try await check("fee", try #require(eventFees, "no seeded event has a fee of its own"), show: id("lago_id", "/fees/"))
            try await check("wallet", "/wallets", show: id("lago_id", "/wallets/"))
            try await check("wallet_transaction", "/wallets/\(wallet)/wallet_transactions", show: id("lago_id", "/wallet_transactions/"))
            try await check("credit_note", "/credit_notes", show: id("lago_id", "/credit_notes/"))
            try await check("payment", "/payments", show: id("lago_id", "/payments/"))
            try await check("plan", "/plans", show: id("code", "/plans/"))
            try await check("billable_metric", "/billable_metrics", show: id("code", "/billable_metrics/"))
            try await check("coupon", "/coupons", show: id("code", "/coupons/"))
            try await check("add_on", "/add_ons", show: id("code", "/add_ons/"))
            try await check("tax", "/taxes", show: id("code", "/taxes/"))
            try await check("billing_entity", "/billing_entities", paginated: false, show: id("code", "/billing_entities/"))
            try await check("event", "/events", show: id("transaction_id", "/events/"))
            try await check("api_log", "/api_logs", show: id("request_id", "/api_logs/"))
            try await check("payment_request", "/payment_requests", show: id("lago_id", "/payment_requests/"))
            let asked = try #require(try await client.get("/payment_requests?per_page=1").json.list("payment_requests").first?
                .object("customer").string("external_id"), "the seed holds payment requests")
            try await check("payment_request", "/customers/\(asked)/payment_requests")
            try await check("analytics_gross_revenue", "/analytics/gross_revenue", paginated: false)
            try await check("analytics_mrr", "/analytics/mrr", paginated: false)
            try await check("analytics_overdue_balance", "/analytics/overdue_balance", paginated: false)
            try await check("analytics_invoice_collection", "/analytics/invoice_collection", paginated: false)
            try await check("analytics_invoiced_usage", "/analytics/invoiced_usage", paginated: false)
            problems += try await shapes.drift(client, resource: "customer_usage",
                                               show: "/customers/\(customer)/current_usage?external_subscription_id=\(subscription)")
            // Past usage needs an invoiced period: the first active subscription that has one.
            var pastUsage: String? = nil
            for item in try await client.get("/subscriptions?per_page=100").json.list("subscriptions") {
                guard let c = item.string("external_customer_id"), let s = item.string("external_id") else { continue }
                let path = "/customers/\(c)/past_usage?external_subscription_id=\(s)"
                if try await client.get(path).json.object("meta").int("total_count") ?? 0 > 0 { pastUsage = path; break }
            }
            problems += try await shapes.drift(client, resource: "customer_usage", related: "GET /customers/:customer_external_id/past_usage",
                                               path: try #require(pastUsage), sameSerializer: true)
            let usage = "/customers/\(customer)"
            problems += try await shapes.drift(client, resource: "customer_usage", related: "GET /customers/:customer_external_id/projected_usage",
                                               path: "\(usage)/projected_usage?external_subscription_id=\(subscription)")
            #expect(problems.isEmpty, "sandbox records differ from lago-api's serializers:\n\(problems.joined(separator: "\n"))")
        }
    }

    @Test("action responses carry the includes of their action: full invoice on finalize, base keys on download, none on top-up",
          .enabled(if: SerializerShapes.available, "../shared/lago/serializers.json is missing: serializer-keys check skipped"))
    func actionResponses() async throws {
        let shapes = try SerializerShapes.load()
        try await withSandbox { client in
            let drafts = try await client.get("/invoices?statuses[]=draft&per_page=100").json.list("invoices")
            let id = try #require(drafts.first { $0.string("invoice_type") == "subscription" }?.string("lago_id"))
            var problems: [String] = []
            let finalized = try await client.send("PUT", "/invoices/\(id)/finalize")
            try #require(finalized.status == 200)
            problems += shapes.drift(try #require(try OrderedRecord(json: finalized.body)["invoice"]), resource: "invoice", action: .show)
            // The first download starts the PDF (empty 200); the second finds it and renders base keys.
            _ = try await client.send("POST", "/invoices/\(id)/download")
            let download = try await client.send("POST", "/invoices/\(id)/download")
            try #require(download.status == 200 && !download.body.isEmpty)
            problems += shapes.drift(try #require(try OrderedRecord(json: download.body)["invoice"]), resource: "invoice", action: .bare)
            let wallet = try #require(try await client.get("/wallets?per_page=100").json.list("wallets")
                .first { $0.string("status") == "active" }?.string("lago_id"))
            let topUp = try await client.send("POST", "/wallet_transactions", body: ["wallet_transaction": [
                "wallet_id": wallet, "paid_credits": "10", "granted_credits": "5",
            ]])
            try #require(topUp.status == 200)
            let created = try OrderedRecord(json: topUp.body)
            #expect(created.keys == ["wallet_transactions"], "POST /wallet_transactions has no meta")
            let transactions = created["wallet_transactions"]?.elements ?? []
            #expect(transactions.count == 2)
            for transaction in transactions { problems += shapes.drift(transaction, resource: "wallet_transaction", action: .bare) }
            #expect(problems.isEmpty, "action responses differ from lago-api's serializers:\n\(problems.joined(separator: "\n"))")
        }
    }

    @Test("error bodies carry Lago's envelope keys in order (400, 401, 404, 405, 422)",
          .enabled(if: SerializerShapes.available, "../shared/lago/serializers.json is missing: serializer-keys check skipped"))
    func errorEnvelopes() async throws {
        let shapes = try SerializerShapes.load()
        try await withSandbox { client in
            let draft = try #require(try await client.get("/invoices?statuses[]=draft&per_page=1").json.list("invoices").first?.string("lago_id"))
            let replies: [(status: Int, reply: SandboxClient.Reply)] = [
                (400, try await client.send("POST", "/wallet_transactions", body: [String: String]())),
                (401, try await client.send("GET", "/customers", key: "not-the-key")),
                (404, try await client.get("/invoices/00000000-0000-4000-8000-000000000000")),
                (405, try await client.send("POST", "/invoices/\(draft)/void")),
                (422, try await client.get("/invoices?payment_overdue=perhaps")),
            ]
            for (status, reply) in replies {
                #expect(reply.status == status)
                let expected = try #require(shapes.errorKeys[String(status)], "serializers.json has no \(status) shape")
                #expect(try OrderedRecord(json: reply.body).keys == expected, "\(status) body: \(reply.text)")
            }
        }
    }

    @Test("every resource of serializers.json is either checked above or not served by the sandbox",
          .enabled(if: SerializerShapes.available, "../shared/lago/serializers.json is missing: serializer-keys check skipped"))
    func unservedStayUnserved() async throws {
        let shapes = try SerializerShapes.load()
        let checked = ["invoice", "customer", "subscription", "fee", "wallet", "wallet_transaction", "credit_note", "payment",
                       "customer_usage", "plan", "billable_metric", "coupon", "add_on", "tax", "event", "billing_entity", "api_log", "payment_request",
                       "analytics_gross_revenue", "analytics_mrr", "analytics_overdue_balance", "analytics_invoice_collection",
                       "analytics_invoiced_usage"]
        let described = Set(shapes.resourceNames)
        #expect(described == Set(checked + Self.unserved.map(\.resource)), "serializers.json resources changed: \(described.sorted())")
        try await withSandbox { client in
            for (resource, path) in Self.unserved {
                let status = try await client.get(path).status
                #expect(status == 404, "the sandbox now serves \(path): add \(resource) to servedResources")
            }
        }
    }

    @Test("the checker names missing, foreign and reordered keys, nested ones too",
          .enabled(if: SerializerShapes.available, "../shared/lago/serializers.json is missing: serializer-keys check skipped"))
    func checkerFindsDrift() throws {
        let shapes = try SerializerShapes.load()
        let taxKeys = shapes.resource("tax")?["keys"]?.elements?.compactMap(\.text) ?? []
        try #require(taxKeys.count > 2)
        func tax(_ keys: [String]) throws -> OrderedRecord {
            try OrderedRecord(json: Data(("{" + keys.map { "\"\($0)\":null" }.joined(separator: ",") + "}").utf8))
        }
        #expect(shapes.drift(try tax(taxKeys), resource: "tax", action: .show).isEmpty)
        let missing = shapes.drift(try tax(Array(taxKeys.dropLast())), resource: "tax", action: .show)
        #expect(missing.count == 1 && missing[0].contains("missing [\"\(taxKeys.last!)\"]"))
        let foreign = shapes.drift(try tax(taxKeys + ["balance"]), resource: "tax", action: .list)
        #expect(foreign.count == 1 && foreign[0].contains("not sent by Lago [\"balance\"]"))
        let swapped = shapes.drift(try tax([taxKeys[1], taxKeys[0]] + taxKeys.dropFirst(2)), resource: "tax", action: .list)
        #expect(swapped.count == 1 && swapped[0].contains("order"))

        // A fee whose item lacks `grouped_by`: caught in the nested object, not at the top.
        let fee = try #require(shapes.resource("fee"))
        let feeKeys = shapes.topKeys(fee, includes: shapes.includes(fee, .show)).rules.filter(\.required).map(\.name)
        let itemList = shapes.nestedKeyLists(fee).first { $0.path == ["item"] }
        let itemKeys = try #require(itemList).keys.rules.map(\.name)
        #expect(feeKeys.last == "applied_taxes")
        let item = "{" + itemKeys.dropLast().map { "\"\($0)\":null" }.joined(separator: ",") + "}"
        let record = "{" + feeKeys.map { "\"\($0)\":" + ($0 == "item" ? item : ($0 == "applied_taxes" ? "[]" : "null")) }.joined(separator: ",") + "}"
        let nested = shapes.drift(try OrderedRecord(json: Data(record.utf8)), resource: "fee", action: .show)
        #expect(nested == ["fee (show).item: missing [\"\(itemKeys.last!)\"]"])
        // The index action passes no includes for subscriptions: show-only `plan` is foreign in a list.
        let subscription = try #require(shapes.resource("subscription"))
        let listed = shapes.topKeys(subscription, includes: shapes.includes(subscription, .list)).rules.map(\.name)
        #expect(!listed.contains("plan") && listed.contains("activation_rules"))
    }
}
