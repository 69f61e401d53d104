import Foundation
import LagoAPI

/// Money text for the browser, through LagoAPI's `Money` so every screen formats amounts the
/// same way ("$1,250.00", "-€12.50", "¥1,250", "KWD 1.250"). A missing currency falls back to
/// USD, as Lago's web app does.
enum MoneyText {
    static func currency(_ code: String) -> Currency {
        Currency(code: code.isEmpty ? "USD" : code.uppercased())
    }

    static func format(cents: Int64, currencyCode: String) -> String {
        Money(amountCents: cents, currency: currency(currencyCode)).formatted
    }

    /// Major units (e.g. credits × rate) to minor units, rounded half-up.
    static func cents(fromMajor amount: Decimal, currencyCode: String) -> Int64 {
        var scaled = amount
        for _ in 0..<currency(currencyCode).minorUnits { scaled *= 10 }
        var rounded = Decimal()
        NSDecimalRound(&rounded, &scaled, 0, .plain)
        return NSDecimalNumber(decimal: rounded).int64Value
    }
}
