import Foundation

/// One month of one series in one currency: its total and, for grouped series, the parts.
public struct AnalyticsMonth: Sendable, Equatable {
    /// "2026-05".
    public var key: String
    public var cents: Int64
    /// (metric code or payment status, cents), largest first.
    public var groups: [(String, Int64)]

    public static func == (a: AnalyticsMonth, b: AnalyticsMonth) -> Bool {
        a.key == b.key && a.cents == b.cents && a.groups.map(\.0) == b.groups.map(\.0) && a.groups.map(\.1) == b.groups.map(\.1)
    }
}

/// Pure arithmetic over analytics rows: the window of months, the totals of one currency per
/// month (months without rows count as zero), month-over-month change, and which currencies
/// appear. Integer cents throughout.
enum AnalyticsReport {
    /// The last `count` month keys up to the month of `now` (UTC), oldest first.
    static func monthKeys(endingAt now: Date, count: Int) -> [String] {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month], from: now)
        var year = parts.year ?? 1970, month = parts.month ?? 1
        var keys: [String] = []
        for _ in 0..<max(1, count) {
            keys.append(String(format: "%04d-%02d", year, month))
            month -= 1
            if month == 0 { month = 12; year -= 1 }
        }
        return keys.reversed()
    }

    static func months(_ rows: [AnalyticsRow], currency: String, keys: [String]) -> [AnalyticsMonth] {
        keys.map { key in
            let here = rows.filter { $0.month == key && $0.currency == currency }
            var groups: [String: Int64] = [:]
            for row in here { if let group = row.group { groups[group, default: 0] += row.cents } }
            let parts = groups.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map { ($0.key, $0.value) }
            return AnalyticsMonth(key: key, cents: here.reduce(0) { $0 + $1.cents }, groups: parts)
        }
    }

    /// "+12.3%" / "-4.0%" / "±0.0%" from `previous` to `current`, in tenths of a percent rounded
    /// half away from zero; nil when there is nothing to compare with (previous month zero).
    static func change(from previous: Int64, to current: Int64) -> String? {
        guard previous != 0 else { return nil }
        let delta = (current - previous) * 1000
        let magnitude = previous.magnitude
        var tenths = (delta.magnitude * 2 + magnitude) / (magnitude * 2)
        if tenths > 99_999 { tenths = 99_999 }
        let sign = delta == 0 || tenths == 0 ? "±" : (delta > 0) == (previous > 0) ? "+" : "-"
        return "\(sign)\(tenths / 10).\(tenths % 10)%"
    }

    /// Currencies in `rows`, the one with the largest absolute total first (then by code).
    static func currencies(_ rows: [AnalyticsRow]) -> [String] {
        var totals: [String: Int64] = [:]
        for row in rows { totals[row.currency, default: 0] += abs(row.cents) }
        return totals.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map(\.key)
    }

    static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// "May" for "2026-05"; "Jan 26" for a January, so a long window shows where years turn.
    static func label(_ key: String) -> String {
        let parts = key.split(separator: "-")
        guard parts.count == 2, let month = Int(parts[1]), (1...12).contains(month) else { return key }
        return month == 1 ? "Jan \(parts[0].suffix(2))" : monthNames[month - 1]
    }

    /// "May 2026".
    static func longLabel(_ key: String) -> String {
        let parts = key.split(separator: "-")
        guard parts.count == 2, let month = Int(parts[1]), (1...12).contains(month) else { return key }
        return "\(monthNames[month - 1]) \(parts[0])"
    }
}
