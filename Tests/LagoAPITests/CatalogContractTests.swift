import Foundation
import Testing
@testable import LagoAPI

/// The resource catalogue against the pinned OpenAPI description: every request path exists,
/// every filter is a declared query parameter of its list in the spec's spelling and shape,
/// every enum domain equals the spec's enum, and unpaginated lists declare no paging.
/// Where the real server (BEHAVIOUR.md) differs from the spec the row follows the server; each
/// such difference is listed in `deviations` with its reason, and the list must stay exact:
/// a deviation that is no longer one fails too.
@Suite(.enabled(if: OpenAPISpec.isAvailable, "needs ../shared/lago/openapi.yaml"))
struct CatalogContractTests {
    /// What the spec says about one difference, keyed "resource wire-name: what differs".
    static let deviations: [String: String] = [
        "customers external_id: not declared":
            "exact match on external_id, undocumented in the OAS (BEHAVIOUR.md §3 GET /customers)",
        "subscriptions status[]: enum differs (catalogue adds incomplete)":
            "`incomplete` is a real status missing from the OAS enum (BEHAVIOUR.md §3, subscription.rb:56-62)",
        "subscriptions external_id: not declared": "exact match, undocumented (BEHAVIOUR.md §3 GET /subscriptions)",
        "subscriptions overridden: not declared":
            "only subscriptions on overridden plans; legacy spelling overriden (BEHAVIOUR.md §3 GET /subscriptions)",
        "invoices partially_paid: not declared": "accepted by invoices_query (BEHAVIOUR.md §3 GET /invoices, 'Also accepted')",
        "invoices purchase_order_number: not declared":
            "case-insensitive exact match (BEHAVIOUR.md §3 GET /invoices, 'Also accepted')",
        "fees fee_type: enum differs (catalogue adds fixed_charge, product)":
            "fee.rb knows fixed_charge and product fees; the server validates against them (BEHAVIOUR.md §3 GET /fees)",
        "credit_notes types: not declared":
            "credit|refund|offset, scalar or array (BEHAVIOUR.md §3 GET /credit_notes)",
        "api_logs request_paths[]: declared as a scalar":
            "the server reads request_paths[] with `*` wildcards (BEHAVIOUR.md §3 GET /api_logs)",
        "api_logs clients[]: not declared": "filters on the API client (BEHAVIOUR.md §3 GET /api_logs)",
    ]

    @Test func everyRequestPathExists() throws {
        let spec = try #require(OpenAPISpec.shared)
        var missing: [String] = []
        for resource in LagoResource.allCases {
            if spec.operation("get", listPath(resource, in: spec)) == nil { missing.append("GET list of \(resource.rawValue)") }
            let record = spec.paths.first { Self.matches($0, resource.path + "/{}") }
            if record.flatMap({ spec.operation("get", $0) }) == nil { missing.append("GET \(resource.path)/{\(resource.recordKeyField)}") }
        }
        for endpoint in CustomerUsageEndpoint.allCases {
            let path = endpoint.path(externalCustomerId: "x").replacingOccurrences(of: "/x/", with: "/{}/")
            if !spec.paths.contains(where: { Self.matches($0, path) }) { missing.append("GET \(path)") }
        }
        let actions = try [
            LagoAction.finalizeInvoice(lagoId: "x"), .refreshInvoice(lagoId: "x"), .retryInvoicePayment(lagoId: "x"),
            .voidInvoice(lagoId: "x"), .topUpWallet(walletId: "x", paidCredits: 1, grantedCredits: nil),
        ]
        for action in actions {
            let template = action.path.replacingOccurrences(of: "/x/", with: "/{}/")
            let path = spec.paths.first { Self.matches($0, template) }
            if path.flatMap({ spec.operation(action.method.rawValue.lowercased(), $0) }) == nil {
                missing.append("\(action.method.rawValue) \(action.path)")
            }
        }
        #expect(missing.isEmpty, "not in the spec: \(missing)")
    }

