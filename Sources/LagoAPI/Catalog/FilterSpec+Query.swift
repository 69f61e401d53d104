import Foundation

extension FilterSpec {
    /// The query items for `values`, by shape: `name=v`, `name[]=v` for each value, or nothing
    /// for a path filter (its value goes in the path).
    public func queryItems(_ values: [String]) -> [URLQueryItem] {
        switch shape {
        case .path: []
        case .array: values.map { URLQueryItem(name: wire + "[]", value: $0) }
        case .scalarOrArray where values.count > 1: values.map { URLQueryItem(name: wire + "[]", value: $0) }
        case .scalar, .scalarOrArray: values.map { URLQueryItem(name: wire, value: $0) }
        }
    }
}

extension ResourceEntry {
    /// The query of a list filtered by `filters` (name as typed → values), in the order given.
    /// A name the row does not know is sent as typed, one value as `name=v`, several as `name[]=v`.
    public func queryItems(_ filters: [(name: String, values: [String])]) -> [URLQueryItem] {
        filters.flatMap { filter in
            (self.filter(named: filter.name) ?? FilterSpec(filter.name, .scalarOrArray)).queryItems(filter.values)
        }
    }
}
