/// An ISO 4217 currency: its code and how many minor units (decimal places) an amount in cents
/// carries. Lago's `*_amount_cents` fields count minor units, so JPY 1250 is ¥1,250 while
/// KWD 1250 is 1.250 dinars.
public struct Currency: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The upper-case ISO 4217 code, e.g. "EUR".
    public let code: String
    /// Decimal places of the minor unit: 2 for most, 0 for JPY/KRW, 3 for KWD/BHD/OMR/JOD/TND.
    public let minorUnits: Int

    /// The currency for an ISO 4217 code (case-insensitive). Codes outside the table keep the
    /// upper-cased code and the common default of 2 minor units rather than failing.
    public init(code: String) {
        let upper = code.uppercased()
        self.code = upper
        self.minorUnits = Currency.iso4217[upper] ?? Currency.defaultMinorUnits
    }

    /// A currency with explicit minor units, for codes the table does not know.
    public init(code: String, minorUnits: Int) {
        self.code = code.uppercased()
        self.minorUnits = max(0, minorUnits)
    }

    /// True when the code is in the ISO 4217 table (current codes plus the retired ones Lago still lists).
    public var isISO4217: Bool { Currency.iso4217[code] != nil }

    /// The symbol used in front of amounts when it is unambiguous ("$", "€", "£", "¥"), else nil
    /// and the code is shown instead ("KWD 1.250").
    public var symbol: String? { Currency.symbols[code] }

    public var description: String { code }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        self.init(code: try container.decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(code)
    }

    public static let usd = Currency(code: "USD")
    public static let eur = Currency(code: "EUR")
    public static let gbp = Currency(code: "GBP")
    public static let jpy = Currency(code: "JPY")
    public static let kwd = Currency(code: "KWD")

    /// Minor units assumed for codes outside the table.
    public static let defaultMinorUnits = 2

    /// Every code in the table, sorted, for pickers and validation.
    public static var allCodes: [String] { iso4217.keys.sorted() }
}
