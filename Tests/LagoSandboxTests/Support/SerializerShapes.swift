import Foundation

/// lago-api's V1 serializer shapes, read from `../shared/lago/serializers.json` at test time:
/// per resource the keys in order, which keys hang on includes or on the record, which
/// includes the index and show actions pass, and the keys of nested objects.
///
/// `drift` compares one sandbox record with that and names every difference (missing,
/// unexpected or reordered keys, at the top and in nested objects); `drift(client:…)` does
/// it for a list endpoint and its show endpoint. Call it for every resource the sandbox serves.
struct SerializerShapes: Sendable {
    static let file = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/lago/serializers.json")
    static var available: Bool { FileManager.default.fileExists(atPath: file.path) }

    /// Which includes apply: the index action's, the show action's, or none (an action such
    /// as an invoice download or a wallet top-up, whose `includes_by_action` entry is empty).
    enum Action: String, Sendable { case list, show, bare }

    let resources: OrderedRecord
    /// `meta` keys of a paginated list, in order.
    let paginationMeta: [String]

    static func load() throws -> SerializerShapes {
        let document = try OrderedRecord(json: try Data(contentsOf: file))
        guard let resources = document["resources"], case .object = resources else { throw OrderedRecordError.empty }
        var errorKeys: [String: [String]] = [:]
        if let errors = document["errors"] {
            for status in errors.keys {
                if let shape = errors[status]?["shape"] ?? errors[status]?["validation"] { errorKeys[status] = shape.keys }
            }
        }
        return SerializerShapes(resources: resources, paginationMeta: document["pagination_meta"]?.elements?.compactMap(\.text) ?? [],
                                errorKeys: errorKeys)
    }

    /// Error envelopes by status (`errors` in the file): the keys of each `shape` in order, and
    /// of the `validation` form for 422.
    let errorKeys: [String: [String]]

    /// The resource names serializers.json describes.
    var resourceNames: [String] { resources.keys }

    func resource(_ name: String) -> OrderedRecord? { resources[name] }

    /// The key a resource's list (`root_list`) or single record (`root_one`) is wrapped in.
    func root(_ name: String, _ action: Action) -> String? {
        resources[name]?[action == .list ? "root_list" : "root_one"]?.text
    }

    // MARK: Comparing a record

    /// Every difference between `record` and the serializer of `resource` for `action`, each
    /// a readable line; empty when the record matches key for key, in order, nested included.
    func drift(_ record: OrderedRecord, resource name: String, action: Action) -> [String] {
        guard let resource = resources[name] else { return ["serializers.json has no resource \(name)"] }
        let label = "\(name) (\(action.rawValue))"
        var problems = Self.compare(record, with: topKeys(resource, includes: includes(resource, action)), at: label)
        for (path, list) in nestedKeyLists(resource) {
            for (location, object) in Self.objects(in: record, along: path, at: label) {
                problems += Self.compare(object, with: list, at: location)
            }
        }
        return problems
    }

    /// What is expected of one object's keys: the rules in order, and whether extra keys
    /// (a serializer merging a settings hash, written `...` in the file) are allowed.
    struct KeyList: Sendable {
        var rules: [(name: String, required: Bool)] = []
        var open = false
    }

    /// The includes an action passes (`index_includes` / `show_includes`), nested ones flattened.
    func includes(_ resource: OrderedRecord, _ action: Action) -> Set<String> {
        guard action != .bare else { return [] }
        let entries = resource[action == .list ? "index_includes" : "show_includes"]?.elements ?? []
        return Set(entries.flatMap { entry -> [String] in entry.text.map { [$0] } ?? entry.keys })
    }

    /// Base keys, then the conditional ones whose include is passed (or that hang on the
    /// record), in `key_order_after_base` order when given, else in `conditional` order.
    func topKeys(_ resource: OrderedRecord, includes: Set<String>) -> KeyList {
        var list = Self.keyList(resource["keys"]?.elements?.compactMap(\.text) ?? [])
        let conditions: [(condition: String, keys: [String])] = (resource["conditional"].map { conditional in
            conditional.keys.map { ($0, conditional[$0]?.elements?.compactMap(\.text) ?? []) }
        } ?? [])
        func rule(for key: String, under condition: String) -> (name: String, required: Bool)? {
            guard !key.contains(".") else { return nil } // an include passed down to a nested object
            if condition.hasPrefix("__always") { return (key, true) }
            if condition.hasPrefix("__") { return (key, false) }
            let include = String(condition.prefix { $0 != " " })
            guard includes.contains(include) else { return nil }
            return (key, !Self.isRecordCondition(String(condition.dropFirst(include.count))))
        }
        if let order = resource["key_order_after_base"]?.elements?.compactMap(\.text) {
            for entry in order {
                let key = String(entry.prefix { $0 != "?" && $0 != " " })
                guard let condition = conditions.first(where: { $0.keys.contains(key) })?.condition else {
                    list.rules.append((key, !entry.hasSuffix("?")))
                    continue
                }
                if let rule = rule(for: key, under: condition) { list.rules.append(rule) }
            }
        } else {
            for (condition, keys) in conditions {
                for key in keys { if let rule = rule(for: key, under: condition) { list.rules.append(rule) } }
            }
        }
        return list
    }

