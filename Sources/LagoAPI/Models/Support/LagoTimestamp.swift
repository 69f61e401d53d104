import Foundation

/// Lago's ISO 8601 timestamps: most carry whole seconds (`2024-01-01T10:00:00Z`), a few carry
/// milliseconds (`.123Z`), and some may carry an offset (`+02:00`). Parsing is lenient about
/// those forms and exact (no formatter or locale involved).
public enum LagoTimestamp {
    /// Parses `YYYY-MM-DDTHH:MM:SS[.fraction][Z|±HH:MM|±HHMM]`; a bare `YYYY-MM-DD` is midnight UTC.
    public static func parse(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        if bytes.count == 10 { return LagoDate(text)?.startOfDayUTC }
        guard bytes.count >= 19,
              let date = LagoDate(String(decoding: bytes[0..<10], as: UTF8.self)),
              bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: " "),
              bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
              let hour = CivilDate.number(bytes, 11, 2), hour < 24,
              let minute = CivilDate.number(bytes, 14, 2), minute < 60,
              let second = CivilDate.number(bytes, 17, 2), second < 61
        else { return nil }
        var index = 19
        var fraction = 0.0
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") || bytes[index] == UInt8(ascii: ",") {
            index += 1
            var scale = 0.1
            let start = index
            while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 {
                fraction += Double(bytes[index] - 48) * scale
                scale /= 10
                index += 1
            }
            guard index > start else { return nil }
        }
        var offsetSeconds = 0
        if index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "Z"), UInt8(ascii: "z"):
                index += 1
            case UInt8(ascii: "+"), UInt8(ascii: "-"):
                let sign = bytes[index] == UInt8(ascii: "-") ? -1 : 1
                guard let offsetHours = CivilDate.number(bytes, index + 1, 2) else { return nil }
                var cursor = index + 3
                if cursor < bytes.count, bytes[cursor] == UInt8(ascii: ":") { cursor += 1 }
                guard let offsetMinutes = CivilDate.number(bytes, cursor, 2) else { return nil }
                offsetSeconds = sign * (offsetHours * 3600 + offsetMinutes * 60)
                index = cursor + 2
            default:
                return nil
            }
        }
        guard index == bytes.count else { return nil }
        let days = CivilDate.days(year: date.year, month: date.month, day: date.day)
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offsetSeconds
        return Date(timeIntervalSince1970: TimeInterval(seconds) + fraction)
    }

    /// `YYYY-MM-DDTHH:MM:SSZ` in UTC, whole seconds: the form Lago's query filters accept.
    /// With `fractionalSeconds`, milliseconds are added when the instant has any (`.123Z`).
    public static func format(_ date: Date, fractionalSeconds: Bool = false) -> String {
        let interval = date.timeIntervalSince1970
        let total = Int(interval.rounded(.down))
        let milliseconds = Int(((interval - Double(total)) * 1000).rounded())
        let days = Int((Double(total) / 86_400).rounded(.down))
        let secondsOfDay = total - days * 86_400
        let civil = CivilDate.civil(days: days)
        return "\(CivilDate.pad(civil.year, 4))-\(CivilDate.pad(civil.month, 2))-\(CivilDate.pad(civil.day, 2))"
            + "T\(CivilDate.pad(secondsOfDay / 3600, 2)):\(CivilDate.pad(secondsOfDay % 3600 / 60, 2)):\(CivilDate.pad(secondsOfDay % 60, 2))"
            + (fractionalSeconds && milliseconds > 0 && milliseconds < 1000 ? "." + CivilDate.pad(milliseconds, 3) : "") + "Z"
    }
}
