import Foundation

/// A formatted cell: display text, the value to sort by, and a colour role.
struct CellValue: Equatable {
    var text: String
    var sortKey: SortKey
    var role: StatusRole = .normal

    static let empty = CellValue(text: "", sortKey: .none)
    static let dash = CellValue(text: "-", sortKey: .none)
}

/// Sort key of a cell; numbers sort numerically, text case-insensitively, empty cells last.
enum SortKey: Equatable, Comparable {
    case none
    case number(Decimal)
    case text(String)

    static func < (lhs: SortKey, rhs: SortKey) -> Bool {
        switch (lhs, rhs) {
        case let (.number(a), .number(b)): return a < b
        case let (.text(a), .text(b)): return a.localizedStandardCompare(b) == .orderedAscending
        case (.number, .text): return true
        case (.text, .number): return false
        case (.none, .none): return false
        case (.none, _): return false
        case (_, .none): return true
        }
    }
}

/// Money and date text used across the browser.
enum Format {
    /// Formats integer minor units in `currency` ("$1,250.00", "-€12.50", "¥1,250").
    static func money(cents: Int64, currency: String) -> String {
        MoneyText.format(cents: cents, currencyCode: currency)
    }

    /// "2024-01-31" stays; "2024-01-31T10:00:00Z" becomes "2024-01-31 10:00".
    static func date(_ raw: String?) -> String {
        guard let raw, !raw.isEmpty else { return "" }
        if raw.count <= 10 { return raw }
        var s = raw
        if let z = s.firstIndex(where: { $0 == "Z" || $0 == "+" }) , s.distance(from: s.startIndex, to: z) > 10 { s = String(s[..<z]) }
        s = s.replacingOccurrences(of: "T", with: " ")
        if let dot = s.firstIndex(of: ".") { s = String(s[..<dot]) }
        return String(s.prefix(16))
    }

    /// Decimal text without trailing zeros ("4.0" → "4", "12.50" → "12.5").
    static func decimal(_ raw: String?) -> String {
        guard let raw, let d = Decimal(string: raw, locale: Locale(identifier: "en_US_POSIX")) else { return raw ?? "" }
        return NSDecimalNumber(decimal: d).description(withLocale: Locale(identifier: "en_US_POSIX"))
    }

    /// Parses a calendar date "YYYY-MM-DD" (or the date part of a timestamp) as UTC midnight.
    static func day(_ raw: String?) -> Date? {
        guard let raw, raw.count >= 10 else { return nil }
        let parts = raw.prefix(10).split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        var c = DateComponents()
        c.year = parts[0]; c.month = parts[1]; c.day = parts[2]
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = TimeZone(identifier: "UTC")!
        return cal.date(from: c)
    }

    /// Whole days from `from` to `to` (UTC calendar days).
    static func days(from: Date, to: Date) -> Int {
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = TimeZone(identifier: "UTC")!
        let a = cal.startOfDay(for: from), b = cal.startOfDay(for: to)
        return cal.dateComponents([.day], from: a, to: b).day ?? 0
    }
}
