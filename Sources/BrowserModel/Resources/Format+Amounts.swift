import Foundation
import LagoAPI

/// Decimal text as an invoice prints it, read digit by digit from Lago's decimal strings
/// (never through floating point).
extension Format {
    /// Units with thousands separators and no trailing zeros: "12345.00" → "12,345", "0.50" → "0.5".
    static func units(_ raw: String?) -> String {
        guard let parts = DecimalDigits(raw) else { return raw ?? "" }
        var fraction = parts.fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return parts.sign + parts.groupedInteger + (fraction.isEmpty ? "" : "." + fraction)
    }

    /// A unit price in major units as money: at least the currency's minor digits, more when the
    /// price has them ("0.005" USD → "$0.005", "10.0" → "$10.00", "2" JPY → "¥2").
    static func unitPrice(_ raw: String?, currency code: String) -> String {
        let currency = MoneyText.currency(code)
        guard let parts = DecimalDigits(raw) else { return raw ?? "" }
        var fraction = parts.fraction
        while fraction.count > currency.minorUnits, fraction.hasSuffix("0") { fraction.removeLast() }
        if fraction.count < currency.minorUnits { fraction += String(repeating: "0", count: currency.minorUnits - fraction.count) }
        let prefix = currency.symbol ?? currency.code + " "
        return parts.sign + prefix + parts.groupedInteger + (fraction.isEmpty ? "" : "." + fraction)
    }
}

/// A plain decimal string split into sign, integer digits and fraction digits.
struct DecimalDigits {
    var sign: String
    var integer: String
    var fraction: String

    init?(_ raw: String?) {
        guard var text = raw?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        sign = ""
        if text.hasPrefix("-") { sign = "-"; text.removeFirst() } else if text.hasPrefix("+") { text.removeFirst() }
        let pieces = text.split(separator: ".", omittingEmptySubsequences: false)
        guard pieces.count <= 2, pieces.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }), !(pieces.first ?? "").isEmpty else { return nil }
        integer = String(pieces[0].drop { $0 == "0" })
        if integer.isEmpty { integer = "0" }
        fraction = pieces.count == 2 ? String(pieces[1]) : ""
        if integer == "0", fraction.allSatisfy({ $0 == "0" }) { sign = "" }
    }

    var groupedInteger: String {
        var out = ""
        for (offset, digit) in integer.enumerated() {
            if offset > 0, (integer.count - offset) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return out
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
