import Foundation

/// Why a value is not in a filter's domain: what was expected, phrased to follow "is not"
/// ("a date (YYYY-MM-DD, e.g. 2025-01-31)").
public struct FilterRejection: Error, Sendable, Equatable {
    public let expected: String
}

extension FilterDomain {
    /// The value as Lago wants it (trimmed; currencies upper-cased, ids and enum values
    /// lower-cased), or why it is not one. Free text is only trimmed: whether it may reach the
    /// terminal or a request is the caller's sanitiser's question.
    public func check(_ raw: String) -> Result<String, FilterRejection> {
        let value = raw.trimmingCharacters(in: .whitespaces)
        switch self {
        case .text:
            return .success(value)
        case .date:
            return Self.isDate(value) ? .success(value) : .failure(FilterRejection(expected: "a date (YYYY-MM-DD, e.g. 2025-01-31)"))
        case .timestamp:
            if value.count == 10, Self.isDate(value) { return .success(value) }
            let fractional = ISO8601DateFormatter()
            fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
            guard ISO8601DateFormatter().date(from: value) != nil || fractional.date(from: value) != nil else {
                return .failure(FilterRejection(expected: "an ISO 8601 time (2025-01-31T10:00:00Z or 2025-01-31)"))
            }
            return .success(value)
        case .cents:
            guard let cents = Int64(value), cents >= 0 else {
                return .failure(FilterRejection(expected: "a whole number of cents (0 or more)"))
            }
            return .success(String(cents))
        case .uuid:
            guard UUID(uuidString: value) != nil else {
                return .failure(FilterRejection(expected: "a Lago id (a UUID such as 1a901a90-1a90-1a90-1a90-1a901a901a90)"))
            }
            return .success(value.lowercased())
        case .bool:
            let lowered = value.lowercased()
            return ["true", "false"].contains(lowered) ? .success(lowered) : .failure(FilterRejection(expected: "true or false"))
        case .currency:
            let code = value.uppercased()
            guard code.count == 3, code.unicodeScalars.allSatisfy({ ("A"..."Z").contains($0) }) else {
                return .failure(FilterRejection(expected: "a currency code (three letters such as EUR)"))
            }
            return .success(code)
        case .httpStatus:
            let lowered = value.lowercased()
            if lowered == "succeeded" || lowered == "failed" { return .success(lowered) }
            guard let status = Int(lowered), (100...599).contains(status) else {
                return .failure(FilterRejection(expected: "an HTTP status (100-599) or succeeded/failed"))
            }
            return .success(String(status))
        case let .oneOf(values):
            let lowered = value.lowercased()
            return values.contains(lowered) ? .success(lowered) : .failure(FilterRejection(expected: "one of " + values.joined(separator: ", ")))
        }
    }

    /// A calendar date `YYYY-MM-DD` that exists (no 2024-02-30), from 1900 on.
    static func isDate(_ value: String) -> Bool {
        let parts = value.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              year >= 1900, (1...12).contains(month)
        else { return false }
        return (1...daysIn(month: month, year: year)).contains(day)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
