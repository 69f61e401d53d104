extension Money {
    /// Display form with the currency's symbol or code, thousands separators and exactly the
    /// currency's minor units: "$1,250.00", "€12.50", "¥1,250", "KWD 1.250", "-$12.50".
    /// The same on every machine (no locale), so tables and exports are stable.
    public var formatted: String {
        let prefix = currency.symbol ?? currency.code + " "
        return (amountCents < 0 ? "-" : "") + prefix + Money.digits(amountCents.magnitude, minorUnits: currency.minorUnits, grouping: true)
    }

    /// The bare amount without symbol or grouping, for CSV and JSON exports: "1250.00", "-12.50", "1250".
    public var plainAmount: String {
        (amountCents < 0 ? "-" : "") + Money.digits(amountCents.magnitude, minorUnits: currency.minorUnits, grouping: false)
    }

    /// Formats a magnitude of minor units with a "." decimal point and optional "," grouping.
    static func digits(_ magnitude: UInt64, minorUnits: Int, grouping: Bool) -> String {
        var text = String(magnitude)
        if text.count <= minorUnits {
            text = String(repeating: "0", count: minorUnits - text.count + 1) + text
        }
        let integerPart = text.dropLast(minorUnits)
        let fractionPart = text.suffix(minorUnits)
        var grouped = ""
        if grouping {
            for (offset, character) in integerPart.enumerated() {
                if offset > 0, (integerPart.count - offset) % 3 == 0 { grouped.append(",") }
                grouped.append(character)
            }
        } else {
            grouped = String(integerPart)
        }
        return minorUnits > 0 ? grouped + "." + fractionPart : grouped
    }
}
