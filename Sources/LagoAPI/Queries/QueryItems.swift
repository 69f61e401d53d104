import Foundation

/// Accumulates query items in call order, skipping absent values, with Lago's spellings for
/// booleans (`true`/`false`), dates (`YYYY-MM-DD`), timestamps (ISO 8601 UTC) and arrays
/// (Rails brackets: `status[]=a&status[]=b`; a repeated bare key would collapse to one value).
struct QueryItems {
    private(set) var items: [URLQueryItem] = []

    mutating func add(_ name: String, _ value: String?) {
        guard let value, !value.isEmpty else { return }
        items.append(URLQueryItem(name: name, value: value))
    }

    mutating func add(_ name: String, _ value: Bool?) {
        guard let value else { return }
        items.append(URLQueryItem(name: name, value: value ? "true" : "false"))
    }

    mutating func add(_ name: String, _ value: Int?) {
        guard let value else { return }
        items.append(URLQueryItem(name: name, value: String(value)))
    }

    mutating func add(_ name: String, _ value: Int64?) {
        guard let value else { return }
        items.append(URLQueryItem(name: name, value: String(value)))
    }

    mutating func add(_ name: String, _ value: LagoDate?) {
        add(name, value?.description)
    }

    mutating func add(_ name: String, _ value: Date?) {
        add(name, value.map { LagoTimestamp.format($0) })
    }

    mutating func add<E: LagoEnum>(_ name: String, _ value: E?) {
        add(name, value?.rawValue)
    }

    /// `name[]=a&name[]=b` for array parameters (`name` is given without brackets).
    mutating func addArray(_ name: String, _ values: [String]) {
        for value in values where !value.isEmpty {
            items.append(URLQueryItem(name: name + "[]", value: value))
        }
    }

    mutating func addArray<E: LagoEnum>(_ name: String, _ values: [E]) {
        addArray(name, values.map(\.rawValue))
    }

    /// For parameters the server takes as a scalar or an array: one value is sent as `name=a`,
    /// several as `name[]=a&name[]=b`.
    mutating func addScalarOrArray(_ name: String, _ values: [String]) {
        if values.count == 1 {
            add(name, values[0])
        } else {
            addArray(name, values)
        }
    }

    mutating func addScalarOrArray<E: LagoEnum>(_ name: String, _ values: [E]) {
        addScalarOrArray(name, values.map(\.rawValue))
    }

    /// `name[key]=value` pairs sorted by key (an empty value is kept: Lago reads it as "key absent").
    mutating func addHash(_ name: String, _ pairs: [String: String]) {
        for key in pairs.keys.sorted() {
            items.append(URLQueryItem(name: "\(name)[\(key)]", value: pairs[key]))
        }
    }
}
