/// Decodes `{"<singular key>": T}` when the key is present, else the whole body as `T`.
struct WrappedOrBare<T: LagoRecord>: Decodable, Sendable {
    let value: T

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        let key = AnyCodingKey(T.resource.singularKey)
        if container.contains(key) {
            value = try container.decode(T.self, forKey: key)
        } else {
            value = try T(from: decoder)
        }
    }
}
