import Foundation
import Yams

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