    /// The `nested` entries that list keys, by path (`fees[]`, `credits[].item`, `customer`).
    /// A nested object named after a resource (`fees[]` → `fee`) is that resource's serializer,
    /// so the keys that resource sends only for some records are optional there too.
    func nestedKeyLists(_ resource: OrderedRecord) -> [(path: [String], keys: KeyList)] {
        guard let nested = resource["nested"] else { return [] }
        return nested.keys.compactMap { entry in
            guard let names = nested[entry]?.elements?.compactMap(\.text) else { return nil }
            let path = entry.prefix { $0 != " " }.split(separator: ".").map(String.init)
            var list = Self.keyList(names)
            let optional = recordConditionalKeys(ofResourceNamed: path.last.map { $0.replacingOccurrences(of: "[]", with: "") } ?? "")
            for index in list.rules.indices where optional.contains(list.rules[index].name) { list.rules[index].required = false }
            return (path, list)
        }
    }

    /// Keys a resource sends only when the record says so (`conditional` entries named `__…`
    /// other than `__always`).
    func recordConditionalKeys(ofResourceNamed key: String) -> Set<String> {
        let name = resources[key] == nil && key.hasSuffix("s") ? String(key.dropLast()) : key
        guard let conditional = resources[name]?["conditional"] else { return [] }
        return Set(conditional.keys.filter { $0.hasPrefix("__") && !$0.hasPrefix("__always") }
            .flatMap { conditional[$0]?.elements?.compactMap(\.text) ?? [] })
    }

    /// Reads a list of key entries such as `to_date (only fee_type charge/…)` or
    /// `...provider settings keys merged`.
    static func keyList(_ entries: [String]) -> KeyList {
        var list = KeyList()
        for entry in entries {
            if entry.hasPrefix("...") { list.open = true; continue }
            let name = String(entry.prefix { $0 != " " && $0 != "?" })
            let note = String(entry.dropFirst(name.count))
            list.rules.append((name, !(note.hasPrefix("?") || isRecordCondition(note))))
        }
        return list
    }

    /// Whether a key's note makes it depend on the record (`only if …`, `when …`, `if present`).
    static func isRecordCondition(_ note: String) -> Bool {
        let words = Set(note.lowercased().split { !$0.isLetter }.map(String.init))
        return !words.isDisjoint(with: ["only", "if", "when", "present"])
    }

    /// The objects reached from `record` by a nested path; `x[]` walks every element of array
    /// `x`. Absent and null values end the walk (their presence is the parent's check).
    static func objects(in record: OrderedRecord, along path: [String], at label: String) -> [(String, OrderedRecord)] {
        var reached: [(String, OrderedRecord)] = [(label, record)]
        for segment in path {
            let isArray = segment.hasSuffix("[]")
            let key = isArray ? String(segment.dropLast(2)) : segment
            reached = reached.flatMap { location, value -> [(String, OrderedRecord)] in
                guard let child = value[key], child != .null else { return [] }
                guard isArray else { return [("\(location).\(key)", child)] }
                return (child.elements ?? []).enumerated().map { ("\(location).\(key)[\($0.offset)]", $0.element) }
            }
        }
        return reached.filter { if case .object = $0.1 { true } else { false } }
    }

    /// Compares one object's keys with a key list.
    static func compare(_ object: OrderedRecord, with list: KeyList, at location: String) -> [String] {
        guard case .object = object else { return ["\(location): expected an object"] }
        let actual = object.keys
        var known: [String] = []
        for rule in list.rules where !known.contains(rule.name) { known.append(rule.name) }
        var problems: [String] = []
        let missing = list.rules.filter { $0.required && !actual.contains($0.name) }.map(\.name)
        if !missing.isEmpty { problems.append("\(location): missing \(missing)") }
        let unexpected = actual.filter { !known.contains($0) }
        if !unexpected.isEmpty && !list.open { problems.append("\(location): not sent by Lago \(unexpected)") }
        let present = actual.filter { known.contains($0) }
        let expectedOrder = known.filter { present.contains($0) }
        if present != expectedOrder { problems.append("\(location): order \(present), Lago's is \(expectedOrder)") }
        return problems
    }

