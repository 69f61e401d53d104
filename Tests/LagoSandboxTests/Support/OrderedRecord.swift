import Foundation
import Yams

/// A JSON document read with its object keys in the order they were written.
///
/// Foundation's JSONSerialization forgets key order, and the serializer-keys check is about
/// order, so payloads are read through Yams (YAML is a superset of JSON and its node tree
/// keeps mappings ordered). Only the shape matters here: scalars keep their text and whether
/// they were `null`.
indirect enum OrderedRecord: Sendable, Equatable {
    case null
    case scalar(String)
    case array([OrderedRecord])
    case object([(key: String, value: OrderedRecord)])

    /// Parses UTF-8 JSON text; throws when it is not a JSON document.
    init(json bytes: Data) throws {
        guard let node = try Yams.compose(yaml: String(decoding: bytes, as: UTF8.self)) else {
            throw OrderedRecordError.empty
        }
        self = try OrderedRecord(node)
    }

    private init(_ node: Node) throws {
        switch node {
        case .scalar(let scalar):
            self = scalar.style == .plain && scalar.string == "null" ? .null : .scalar(scalar.string)
        case .sequence(let sequence):
            self = .array(try sequence.map(OrderedRecord.init))
        case .mapping(let mapping):
            self = .object(try mapping.map { pair in
                guard case .scalar(let key) = pair.key else { throw OrderedRecordError.nonStringKey }
                return (key.string, try OrderedRecord(pair.value))
            })
        case .alias:
            throw OrderedRecordError.alias
        }
    }

    /// The object's keys in order (empty for anything else).
    var keys: [String] {
        guard case .object(let fields) = self else { return [] }
        return fields.map(\.key)
    }

    /// The value under `key` when this is an object.
    subscript(key: String) -> OrderedRecord? {
        guard case .object(let fields) = self else { return nil }
        return fields.first { $0.key == key }?.value
    }

    /// The elements when this is an array.
    var elements: [OrderedRecord]? {
        guard case .array(let items) = self else { return nil }
        return items
    }

    /// The text of a scalar (strings without quotes, numbers and booleans as written).
    var text: String? {
        guard case .scalar(let text) = self else { return nil }
        return text
    }

    static func == (lhs: OrderedRecord, rhs: OrderedRecord) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): true
        case let (.scalar(a), .scalar(b)): a == b
        case let (.array(a), .array(b)): a == b
        case let (.object(a), .object(b)): a.map(\.key) == b.map(\.key) && a.map(\.value) == b.map(\.value)
        default: false
        }
    }
}

enum OrderedRecordError: Error {
    case empty, nonStringKey, alias
}
