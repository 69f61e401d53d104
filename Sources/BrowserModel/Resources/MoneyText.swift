import Foundation

/// Formats integer minor units for display, following Lago's web app: en-US grouping, the
/// currency symbol where one is common, and the ISO 4217 precision (0 for JPY, 3 for KWD…).
enum MoneyText {
    static let zeroDecimal: Set<String> = ["BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF", "UGX", "VND", "VUV", "XAF", "XOF", "XPF"]
    static let threeDecimal: Set<String> = ["BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"]
    static let symbols: [String: String] = ["USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥", "INR": "₹", "KRW": "₩", "BRL": "R$", "CAD": "CA$", "AUD": "A$", "CHF": "CHF ", "CNY": "CN¥", "NZD": "NZ$", "MXN": "MX$"]

    /// Digits after the decimal point for `code`.
    static func minorUnits(_ code: String) -> Int {
        let c = code.uppercased()
        if zeroDecimal.contains(c) { return 0 }
        if threeDecimal.contains(c) { return 3 }
        if c == "CLF" { return 4 }
        return 2
    }

    static func format(cents: Int64, currencyCode: String) -> String {
        let code = currencyCode.isEmpty ? "USD" : currencyCode.uppercased()
        let units = minorUnits(code)
        let negative = cents < 0
        let magnitude = cents.magnitude
        var divisor: UInt64 = 1
        for _ in 0..<units { divisor *= 10 }
        let whole = magnitude / divisor
        let fraction = magnitude % divisor
        var wholeText = String(whole)
        var grouped = ""
        while wholeText.count > 3 {
            grouped = "," + wholeText.suffix(3) + grouped
            wholeText = String(wholeText.dropLast(3))
        }
        grouped = wholeText + grouped
        var number = grouped
        if units > 0 {
            let f = String(fraction)
            number += "." + String(repeating: "0", count: units - f.count) + f
        }
        let prefix = symbols[code] ?? (code + " ")
        return (negative ? "-" : "") + prefix + number
    }

    /// Major units (e.g. a decimal credit amount × rate) to minor units, rounded half-up.
    static func cents(fromMajor amount: Decimal, currencyCode: String) -> Int64 {
        var scaled = amount
        for _ in 0..<minorUnits(currencyCode) { scaled *= 10 }
        var rounded = Decimal()
        NSDecimalRound(&rounded, &scaled, 0, .plain)
        return NSDecimalNumber(decimal: rounded).int64Value
    }
}
