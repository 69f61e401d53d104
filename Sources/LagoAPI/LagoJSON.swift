import Foundation

/// JSON settings shared by every module that reads or writes Lago payloads.
///
/// Models map snake_case keys with explicit `CodingKeys`, so no key strategy is set here.
/// Dates accept what Lago sends: ISO 8601 with or without fractional seconds
/// (`2024-05-01T10:00:00Z`, `2024-05-01T10:00:00.123Z`, offsets like `+02:00`) and plain
/// dates (`2024-05-01`, read as midnight UTC).
public enum LagoJSON {
    /// A new decoder with Lago's date handling (a fresh one each time: decoders are mutable).
    public static var decoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = parseDate(text) else {
                throw DecodingError.dataCorruptedError(
                    in: container, debugDescription: "not an ISO 8601 date: \(text)")
            }
            return date
        }
        return decoder
    }

    /// A new encoder that writes dates as Lago does (`2024-05-01T10:00:00Z`) and sorts keys so
    /// the output is stable.
    public static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(formatDate(date))
        }
        return encoder
    }

    /// Parses an ISO 8601 timestamp with or without fractional seconds, or a plain date.
    public static func parseDate(_ text: String) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let date = try? Date(trimmed, strategy: Date.ISO8601FormatStyle()) { return date }
        if let date = try? Date(trimmed, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true)) {
            return date
        }
        if trimmed.count == 10,
           let date = try? Date(trimmed, strategy: Date.ISO8601FormatStyle().year().month().day()) {
            return date
        }
        return nil
    }

    /// Formats a date the way Lago writes timestamps (UTC, whole seconds, `Z`).
    public static func formatDate(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle())
    }
}
