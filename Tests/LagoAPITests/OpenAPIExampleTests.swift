import Foundation
import Testing
@testable import LagoAPI
import Yams

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
    func readyMadeResponseExamplesDecode(_ endpoint: Endpoint) throws {
        let spec = try #require(OpenAPISpec.shared)
        for example in spec.responseExamples(endpoint.method, endpoint.path) {
            let object = try #require(example as? [String: Any])
            let value = endpoint.key.flatMap { object[$0] } ?? object
            let data = try JSONSerialization.data(withJSONObject: value, options: [.fragmentsAllowed])
            let decoded = try endpoint.decode(data)
            let reencoded = try JSONSerialization.jsonObject(with: JSONEncoder().encode(AnyEncodable(decoded)), options: [.fragmentsAllowed])
            let dropped = Self.droppedKeys(example: value, decoded: reencoded, path: endpoint.key ?? "")
            #expect(dropped.isEmpty, "fields in the example that the model does not read: \(dropped.sorted())")
        }
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
        var readyMade = 0
        for endpoint in Self.endpoints {
            let schema = try #require(spec.responseSchema(endpoint.method, endpoint.path), "\(endpoint.testDescription)")
            if spec.example(for: schema) is [String: Any] { decoded += 1 }
            readyMade += spec.responseExamples(endpoint.method, endpoint.path).count
        }
        print("OpenAPI examples checked: \(decoded) of \(Self.endpoints.count) endpoints built from schema examples, plus \(readyMade) ready-made response example(s)")
        #expect(readyMade >= 1, "GET /taxes carries a ready-made example in spec 1.51.0")
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


/// The pinned Lago OpenAPI description, read at test time from ../shared/lago/openapi.yaml
/// (it is licensed separately and never copied into this repository). Override the location
/// with LAGO_OPENAPI_SPEC.
struct OpenAPISpec: @unchecked Sendable {
    /// The parsed document (plain dictionaries and arrays; read-only after loading).
    let document: [String: Any]

    static let url: URL = {
        if let override = ProcessInfo.processInfo.environment["LAGO_OPENAPI_SPEC"], !override.isEmpty {
            return URL(fileURLWithPath: override)
        }
        // Tests/LagoAPITests/<this file> → repository root → ../shared/lago/openapi.yaml
        return URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
            .appendingPathComponent("shared/lago/openapi.yaml")
    }()

    /// Whether the spec is there; says once why the tests are skipped when it is not.
    static let isAvailable: Bool = {
        let present = FileManager.default.fileExists(atPath: url.path)
        if !present {
            print("OpenAPI example tests skipped: \(url.path) is absent (it lives outside the repository; set LAGO_OPENAPI_SPEC to point at a copy)")
        }
        return present
    }()

    static let shared: OpenAPISpec? = {
        guard let text = try? String(contentsOf: url, encoding: .utf8),
              let document = try? Yams.load(yaml: text) as? [String: Any]
        else { return nil }
        return OpenAPISpec(document: document)
    }()

    /// The JSON schema of an operation's 200 response.
    func responseSchema(_ method: String, _ path: String) -> [String: Any]? {
        let paths = document["paths"] as? [String: Any]
        let operation = (paths?[path] as? [String: Any])?[method] as? [String: Any]
        let responses = operation?["responses"] as? [String: Any]
        let ok = resolve(responses?["200"] as? [String: Any] ?? [:])
        let content = (ok["content"] as? [String: Any])?["application/json"] as? [String: Any]
        return content?["schema"] as? [String: Any]
    }

    /// Ready-made examples given on an operation's 200 response itself (`example` or `examples`).
    func responseExamples(_ method: String, _ path: String) -> [Any] {
        let paths = document["paths"] as? [String: Any]
        let operation = (paths?[path] as? [String: Any])?[method] as? [String: Any]
        let responses = operation?["responses"] as? [String: Any]
        let ok = resolve(responses?["200"] as? [String: Any] ?? [:])
        let content = (ok["content"] as? [String: Any])?["application/json"] as? [String: Any] ?? [:]
        var examples: [Any] = []
        if let example = content["example"] { examples.append(Self.jsonCompatible(example)) }
        for case let named as [String: Any] in (content["examples"] as? [String: Any] ?? [:]).values {
            if let value = resolve(named)["value"] { examples.append(Self.jsonCompatible(value)) }
        }
        return examples
    }

    /// Follows a local `$ref` (`#/components/schemas/X`); sibling keys (an `example`) win.
    func resolve(_ schema: [String: Any]) -> [String: Any] {
        guard let ref = schema["$ref"] as? String, ref.hasPrefix("#/") else { return schema }
        var target: Any? = document
        for part in ref.dropFirst(2).split(separator: "/") {
            target = (target as? [String: Any])?[String(part)]
        }
        var resolved = resolve(target as? [String: Any] ?? [:])
        for (key, value) in schema where key != "$ref" { resolved[key] = value }
        return resolved
    }

    /// How to fill nullable properties when building an example.
    enum Nulls { case useExamples, setNullableToNull }

    /// A JSON value built from the schema's own examples: the schema-level `example` when there
    /// is one, else an object made of each property's example (recursively, `$ref`s resolved,
    /// `allOf` merged, the first `oneOf`/`anyOf` variant), arrays with one example item, and
    /// type-based placeholders only for properties that have no example at all.
    func example(for schema: [String: Any], nulls: Nulls = .useExamples, depth: Int = 0) -> Any? {
        guard depth < 16 else { return nil }
        let schema = resolve(schema)
        let types = Self.types(of: schema)
        if nulls == .setNullableToNull, types.contains("null") { return NSNull() }
        if let example = schema["example"], !(types.contains("object") && nulls == .setNullableToNull && schema["properties"] != nil) {
            return Self.jsonCompatible(example)
        }
        if let examples = schema["examples"] as? [Any], let first = examples.first { return Self.jsonCompatible(first) }
        if let parts = schema["allOf"] as? [[String: Any]] {
            var merged: [String: Any] = [:]
            for part in parts {
                if let object = example(for: part, nulls: nulls, depth: depth + 1) as? [String: Any] {
                    merged.merge(object) { _, new in new }
                }
            }
            if let own = objectExample(schema, nulls: nulls, depth: depth) { merged.merge(own) { _, new in new } }
            return merged
        }
        for key in ["oneOf", "anyOf"] {
            if let variants = schema[key] as? [[String: Any]] {
                for variant in variants where !Self.types(of: resolve(variant)).contains("null") {
                    if let value = example(for: variant, nulls: nulls, depth: depth + 1) { return value }
                }
                return nil
            }
        }
        if types.contains("object") || schema["properties"] != nil {
            return objectExample(schema, nulls: nulls, depth: depth) ?? [:]
        }
        if types.contains("array") {
            guard let items = schema["items"] as? [String: Any] else { return [] }
            return example(for: items, nulls: nulls, depth: depth + 1).map { [$0] } ?? []
        }
        if let values = schema["enum"] as? [Any], let first = values.first(where: { !($0 is NSNull) }) {
            return Self.jsonCompatible(first)
        }
        switch types.first(where: { $0 != "null" }) ?? "string" {
        case "integer": return 1
        case "number": return 1.5
        case "boolean": return true
        default:
            switch schema["format"] as? String {
            case "date-time": return "2024-01-01T00:00:00Z"
            case "date": return "2024-01-01"
            case "uuid": return "00000000-0000-4000-8000-000000000000"
            default: return "example"
            }
        }
    }

    private func objectExample(_ schema: [String: Any], nulls: Nulls, depth: Int) -> [String: Any]? {
        guard let properties = schema["properties"] as? [String: Any] else { return nil }
        var object: [String: Any] = [:]
        for (name, property) in properties {
            if let value = example(for: property as? [String: Any] ?? [:], nulls: nulls, depth: depth + 1) {
                object[name] = value
            }
        }
        return object
    }

    static func types(of schema: [String: Any]) -> [String] {
        if let type = schema["type"] as? String { return [type] }
        return schema["type"] as? [String] ?? []
    }

    /// YAML scalars the JSON serializer cannot take (dates) become strings.
    static func jsonCompatible(_ value: Any) -> Any {
        switch value {
        case let date as Date: return ISO8601DateFormatter().string(from: date)
        case let array as [Any]: return array.map(jsonCompatible)
        case let object as [String: Any]: return object.mapValues(jsonCompatible)
        default: return value
        }
    }
}