    @Test func filtersAreDeclaredParametersInTheSpecsSpellingShapeAndEnum() throws {
        let spec = try #require(OpenAPISpec.shared)
        var found: [String] = []
        for resource in LagoResource.allCases {
            let parameters = spec.queryParameters(of: listPath(resource, in: spec))
            for filter in resource.entry.filters where filter.shape != .path {
                let subject = "\(resource.rawValue) \(filter.wireName)"
                guard let declared = parameters[filter.wireName] else {
                    let other = filter.shape == .array ? filter.wire : filter.wire + "[]"
                    found.append(parameters[other] == nil ? "\(subject): not declared"
                                 : "\(subject): declared as \(filter.shape == .array ? "a scalar" : "an array")")
                    continue
                }
                let schema = spec.resolve(declared["schema"] as? [String: Any] ?? [:])
                let isArray = (schema["type"] as? String) == "array"
                if isArray != (filter.shape == .array) { found.append("\(subject): shape differs") }
                let specEnum = Set(((isArray ? schema["items"] as? [String: Any] : schema)?["enum"] as? [Any] ?? []).map { "\($0)" })
                guard case let .oneOf(values) = filter.domain else { continue }
                // A parameter without an enum is checked against the listed records' field.
                let expected = specEnum.isEmpty ? spec.itemPropertyEnum(resource, filter.wire, in: listPath(resource, in: spec)) : specEnum
                guard let expected else {
                    Issue.record("\(subject): the spec gives no enum to compare \(values) with")
                    continue
                }
                let ours = Set(values)
                if ours != expected {
                    let added = ours.subtracting(expected).sorted(), dropped = expected.subtracting(ours).sorted()
                    found.append("\(subject): enum differs"
                        + (added.isEmpty ? "" : " (catalogue adds \(added.joined(separator: ", ")))")
                        + (dropped.isEmpty ? "" : " (catalogue lacks \(dropped.joined(separator: ", ")))"))
                }
            }
            let paged = parameters["page"] != nil && parameters["per_page"] != nil
            if paged != resource.isPaginated { found.append("\(resource.rawValue): paginated in the spec: \(paged)") }
        }
        let unexplained = found.filter { Self.deviations[$0] == nil }
        let stale = Self.deviations.keys.filter { !found.contains($0) }.sorted()
        #expect(unexplained.isEmpty, "differences from the spec with no reason listed: \(unexplained)")
        #expect(stale.isEmpty, "listed deviations that are no longer there: \(stale)")
        for difference in found.sorted() where Self.deviations[difference] != nil {
            print("catalogue deviates from the spec: \(difference) — \(Self.deviations[difference]!)")
        }
    }

    /// The spec's template of a resource's list path (`/wallets/{lago_id}/wallet_transactions`).
    func listPath(_ resource: LagoResource, in spec: OpenAPISpec) -> String {
        guard let parent = resource.parent else { return resource.path }
        return spec.paths.first { Self.matches($0, parent.path + "/{}" + resource.path) } ?? resource.path
    }

    /// True when a spec path equals `template`, where `{}` stands for any one `{name}` segment.
    static func matches(_ specPath: String, _ template: String) -> Bool {
        let a = specPath.split(separator: "/", omittingEmptySubsequences: false)
        let b = template.split(separator: "/", omittingEmptySubsequences: false)
        return a.count == b.count && zip(a, b).allSatisfy { $0 == $1 || ($1 == "{}" && $0.hasPrefix("{") && $0.hasSuffix("}")) }
    }
}

extension OpenAPISpec {
    var paths: [String] { Array((document["paths"] as? [String: Any] ?? [:]).keys) }

    func operation(_ method: String, _ path: String) -> [String: Any]? {
        ((document["paths"] as? [String: Any])?[path] as? [String: Any])?[method] as? [String: Any]
    }

    /// The query parameters of `GET path`, by name, `$ref`s resolved.
    func queryParameters(of path: String) -> [String: [String: Any]] {
        var out: [String: [String: Any]] = [:]
        for case let parameter as [String: Any] in operation("get", path)?["parameters"] as? [Any] ?? [] {
            let resolved = resolve(parameter)
            if resolved["in"] as? String == "query", let name = resolved["name"] as? String { out[name] = resolved }
        }
        return out
    }

    /// The enum of field `field` of the records a list returns, when the spec gives one.
    func itemPropertyEnum(_ resource: LagoResource, _ field: String, in path: String) -> Set<String>? {
        guard let schema = responseSchema("get", path) else { return nil }
        let items = resolve(property(resource.collectionKey, of: schema) ?? [:])
        let item = resolve(items["items"] as? [String: Any] ?? [:])
        let fieldSchema = resolve(property(field, of: item) ?? [:])
        return (fieldSchema["enum"] as? [Any]).map { Set($0.map { "\($0)" }) }
    }

    /// The schema of property `name` of an object schema, looking through `allOf` parts.
    func property(_ name: String, of schema: [String: Any]) -> [String: Any]? {
        let object = resolve(schema)
        if let found = (object["properties"] as? [String: Any])?[name] as? [String: Any] { return found }
        for case let part as [String: Any] in object["allOf"] as? [Any] ?? [] {
            if let found = property(name, of: part) { return found }
        }
        return nil
    }
}