    // MARK: Checking a running sandbox

    /// Fetches `listPath` and checks its envelope (`root_list`, plus `meta` when `paginated`)
    /// and every record on the page; then, for up to `showLimit` of those records, fetches
    /// `show(record)` and checks that envelope (`root_one`) and record. Returns every problem.
    func drift(_ client: SandboxClient, resource name: String, list listPath: String, paginated: Bool = true,
               show: ((OrderedRecord) -> String?)? = nil, showLimit: Int = 5) async throws -> [String] {
        guard let listRoot = root(name, .list) else { return ["serializers.json has no root_list for \(name)"] }
        let reply = try await client.get(listPath)
        guard reply.status == 200 else { return ["GET \(listPath): status \(reply.status)"] }
        let page = try OrderedRecord(json: reply.body)
        var problems: [String] = []
        let envelope = paginated ? [listRoot, "meta"] : [listRoot]
        if page.keys != envelope { problems.append("GET \(listPath): envelope \(page.keys), Lago's is \(envelope)") }
        if paginated, let meta = page["meta"], meta.keys != paginationMeta {
            problems.append("GET \(listPath): meta \(meta.keys), Lago's is \(paginationMeta)")
        }
        let records = page[listRoot]?.elements ?? []
        if records.isEmpty { problems.append("GET \(listPath): no \(listRoot) to check") }
        for record in records { problems += drift(record, resource: name, action: .list) }
        guard let show else { return problems }
        for record in records.prefix(showLimit) {
            guard let path = show(record) else { problems.append("\(name): no show path for a listed record"); continue }
            problems += try await drift(client, resource: name, show: path)
        }
        return problems
    }

    /// Checks an endpoint a resource lists under `related` (past usage, projected usage, wallet
    /// transaction consumptions…): its root, `meta` when the entry says so, and the keys of its
    /// records (`item_keys`, a list) or of its record (`keys`). `sameSerializer` also applies the
    /// resource's nested key lists, for endpoints rendering the resource's own serializer.
    func drift(_ client: SandboxClient, resource name: String, related endpoint: String, path: String,
               sameSerializer: Bool = false) async throws -> [String] {
        guard let resource = resources[name], let entry = resource["related"]?[endpoint], let root = entry["root"]?.text else {
            return ["serializers.json has no related \(endpoint) under \(name)"]
        }
        let reply = try await client.get(path)
        guard reply.status == 200 else { return ["GET \(path): status \(reply.status)"] }
        let body = try OrderedRecord(json: reply.body)
        let paginated = entry["meta"]?.text == "true"
        let envelope = paginated ? [root, "meta"] : [root]
        var problems = body.keys == envelope ? [] : ["GET \(path): envelope \(body.keys), Lago's is \(envelope)"]
        let isList = entry["item_keys"] != nil
        let keys = Self.keyList((entry[isList ? "item_keys" : "keys"]?.elements ?? []).compactMap(\.text))
        let records = isList ? body[root]?.elements ?? [] : body[root].map { [$0] } ?? []
        if records.isEmpty { problems.append("GET \(path): no \(root) to check") }
        let label = "\(name) \(endpoint)"
        for record in records {
            problems += Self.compare(record, with: keys, at: label)
            guard sameSerializer else { continue }
            for (nestedPath, list) in nestedKeyLists(resource) {
                for (location, object) in Self.objects(in: record, along: nestedPath, at: label) {
                    problems += Self.compare(object, with: list, at: location)
                }
            }
        }
        return problems
    }

    /// Fetches one record at `path` and checks its envelope (`root_one`) and keys.
    func drift(_ client: SandboxClient, resource name: String, show path: String) async throws -> [String] {
        guard let oneRoot = root(name, .show) else { return ["serializers.json has no root_one for \(name)"] }
        let reply = try await client.get(path)
        guard reply.status == 200 else { return ["GET \(path): status \(reply.status)"] }
        let body = try OrderedRecord(json: reply.body)
        var problems: [String] = []
        if body.keys != [oneRoot] { problems.append("GET \(path): envelope \(body.keys), Lago's is [\(oneRoot)]") }
        if let value = body[oneRoot] { problems += drift(value, resource: name, action: .show) }
        return problems
    }
}
