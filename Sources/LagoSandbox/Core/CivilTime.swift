/// Calendar arithmetic without Foundation formatters: days since 1970-01-01 and Unix seconds,
/// formatted the way Lago's serializers do (`YYYY-MM-DD`, `…T10:00:00Z`, `….123Z`).
enum CivilTime {
    static let secondsPerDay: Int64 = 86_400

    /// (year, month, day) for a day number (Howard Hinnant's civil_from_days).
    static func civil(_ days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (m <= 2 ? y + 1 : y, m, d)
    }

    /// The day number of a calendar date (days_from_civil).
    static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func daysInMonth(year: Int, month: Int) -> Int {
        let next = month == 12 ? days(year: year + 1, month: 1, day: 1) : days(year: year, month: month + 1, day: 1)
        return next - days(year: year, month: month, day: 1)
    }

    /// First day of the month containing `day`, shifted by `offset` months.
    static func monthStart(_ day: Int, offset: Int = 0) -> Int {
        let c = civil(day)
        var month = c.month - 1 + offset
        var year = c.year + month / 12
        month %= 12
        if month < 0 { month += 12; year -= 1 }
        return days(year: year, month: month + 1, day: 1)
    }

    static func date(_ days: Int) -> String {
        let c = civil(days)
        return "\(pad(c.year, 4))-\(pad(c.month, 2))-\(pad(c.day, 2))"
    }

    /// ISO-8601 with seconds, `2024-01-01T10:00:00Z`.
    static func timestamp(_ seconds: Int64) -> String {
        let day = Int(seconds >= 0 ? seconds / secondsPerDay : (seconds - secondsPerDay + 1) / secondsPerDay)
        let rest = Int(seconds - Int64(day) * secondsPerDay)
        return "\(date(day))T\(pad(rest / 3600, 2)):\(pad(rest / 60 % 60, 2)):\(pad(rest % 60, 2))Z"
    }

    /// ISO-8601 with milliseconds, `2024-01-01T10:00:00.123Z`.
    static func timestampMillis(_ millis: Int64) -> String {
        let seconds = millis >= 0 ? millis / 1000 : (millis - 999) / 1000
        let ms = Int(millis - seconds * 1000)
        var s = timestamp(seconds)
        s.removeLast()
        return s + "." + pad(ms, 3) + "Z"
    }

    /// Parses `YYYY-MM-DD` (strictly); nil when not a valid ISO date.
    static func parseDate(_ text: String) -> Int? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              (1...12).contains(m), d >= 1, d <= daysInMonth(year: y, month: m) else { return nil }
        return days(year: y, month: m, day: d)
    }

    /// Parses an ISO-8601 date or date-time (Z or ±HH:MM offset, optional fraction) to Unix seconds.
    static func parseTimestamp(_ text: String) -> Int64? {
        if let day = parseDate(text) { return Int64(day) * secondsPerDay }
        guard let tIndex = text.firstIndex(where: { $0 == "T" || $0 == " " }),
              let day = parseDate(String(text[..<tIndex])) else { return nil }
        var rest = Substring(text[text.index(after: tIndex)...])
        var offset: Int64 = 0
        if rest.hasSuffix("Z") {
            rest = rest.dropLast()
        } else if let signIndex = rest.lastIndex(where: { $0 == "+" || $0 == "-" }) {
            let zone = rest[rest.index(after: signIndex)...].split(separator: ":")
            guard zone.count >= 1, let hh = Int(zone[0].prefix(2)) else { return nil }
            let mm = zone.count > 1 ? Int(zone[1]) ?? 0 : Int(zone[0].dropFirst(2)) ?? 0
            offset = Int64(hh * 3600 + mm * 60) * (rest[signIndex] == "-" ? -1 : 1)
            rest = rest[..<signIndex]
        }
        let clock = rest.split(separator: ".")[0].split(separator: ":")
        guard clock.count >= 2, let h = Int(clock[0]), let m = Int(clock[1]),
              (0..<24).contains(h), (0..<60).contains(m) else { return nil }
        let s = clock.count > 2 ? Int(clock[2]) ?? -1 : 0
        guard (0..<61).contains(s) else { return nil }
        return Int64(day) * secondsPerDay + Int64(h * 3600 + m * 60 + s) - offset
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let s = String(value)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }
}
