import Foundation

extension LagoError {
    /// Turns a `DecodingError` into ``decoding(path:snippet:)``: the JSON path that failed
    /// (`invoices[3].fees[0].amount_cents`) and a short snippet of the value found there.
    ///
    /// - Parameter body: the whole response body; its value at the failing path is quoted.
    public static func decoding(_ error: any Error, body: Data) -> LagoError {
        guard let decodingError = error as? DecodingError else {
            return .decoding(path: "", snippet: snippet(ofBody: body))
        }
        switch decodingError {
        case let .keyNotFound(key, context):
            let path = context.codingPath + [key]
            return .decoding(path: render(path), snippet: "no \"\(key.stringValue)\" field")
        case let .valueNotFound(_, context):
            return .decoding(path: render(context.codingPath), snippet: "null")
        case let .typeMismatch(_, context), let .dataCorrupted(context):
            if context.codingPath.isEmpty, !JSONSlicer.isWellFormed(body) {
                return .decoding(path: "", snippet: snippet(ofBody: body))
            }
            return .decoding(path: render(context.codingPath), snippet: snippet(at: context.codingPath, in: body))
        @unknown default:
            return .decoding(path: "", snippet: snippet(ofBody: body))
        }
    }

    /// `[invoices, 3, fees]` → `invoices[3].fees`.
    static func render(_ path: [any CodingKey]) -> String {
        var result = ""
        for key in path {
            if let index = key.intValue, key.stringValue == "Index \(index)" || key.stringValue == "\(index)" {
                result += "[\(index)]"
            } else {
                result += result.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return result
    }

    /// The value found at `path`, rendered compactly and cut to a short length.
    static func snippet(at path: [any CodingKey], in body: Data) -> String {
        guard var value = try? JSONValue.parse(body) else { return snippet(ofBody: body) }
        for key in path {
            if case let .array(items) = value, let index = key.intValue, items.indices.contains(index) {
                value = items[index]
            } else if let inner = value[key.stringValue] {
                value = inner
            } else {
                return "nothing"
            }
        }
        return shorten(render(value))
    }

    private static func render(_ value: JSONValue) -> String {
        switch value {
        case .null: return "null"
        case let .string(string): return "\"\(string)\""
        case let .array(items): return "an array of \(items.count)"
        case let .object(members): return "an object with " + members.map(\.key).sorted().prefix(4).joined(separator: ", ")
        case .bool, .number: return value.compactText
        }
    }

    /// The start of a body that is not JSON at all (an HTML error page, an empty body…).
    static func snippet(ofBody body: Data) -> String {
        if body.isEmpty { return "an empty body" }
        let text = String(decoding: body.prefix(120), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        return shorten(text)
    }

    static func shorten(_ text: String, limit: Int = 60) -> String {
        TextSanitizer.clean(text, clippedTo: limit)
    }
}

extension LagoError {
    /// The same error with every occurrence of `secret` removed from its text payloads.
    ///
    /// The client applies this to everything it throws, so a key echoed back by a proxy or
    /// embedded in a URL can never reach a message, a log or an export.
    public func redacting(_ secret: String) -> LagoError {
        guard secret.count >= 4 else { return self }
        func clean(_ text: String) -> String { text.replacingOccurrences(of: secret, with: "[redacted]") }
        switch self {
        case let .api(status, code, error, details):
            var cleaned: [String: [String]] = [:]
            for (key, values) in details { cleaned[clean(key)] = values.map(clean) }
            return .api(status: status, code: code.map(clean), error: clean(error), details: cleaned)
        case .forbidden(let code): return .forbidden(code: code.map(clean))
        case .notFound(let code): return .notFound(code.map(clean))
        case .network(let text): return .network(clean(text))
        case .connectionFailed(let text): return .connectionFailed(clean(text))
        case let .decoding(path, snippet): return .decoding(path: clean(path), snippet: clean(snippet))
        case .outcomeUnknown(let text): return .outcomeUnknown(clean(text))
        case .insecureURL(let text): return .insecureURL(clean(text))
        case .invalidConfiguration(let text): return .invalidConfiguration(clean(text))
        case .downloadFailed(let text): return .downloadFailed(clean(text))
        case .unauthorized, .rateLimited, .server, .timeout, .cancelled: return self
        }
    }
}
