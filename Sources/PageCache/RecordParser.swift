import Foundation
import LagoAPI

/// One raw JSON item made ready for storage: its identity and the text the search index holds.
struct ParsedRecord: Sendable {
    let id: String
    let json: Data
    let searchText: String?
    /// Another key the record is looked up by (e.g. a customer's external id), if any.
    var alias: String? = nil
    /// True when `json` is the whole record (its own endpoint or an action's answer), false
    /// for a list page's copy, which Lago sends without nested details such as fees.
    var complete = false
}

/// Reads the few fields the cache needs from raw item JSON, without any model knowledge:
/// a stable identity, and the fields people search by.
enum RecordParser {
    /// Identity fields in order of preference. `lago_id` is what nearly every Lago record has;
    /// events are identified by `transaction_id`, API logs by `request_id`.
    static let identityFields = ["lago_id", "transaction_id", "request_id"]

    /// Parses one item; `searchFields` are its resource's (`CachedResource.searchFields`).
    /// `fallbackID` names it when it has no identity field (it is then stored per page
    /// position, so the page still reads back whole). One scan of the item's top-level
    /// members reads both its identity and its search text.
    static func parse(_ json: Data, searchFields fields: [String], fallbackID: @autoclosure () -> String) -> ParsedRecord {
        let strings = JSONSlicer.strings(named: Set(identityFields + fields), in: json)
        return ParsedRecord(id: identity(in: strings) ?? fallbackID(), json: json, searchText: searchText(fields: fields, strings: strings))
    }

    /// The identity of a single record, if it has one.
    static func identity(of json: Data) -> String? {
        identity(in: JSONSlicer.strings(named: Set(identityFields), in: json))
    }

    /// The searchable text of a record (the values of `fields`, one per line), or nil if it has none.
    static func searchText(of json: Data, fields: [String]) -> String? {
        guard !fields.isEmpty else { return nil }
        return searchText(fields: fields, strings: JSONSlicer.strings(named: Set(fields), in: json))
    }

    private static func identity(in strings: [String: String]) -> String? {
        identityFields.lazy.compactMap { strings[$0] }.first { !$0.isEmpty }
    }

    private static func searchText(fields: [String], strings: [String: String]) -> String? {
        guard !fields.isEmpty else { return nil }
        let values = fields.compactMap { strings[$0] }.filter { !$0.isEmpty }
        return values.isEmpty ? nil : values.joined(separator: "\n")
    }
}
