import Foundation

/// A client-side refusal of a filter value, before any request is sent.
public struct LagoQueryError: Error, Sendable, Equatable, CustomStringConvertible, LocalizedError {
    /// The query parameter at fault, spelled as Lago spells it (`statuses[]`, `invoice_id`).
    public let parameter: String
    /// One line for humans: what was wrong and what is accepted.
    public let message: String

    public init(parameter: String, message: String) {
        self.parameter = parameter
        self.message = message
    }

    public var description: String { message }
    public var errorDescription: String? { message }

    /// "`parameter` accepts a, b, c; got x" for an enum filter value outside the accepted set.
    static func notOneOf<E: LagoEnum>(_ parameter: String, _ value: E, accepted: [E]) -> LagoQueryError {
        LagoQueryError(
            parameter: parameter,
            message: "\(parameter) accepts \(accepted.map(\.rawValue).joined(separator: ", ")); got \"\(TextSanitizer.printable(value.rawValue, clippedTo: 60))\"")
    }
}

/// Checks shared by the query types.
enum QueryCheck {
    /// Every value must be one of `accepted` (by default the enum's known values).
    static func oneOf<E: LagoEnum>(_ parameter: String, _ values: [E], accepted: [E] = E.allKnown) throws(LagoQueryError) {
        for value in values where !accepted.contains(value) {
            throw .notOneOf(parameter, value, accepted: accepted)
        }
    }

    static func oneOf<E: LagoEnum>(_ parameter: String, _ value: E?, accepted: [E] = E.allKnown) throws(LagoQueryError) {
        if let value { try oneOf(parameter, [value], accepted: accepted) }
    }

    /// A UUID in its canonical 8-4-4-4-12 hex form.
    static func uuid(_ parameter: String, _ value: String?) throws(LagoQueryError) {
        guard let value else { return }
        guard UUID(uuidString: value) != nil else {
            throw LagoQueryError(parameter: parameter, message: "\(parameter) must be a Lago id (a UUID); got \"\(TextSanitizer.printable(value, clippedTo: 60))\"")
        }
    }

    /// An amount range in cents, lower bound not above the upper one.
    static func range(_ from: String, _ lower: Int64?, _ to: String, _ upper: Int64?) throws(LagoQueryError) {
        if let lower, let upper, lower > upper {
            throw LagoQueryError(parameter: from, message: "\(from) (\(lower)) is greater than \(to) (\(upper))")
        }
    }

    /// Metadata keys must be non-empty (the key becomes part of the parameter name).
    static func metadata(_ metadata: [String: String]) throws(LagoQueryError) {
        if metadata.keys.contains(where: \.isEmpty) {
            throw LagoQueryError(parameter: "metadata", message: "metadata filters need a key: metadata[key]=value")
        }
    }
}
