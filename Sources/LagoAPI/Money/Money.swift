import Foundation

/// An amount of money as Lago sends it: an integer count of the currency's minor units
/// (`amount_cents`) plus the currency. Arithmetic and formatting are exact; no floating point.
public struct Money: Hashable, Sendable, CustomStringConvertible {
    /// Minor units (cents for EUR/USD, yen for JPY, fils for KWD).
    public let amountCents: Int64
    public let currency: Currency

    public init(amountCents: Int64, currency: Currency) {
        self.amountCents = amountCents
        self.currency = currency
    }

    /// Convenience for a currency code, e.g. `Money(amountCents: 1250, currencyCode: "EUR")`.
    public init(amountCents: Int64, currencyCode: String) {
        self.init(amountCents: amountCents, currency: Currency(code: currencyCode))
    }

    /// The amount in major units as an exact decimal (1250 cents EUR → 12.5).
    public var decimalAmount: Decimal {
        var value = Decimal(amountCents)
        for _ in 0..<currency.minorUnits { value /= 10 }
        return value
    }

    /// The amount as a whole number of minor units for a decimal major amount, when exact
    /// (12.5 EUR → 1250). Nil when the amount has more decimals than the currency allows.
    public init?(decimalAmount: Decimal, currency: Currency) {
        var scaled = decimalAmount
        for _ in 0..<currency.minorUnits { scaled *= 10 }
        guard let cents = LagoNumber.integer(scaled) else { return nil }
        self.init(amountCents: cents, currency: currency)
    }

    public var isNegative: Bool { amountCents < 0 }
    public var isZero: Bool { amountCents == 0 }

    public var description: String { formatted }
}

extension Money {
    /// Money from a record's optional cents and currency; nil when either is missing.
    public static func optional(cents: Int64?, currency: Currency?) -> Money? {
        guard let cents, let currency else { return nil }
        return Money(amountCents: cents, currency: currency)
    }
}
