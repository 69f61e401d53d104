import Foundation
import LagoAPI

/// Checks of filter values typed by the user: each failure is a usage error that names the
/// flag and shows the value inertly (no control characters reach the terminal). What a value
/// may be is its catalogue filter's domain (`FilterDomain.check`).
enum FilterValidation {
    static let maximumLength = 255

    static func shown(_ value: String) -> String {
        "\"" + TextSanitizer.printable(value, clippedTo: 40) + "\""
    }

    /// The values of one filter, checked against its domain and shape, without repeats. A flag
    /// of a fixed list may hold several comma-separated values.
    static func values(_ raw: [String], spec: FilterSpec, flag: String, stream: ExportStream) throws -> [String] {
        let choices = spec.domain.knownValues
        let parts = choices.isEmpty
            ? raw : raw.flatMap { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        var out: [String] = []
        for part in parts {
            let value: String
            if spec.domain == .text {
                value = try text(part, flag: flag)!
            } else {
                switch spec.domain.check(part) {
                case let .success(checked): value = checked
                case let .failure(rejection):
                    let trimmed = part.trimmingCharacters(in: .whitespaces)
                    if trimmed.isEmpty, !choices.isEmpty {
                        throw CommandFailure(.usage, "\(flag) must not be empty (\(rejection.expected))")
                    }
                    if spec.shape != .scalar, !choices.isEmpty {
                        throw CommandFailure(.usage, "\(flag) \(shown(trimmed.lowercased())) is not a \(stream.rawValue) value (\(rejection.expected))")
                    }
                    throw CommandFailure(.usage, "\(flag) \(shown(part)) is not \(rejection.expected)")
                }
            }
            if !out.contains(value) { out.append(value) }
        }
        if out.count > 1, spec.shape == .scalar {
            throw CommandFailure(.usage, "\(flag) takes one value for \(stream.rawValue)")
        }
        return out
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

    /// One value of `domain`, or nil when none was given.
    static func checked(_ value: String?, _ domain: FilterDomain, flag: String) throws -> String? {
        guard let value else { return nil }
        switch domain.check(value) {
        case let .success(checked): return checked
        case let .failure(rejection): throw CommandFailure(.usage, "\(flag) \(shown(value)) is not \(rejection.expected)")
        }
    }

    /// A calendar date `YYYY-MM-DD` that exists (no 2024-02-30).
    static func date(_ value: String?, flag: String) throws -> String? { try checked(value, .date, flag: flag) }

    /// A whole number of cents, zero or more.
    static func cents(_ value: String?, flag: String) throws -> Int64? { try checked(value, .cents, flag: flag).flatMap { Int64($0) } }

    /// A count from 1 to 1000.
    static func count(_ value: String?, flag: String) throws -> String? {
        guard let value else { return nil }
        guard let n = Int(value.trimmingCharacters(in: .whitespaces)), (1...1000).contains(n) else {
            throw CommandFailure(.usage, "\(flag) \(shown(value)) is not a number from 1 to 1000")
        }
        return String(n)
    }
}
