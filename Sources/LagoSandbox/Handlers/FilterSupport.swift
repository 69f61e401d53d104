/// Shared validation helpers for list filters, mirroring Lago's query contracts.
enum FilterSupport {
    /// `billing_entity_codes[]`: every code must exist, otherwise 404 `billing_entity_not_found`.
    static func billingEntities(_ query: QueryParameters, store: SandboxStore) throws -> Set<Int>? {
        guard let codes = query.array("billing_entity_codes") else { return nil }
        var result = Set<Int>()
        for code in codes {
            guard let index = store.billingEntities.firstIndex(where: { $0.code == code }) else {
                throw ApiError.notFound("billing_entity_not_found")
            }
            result.insert(index)
        }
        return result
    }

    /// A dry-validation style enum check: 422 with `{name: ["must be one of: …"]}` or, for
    /// arrays, `{name: {"0": ["must be one of: …"]}}`.
    static func validate(_ values: [String], allowed: [String], name: String, isArray: Bool) throws {
        let message = "must be one of: " + allowed.joined(separator: ", ")
        var bad: [JSON.Field] = []
        for (i, value) in values.enumerated() where !allowed.contains(value) {
            bad.append(.init(key: String(i), value: .array([.string(message)])))
        }
        guard !bad.isEmpty else { return }
        if isArray {
            throw ApiError.validation(json: .obj([name: .object(bad)]))
        }
        throw ApiError.validation(json: .obj([name: .array([.string(message)])]))
    }

    /// A boolean filter: nil when absent, 422 (`must be one of: true, false`) when junk.
    static func boolean(_ query: QueryParameters, _ name: String) throws -> Bool? {
        switch query.boolean(name) {
        case .absent: return nil
        case .value(let b): return b
        case .invalid: throw ApiError.validation(json: .obj([name: .array([.string("must be one of: true, false")])]))
        }
    }

    /// `metadata[key]=value` matching, where an empty value means "key must be absent".
    static func metadataMatches(_ filters: [(key: String, value: String)], pairs: [(key: String, value: String)]) -> Bool {
        for filter in filters {
            let found = pairs.first { $0.key == filter.key }
            if filter.value.isEmpty {
                if found != nil { return false }
            } else if found?.value != filter.value {
                return false
            }
        }
        return true
    }

    /// Case-insensitive substring match (ILIKE `%term%`).
    static func ilike(_ haystack: String?, _ needle: String) -> Bool {
        guard let haystack else { return false }
        return haystack.lowercased().contains(needle)
    }

    static func isUUID(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        return parts.map(\.count) == [8, 4, 4, 4, 12] && text.allSatisfy { $0 == "-" || $0.isHexDigit }
    }

    /// FNV-1a over UTF-8: a hash that is the same in every process (unlike `hashValue`).
    static func stableHash(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
        return hash
    }
}
