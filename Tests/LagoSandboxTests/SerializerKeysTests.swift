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
        ("payment_request", "/payment_requests"),
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
            try await check("analytics_gross_revenue", "/analytics/gross_revenue", paginated: false)
            try await check("analytics_mrr", "/analytics/mrr", paginated: false)
            try await check("analytics_overdue_balance", "/analytics/overdue_balance", paginated: false)
            try await check("analytics_invoice_collection", "/analytics/invoice_collection", paginated: false)
            try await check("analytics_invoiced_usage", "/analytics/invoiced_usage", paginated: false)
            problems += try await shapes.drift(client, resource: "customer_usage",
                                               show: "/customers/\(customer)/current_usage?external_subscription_id=\(subscription)")
            #expect(problems.isEmpty, "sandbox records differ from lago-api's serializers:\n\(problems.joined(separator: "\n"))")
        }
    }

    @Test("every resource of serializers.json is either checked above or not served by the sandbox",
          .enabled(if: SerializerShapes.available, "../shared/lago/serializers.json is missing: serializer-keys check skipped"))
    func unservedStayUnserved() async throws {
        let shapes = try SerializerShapes.load()
        let checked = ["invoice", "customer", "subscription", "fee", "wallet", "wallet_transaction", "credit_note", "payment",
                       "customer_usage", "plan", "billable_metric", "coupon", "add_on", "tax", "event", "billing_entity", "api_log",
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
