import Foundation
import Testing
@testable import LagoAPI

/// Every 200 response of the endpoints lagotui calls, built from the examples in the pinned
/// OpenAPI description, decodes into our models, and no example field is silently dropped.
@Suite(.enabled(if: OpenAPISpec.isAvailable, "needs ../shared/lago/openapi.yaml"))
struct OpenAPIExampleTests {
    /// One endpoint: where its response lives in the spec and how lagotui decodes it.
    struct Endpoint: CustomTestStringConvertible, Sendable {
        let method: String
        let path: String
        /// The key the payload sits under; nil when the whole body is the object.
        let key: String?
        let decode: @Sendable (Data) throws -> any Encodable

        var testDescription: String { "\(method.uppercased()) \(path)" }

        static func object<T: Codable & Sendable>(_ method: String, _ path: String, _ key: String?, _ type: T.Type) -> Endpoint {
            Endpoint(method: method, path: path, key: key) { try LagoJSON.decoder.decode(T.self, from: $0) }
        }

        static func list<T: Codable & Sendable>(_ path: String, _ key: String, _ type: T.Type) -> Endpoint {
            Endpoint(method: "get", path: path, key: key) { try LagoJSON.decoder.decode([T].self, from: $0) }
        }

        static func get<T: Codable & Sendable>(_ path: String, _ key: String?, _ type: T.Type) -> Endpoint {
            object("get", path, key, type)
        }
    }

    static let endpoints: [Endpoint] = [
        .list("/customers", "customers", Customer.self),
        .list("/subscriptions", "subscriptions", Subscription.self),
        .list("/invoices", "invoices", Invoice.self),
        .list("/fees", "fees", Fee.self),
        .list("/wallets", "wallets", Wallet.self),
        .list("/wallets/{lago_id}/wallet_transactions", "wallet_transactions", WalletTransaction.self),
        .list("/payments", "payments", Payment.self),
        .list("/credit_notes", "credit_notes", CreditNote.self),
        .list("/billable_metrics", "billable_metrics", BillableMetric.self),
        .list("/plans", "plans", Plan.self),
        .list("/coupons", "coupons", Coupon.self),
        .list("/add_ons", "add_ons", AddOn.self),
        .list("/taxes", "taxes", Tax.self),
        .list("/events", "events", Event.self),
        .list("/billing_entities", "billing_entities", BillingEntity.self),
        .list("/api_logs", "api_logs", ApiLog.self),
        .get("/customers/{external_customer_id}", "customer", Customer.self),
        .get("/subscriptions/{external_id}", "subscription", Subscription.self),
        .get("/invoices/{lago_id}", "invoice", Invoice.self),
        .get("/fees/{lago_id}", "fee", Fee.self),
        .get("/wallets/{lago_id}", "wallet", Wallet.self),
        .get("/wallet_transactions/{lago_id}", "wallet_transaction", WalletTransaction.self),
        .get("/payments/{lago_id}", "payment", Payment.self),
        .get("/credit_notes/{lago_id}", "credit_note", CreditNote.self),
        .get("/billable_metrics/{code}", "billable_metric", BillableMetric.self),
        .get("/plans/{code}", "plan", Plan.self),
        .get("/coupons/{code}", "coupon", Coupon.self),
        .get("/add_ons/{code}", "add_on", AddOn.self),
        .get("/taxes/{code}", "tax", Tax.self),
        .get("/events/{transaction_id}", "event", Event.self),
        .get("/billing_entities/{code}", "billing_entity", BillingEntity.self),
        .get("/api_logs/{request_id}", "api_log", ApiLog.self),
        .get("/customers/{external_customer_id}/current_usage", "customer_usage", CustomerUsage.self),
        .get("/customers/{external_customer_id}/projected_usage", "customer_projected_usage", ProjectedUsage.self),
        .list("/customers/{external_customer_id}/past_usage", "usage_periods", PastUsage.self),
        .get("/subscriptions/{external_id}/lifetime_usage", "lifetime_usage", LifetimeUsage.self),
        .list("/analytics/overdue_balance", "overdue_balances", OverdueBalance.self),
        .list("/analytics/gross_revenue", "gross_revenues", GrossRevenue.self),
        .list("/analytics/mrr", "mrrs", Mrr.self),
        .list("/analytics/invoice_collection", "invoice_collections", InvoiceCollection.self),
        .object("put", "/invoices/{lago_id}/finalize", "invoice", Invoice.self),
        .object("put", "/invoices/{lago_id}/refresh", "invoice", Invoice.self),
        .object("post", "/invoices/{lago_id}/void", "invoice", Invoice.self),
        .object("post", "/invoices/{lago_id}/download", "invoice", Invoice.self),
        Endpoint(method: "post", path: "/wallet_transactions", key: "wallet_transactions") {
            try LagoJSON.decoder.decode([WalletTransaction].self, from: $0)
        },
    ]

