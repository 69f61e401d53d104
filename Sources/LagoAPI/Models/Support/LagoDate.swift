import Foundation

/// A calendar date without time or zone, as Lago sends `issuing_date`, `payment_due_date` and
/// other `YYYY-MM-DD` fields. Keeping it apart from `Date` avoids shifting a due date by a day
/// when it is shown in a local time zone.
public struct LagoDate: Codable, Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// A validated date; nil when the day does not exist (2023-02-30).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), CivilDate.isValid(year: year, month: month, day: day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD`. A full timestamp is accepted too and its date part is kept, since a
    /// few servers send timestamps where the spec says date.
    public init?(_ text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10 || (bytes.count > 10 && (bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: " "))),
              bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
              let year = CivilDate.number(bytes, 0, 4),
              let month = CivilDate.number(bytes, 5, 2),
              let day = CivilDate.number(bytes, 8, 2)
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// The UTC calendar date of an instant.
    public init(utcDateOf date: Date) {
        let days = Int((date.timeIntervalSince1970 / 86_400).rounded(.down))
        let civil = CivilDate.civil(days: days)
        self.year = civil.year
        self.month = civil.month
        self.day = civil.day
    }

    /// `YYYY-MM-DD`, the spelling Lago expects in query parameters.
    public var description: String {
        "\(CivilDate.pad(year, 4))-\(CivilDate.pad(month, 2))-\(CivilDate.pad(day, 2))"
    }

    /// Midnight UTC at the start of this date.
    public var startOfDayUTC: Date {
        Date(timeIntervalSince1970: TimeInterval(CivilDate.days(year: year, month: month, day: day)) * 86_400)
    }

    /// The date `count` days later (or earlier when negative).
    public func adding(days count: Int) -> LagoDate {
        let civil = CivilDate.civil(days: CivilDate.days(year: year, month: month, day: day) + count)
        return LagoDate(year: civil.year, month: civil.month, day: civil.day) ?? self
    }

    public static func < (lhs: LagoDate, rhs: LagoDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let date = LagoDate(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "expected a YYYY-MM-DD date, got \(text.prefix(40))")
        }
        self = date
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
