/// A request as the sandbox's handlers see it: path segments below `/api/v1`, Rails-style
/// query parameters, lower-cased headers and the raw body.
struct SandboxRequest: Sendable {
    var method: String
    var path: String
    var segments: [String]
    var query: QueryParameters
    var headers: [String: String]
    var body: [UInt8]
    /// Route parameters captured by the router (`lago_id`, `external_id`, …).
    var parameters: [String: String] = [:]

    func parameter(_ name: String) -> String { parameters[name] ?? "" }
}

/// Query parameters with Rails' conventions: `status[]=a&status[]=b` is an array, a bare
/// `status=a` is a scalar (and is not an array), `metadata[key]=value` is a hash.
struct QueryParameters: Sendable {
    var items: [(name: String, value: String)]

    init(raw: String) {
        items = raw.split(separator: "&").compactMap { pair in
            guard !pair.isEmpty else { return nil }
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = Self.decode(String(parts[0]))
            let value = parts.count > 1 ? Self.decode(String(parts[1])) : ""
            return (name, value)
        }
    }

    /// Percent-decoding with `+` as space, as Rack does for query strings.
    static func decode(_ text: String) -> String {
        var bytes: [UInt8] = []
        var iterator = Array(text.utf8).makeIterator()
        while let byte = iterator.next() {
            if byte == UInt8(ascii: "+") {
                bytes.append(UInt8(ascii: " "))
            } else if byte == UInt8(ascii: "%"), let h = iterator.next(), let l = iterator.next(),
                      let value = UInt8(String(decoding: [h, l], as: UTF8.self), radix: 16) {
                bytes.append(value)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The last value of a scalar parameter.
    func scalar(_ name: String) -> String? { items.last(where: { $0.name == name })?.value }

    /// The values of an array parameter `name[]`, or nil when absent.
    func array(_ name: String) -> [String]? {
        let values = items.filter { $0.name == name + "[]" }.map(\.value)
        return values.isEmpty ? nil : values
    }

    /// Scalar-or-array parameters (Lago accepts both for `status`, `payment_status`, …).
    func scalarOrArray(_ names: String...) -> [String]? {
        var result: [String] = []
        var found = false
        for name in names {
            if let values = array(name) { result += values; found = true }
            if let value = scalar(name) { result.append(value); found = true }
        }
        return found ? result : nil
    }

    /// `metadata[key]=value` pairs.
    var metadata: [(key: String, value: String)] {
        items.compactMap { item in
            guard item.name.hasPrefix("metadata["), item.name.hasSuffix("]") else { return nil }
            return (String(item.name.dropFirst(9).dropLast()), item.value)
        }
    }

    /// Rails boolean coercion: nil when absent, `.invalid` when not a boolean word.
    func boolean(_ name: String) -> BooleanParameter {
        guard let value = scalar(name) else { return .absent }
        switch value.lowercased() {
        case "true", "1", "t": return .value(true)
        case "false", "0", "f": return .value(false)
        default: return .invalid
        }
    }

    enum BooleanParameter: Equatable { case absent, invalid, value(Bool) }
}

/// What a handler answers; faults may still replace or damage it on the way out.
struct SandboxResponse: Sendable {
    var status: Int
    var headers: [(String, String)] = []
    var body: [UInt8]
    var contentType: String = "application/json; charset=utf-8"

    static func json(_ value: JSON, status: Int = 200) -> SandboxResponse {
        SandboxResponse(status: status, body: value.bytes)
    }

    /// `head :ok`-style empty 200.
    static func empty(status: Int = 200) -> SandboxResponse {
        SandboxResponse(status: status, body: [], contentType: "text/plain")
    }
}

/// Lago's error envelopes (`api_errors.rb`): `{status, error, code?, error_details?}`.
struct ApiError: Error, Sendable {
    var status: Int
    var error: String
    var code: String?
    var details: JSON?

    static let unauthorized = ApiError(status: 401, error: "Unauthorized")
    static func notFound(_ code: String) -> ApiError { ApiError(status: 404, error: "Not Found", code: code) }
    static func notAllowed(_ code: String) -> ApiError { ApiError(status: 405, error: "Method Not Allowed", code: code) }
    static func forbidden(_ code: String) -> ApiError { ApiError(status: 403, error: "Forbidden", code: code) }
    static func badRequest(root: String) -> ApiError {
        ApiError(status: 400, error: "BadRequest: param is missing or the value is empty or invalid: \(root)")
    }
    static let malformedBody = ApiError(status: 400, error: "Bad Request")
    static let internalError = ApiError(status: 500, error: "Internal Server Error")

    /// 422 `validation_errors` with `{field: [codes…]}` details.
    static func validation(_ details: [(String, [String])]) -> ApiError {
        ApiError(status: 422, error: "Unprocessable Entity", code: "validation_errors",
                 details: .object(details.map { JSON.Field(key: $0.0, value: .array($0.1.map { .string($0) })) }))
    }

    /// 422 with an arbitrary details object (query-filter contracts send human messages).
    static func validation(json: JSON) -> ApiError {
        ApiError(status: 422, error: "Unprocessable Entity", code: "validation_errors", details: json)
    }

    var response: SandboxResponse {
        var fields: [JSON.Field] = [.init(key: "status", value: .int(status)), .init(key: "error", value: .string(error))]
        if let code { fields.append(.init(key: "code", value: .string(code))) }
        if let details { fields.append(.init(key: "error_details", value: details)) }
        return .json(.object(fields), status: status)
    }
}
