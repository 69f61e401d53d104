/// Decoding from a typed client call (`LagoClient.getObject`). Object keys come back from
/// `JSONDecoder` in no particular order, so they are sorted to keep output deterministic.
extension OrderedJSON: Decodable {
    private struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    public init(from decoder: any Decoder) throws {
        if let container = try? decoder.container(keyedBy: AnyKey.self) {
            var members: [(key: String, value: OrderedJSON)] = []
            for key in container.allKeys.sorted(by: { $0.stringValue < $1.stringValue }) {
                members.append((key.stringValue, try container.decode(OrderedJSON.self, forKey: key)))
            }
            self = .object(members)
        } else if var container = try? decoder.unkeyedContainer() {
            var elements: [OrderedJSON] = []
            while !container.isAtEnd { elements.append(try container.decode(OrderedJSON.self)) }
            self = .array(elements)
        } else {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() {
                self = .null
            } else if let b = try? container.decode(Bool.self) {
                self = .bool(b)
            } else if let i = try? container.decode(Int64.self) {
                self = .number(String(i))
            } else if let d = try? container.decode(Double.self) {
                self = .number(String(d))
            } else {
                self = .string(try container.decode(String.self))
            }
        }
    }
}
