import Foundation
import LagoAPI

/// Checks of filter values typed by the user: each failure is a usage error that names the
/// flag and shows the value inertly (no control characters reach the terminal).
enum FilterValidation {
    static let maximumLength = 255

    static func shown(_ value: String) -> String {
        "\"" + TextSanitizer.printable(value, clippedTo: 40) + "\""
    }

    /// A free-text value: not blank, at most 255 characters, no control characters.
    static func text(_ value: String?, flag: String) throws -> String? {
        guard let value else { return nil }
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { throw CommandFailure(.usage, "\(flag) must not be empty") }
        guard trimmed.count <= maximumLength else {
            throw CommandFailure(.usage, "\(flag) is too long (\(trimmed.count) characters; at most \(maximumLength))")
        }
        guard !trimmed.unicodeScalars.contains(where: TextSanitizer.isHazard) else {
            throw CommandFailure(.usage, "\(flag) \(shown(trimmed)) contains control or invisible formatting characters")
        }
        return trimmed
    }

    /// Values from a fixed list; each flag occurrence may hold several comma-separated values.
    static func choices(_ values: [String], allowed: [String], flag: String, stream: ExportStream) throws -> [String] {
        var out: [String] = []
        for raw in values {
            for part in raw.split(separator: ",", omittingEmptySubsequences: false) {
                let value = part.trimmingCharacters(in: .whitespaces).lowercased()
                guard allowed.contains(value) else {
                    throw CommandFailure(.usage, value.isEmpty
                        ? "\(flag) must not be empty (one of \(allowed.joined(separator: ", ")))"
                        : "\(flag) \(shown(value)) is not a \(stream.rawValue) value (one of \(allowed.joined(separator: ", ")))")
                }
                if !out.contains(value) { out.append(value) }
            }
        }
        return out
    }

    /// One value from a fixed list.
    static func choice(_ value: String?, allowed: [String], flag: String) throws -> String? {
        guard let value else { return nil }
        let normalised = value.trimmingCharacters(in: .whitespaces).lowercased()
        guard allowed.contains(normalised) else {
            throw CommandFailure(.usage, "\(flag) \(shown(value)) is not one of \(allowed.joined(separator: ", "))")
        }
        return normalised
    }

    /// A calendar date `YYYY-MM-DD` that exists (no 2024-02-30).
    static func date(_ value: String?, flag: String) throws -> String? {
        guard let value else { return nil }
        let parts = value.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day), year >= 1900
        else {
            throw CommandFailure(.usage, "\(flag) \(shown(value)) is not a date (YYYY-MM-DD, e.g. 2025-01-31)")
        }
        return value
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// An ISO 8601 timestamp (`2025-01-31T10:00:00Z`) or a date.
    static func timestamp(_ value: String?, flag: String) throws -> String? {
        guard let value else { return nil }
        if value.count == 10, (try? date(value, flag: flag)) != nil { return value }
        let plain = ISO8601DateFormatter()
        let fractional = ISO8601DateFormatter()
        fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        guard plain.date(from: value) != nil || fractional.date(from: value) != nil else {
            throw CommandFailure(.usage, "\(flag) \(shown(value)) is not an ISO 8601 time (2025-01-31T10:00:00Z or 2025-01-31)")
        }
        return value
    }

    /// `a` must not be after `b` (both YYYY-MM-DD).
    static func ordered(_ a: String?, _ b: String?, _ flagA: String, _ flagB: String) throws {
        if let a, let b, a > b { throw CommandFailure(.usage, "\(flagA) \(a) is after \(flagB) \(b)") }
    }

    /// A whole number of cents, zero or more.
    static func cents(_ value: String?, flag: String) throws -> Int64? {
        guard let value else { return nil }
        guard let cents = Int64(value.trimmingCharacters(in: .whitespaces)), cents >= 0 else {
            throw CommandFailure(.usage, "\(flag) \(shown(value)) is not a whole number of cents (0 or more)")
        }
        return cents
    }

    /// A count from 1 to 1000.
    static func count(_ value: String?, flag: String) throws -> String? {
        guard let value else { return nil }
        guard let n = Int(value.trimmingCharacters(in: .whitespaces)), (1...1000).contains(n) else {
            throw CommandFailure(.usage, "\(flag) \(shown(value)) is not a number from 1 to 1000")
        }
        return String(n)
    }

    /// A Lago id (UUID).
    static func uuid(_ value: String?, flag: String) throws -> String? {
        guard let value else { return nil }
        guard UUID(uuidString: value.trimmingCharacters(in: .whitespaces)) != nil else {
            throw CommandFailure(.usage, "\(flag) \(shown(value)) is not a Lago id (a UUID such as 1a901a90-1a90-1a90-1a90-1a901a901a90)")
        }
        return value.trimmingCharacters(in: .whitespaces).lowercased()
    }

    /// An ISO 4217 code: three letters, upper-cased.
    static func currency(_ value: String?) throws -> String? {
        guard let value else { return nil }
        let code = value.trimmingCharacters(in: .whitespaces).uppercased()
        guard code.count == 3, code.unicodeScalars.allSatisfy({ ("A"..."Z").contains($0) }) else {
            throw CommandFailure(.usage, "--currency \(shown(value)) is not a currency code (three letters such as EUR)")
        }
        return code
    }

    /// An HTTP status (100…599) or `succeeded` / `failed`.
    static func httpStatus(_ value: String) throws -> String {
        let v = value.trimmingCharacters(in: .whitespaces).lowercased()
        if v == "succeeded" || v == "failed" { return v }
        guard let n = Int(v), (100...599).contains(n) else {
            throw CommandFailure(.usage, "--http-status \(shown(value)) is not an HTTP status (100-599) or succeeded/failed")
        }
        return String(n)
    }
}
