/// Decimal strings the way Rails serialises BigDecimal: `"10.0"`, `"12.5"`, `"0.001"`.
enum Decimals {
    /// `value / 10^scale` as a Rails decimal string.
    static func string(_ value: Int64, scale: Int) -> String {
        let negative = value < 0
        let magnitude = value.magnitude
        var divisor: UInt64 = 1
        for _ in 0..<scale { divisor *= 10 }
        let whole = magnitude / divisor
        var fraction = scale == 0 ? "" : String(magnitude % divisor)
        if scale > 0 { fraction = String(repeating: "0", count: scale - fraction.count) + fraction }
        while fraction.count > 1 && fraction.hasSuffix("0") { fraction.removeLast() }
        if fraction.isEmpty { fraction = "0" }
        return (negative ? "-" : "") + "\(whole).\(fraction)"
    }

    /// Parses a decimal given as a string or number into `value × 10^scale`, rounding half up.
    /// Returns nil for anything that is not a plain decimal.
    static func parse(_ text: String, scale: Int) -> Int64? {
        var s = Substring(text.trimmingCharactersInWhitespace())
        var negative = false
        if s.hasPrefix("-") { negative = true; s = s.dropFirst() } else if s.hasPrefix("+") { s = s.dropFirst() }
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, !s.isEmpty,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              !(parts[0].isEmpty && (parts.count == 1 || parts[1].isEmpty)) else { return nil }
        guard parts[0].count <= 18 else { return nil }
        var value = Int64(parts[0]) ?? 0
        var fraction = parts.count == 2 ? Array(parts[1]) : []
        for _ in 0..<scale {
            value = value * 10 + (fraction.isEmpty ? 0 : Int64(String(fraction.removeFirst()))!)
        }
        if let next = fraction.first, let digit = Int(String(next)), digit >= 5 { value += 1 }
        return negative ? -value : value
    }
}

/// The four currencies the sandbox bills in, with their ISO 4217 minor units.
enum SandboxCurrency: String, Sendable, CaseIterable {
    case usd = "USD", eur = "EUR", gbp = "GBP", jpy = "JPY"

    var code: String { rawValue }
    var minorUnits: Int { self == .jpy ? 0 : 2 }
    var symbol: String {
        switch self {
        case .usd: "$"
        case .eur: "EUR "
        case .gbp: "GBP "
        case .jpy: "JPY "
        }
    }

    /// `amountCents` as a human amount for the PDF, e.g. `$1,250.00` or `JPY 1,250`.
    func format(_ amountCents: Int64) -> String {
        let negative = amountCents < 0
        let magnitude = amountCents.magnitude
        let divisor: UInt64 = minorUnits == 0 ? 1 : 100
        let whole = String(magnitude / divisor)
        var grouped = ""
        for (i, ch) in whole.reversed().enumerated() {
            if i > 0 && i % 3 == 0 { grouped.append(",") }
            grouped.append(ch)
        }
        var text = String(grouped.reversed())
        if minorUnits > 0 {
            let cents = magnitude % divisor
            text += "." + (cents < 10 ? "0" : "") + String(cents)
        }
        return (negative ? "-" : "") + symbol + text
    }
}

extension String {
    func trimmingCharactersInWhitespace() -> String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}