    /// Example fields the models leave out on purpose (nested catalogues lagotui never shows).
    static let deliberatelyUnmodeled: Set<String> = []

    func payload(_ endpoint: Endpoint, nulls: OpenAPISpec.Nulls) throws -> (Any, Any) {
        let spec = try #require(OpenAPISpec.shared, "the spec did not parse")
        let schema = try #require(spec.responseSchema(endpoint.method, endpoint.path), "no 200 JSON schema for \(endpoint.testDescription)")
        let example = try #require(spec.example(for: schema, nulls: nulls) as? [String: Any])
        guard let key = endpoint.key, let wrapped = example[key] else {
            return (example, example)  // the spec documents a bare object (see WrappedOrBare)
        }
        return (example, wrapped)
    }

    @Test(arguments: endpoints)
    func exampleDecodesWithoutDroppingFields(_ endpoint: Endpoint) throws {
        let (whole, value) = try payload(endpoint, nulls: .useExamples)
        let data = try JSONSerialization.data(withJSONObject: value, options: [.fragmentsAllowed])
        let decoded = try endpoint.decode(data)
        if let meta = (whole as? [String: Any])?["meta"] {
            let metaData = try JSONSerialization.data(withJSONObject: meta)
            _ = try LagoJSON.decoder.decode(PageMeta.self, from: metaData)
        }
        let reencoded = try JSONSerialization.jsonObject(with: JSONEncoder().encode(AnyEncodable(decoded)), options: [.fragmentsAllowed])
        let dropped = Self.droppedKeys(example: value, decoded: reencoded, path: endpoint.key ?? "")
            .filter { !Self.deliberatelyUnmodeled.contains(Self.lastComponent($0)) }
        #expect(dropped.isEmpty, "fields in the example that the model does not read: \(dropped.sorted())")
    }

    @Test(arguments: endpoints)
    func exampleWithEveryNullableFieldNullDecodes(_ endpoint: Endpoint) throws {
        let (_, value) = try payload(endpoint, nulls: .setNullableToNull)
        let data = try JSONSerialization.data(withJSONObject: value, options: [.fragmentsAllowed])
        _ = try endpoint.decode(data)
    }

    @Test func everyEndpointHasAnExample() throws {
        let spec = try #require(OpenAPISpec.shared)
        var decoded = 0
        for endpoint in Self.endpoints {
            let schema = try #require(spec.responseSchema(endpoint.method, endpoint.path), "\(endpoint.testDescription)")
            if spec.example(for: schema) is [String: Any] { decoded += 1 }
        }
        print("OpenAPI examples checked: \(decoded) of \(Self.endpoints.count) endpoints")
        #expect(decoded == Self.endpoints.count)
    }

    /// Keys present in the example object but absent after decode + re-encode, as paths.
    static func droppedKeys(example: Any, decoded: Any?, path: String) -> [String] {
        switch example {
        case let object as [String: Any]:
            let other = decoded as? [String: Any]
            return object.flatMap { key, value -> [String] in
                let childPath = path.isEmpty ? key : path + "." + key
                if value is NSNull { return [] }
                guard let other, let counterpart = other[key] else { return [childPath] }
                return droppedKeys(example: value, decoded: counterpart, path: childPath)
            }
        case let array as [Any]:
            let other = decoded as? [Any] ?? []
            return array.enumerated().flatMap { index, value in
                droppedKeys(example: value, decoded: index < other.count ? other[index] : nil, path: path + "[\(index)]")
            }
        default:
            return []
        }
    }

    static func lastComponent(_ path: String) -> String {
        let last = path.split(separator: ".").last.map(String.init) ?? path
        return last.split(separator: "[").first.map(String.init) ?? last
    }
}

/// Type-erased Encodable so decoded models of any type can be re-encoded.
struct AnyEncodable: Encodable {
    let value: any Encodable
    init(_ value: any Encodable) { self.value = value }
    func encode(to encoder: any Encoder) throws { try value.encode(to: encoder) }
}
