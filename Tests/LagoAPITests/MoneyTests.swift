import Foundation
import Testing
@testable import LagoAPI

@Suite struct MoneyTests {
    @Test(arguments: [
        (Int64(125_000), "USD", "$1,250.00"),
        (1250, "EUR", "€12.50"),
        (300, "GBP", "£3.00"),
        (1250, "JPY", "¥1,250"),
        (1250, "KWD", "KWD 1.250"),
        (-1250, "USD", "-$12.50"),
        (-1250, "EUR", "-€12.50"),
        (-5, "KWD", "-KWD 0.005"),
        (0, "USD", "$0.00"),
        (0, "JPY", "¥0"),
        (7, "EUR", "€0.07"),
        (1_000_000, "KRW", "₩1,000,000"),
        (123_456, "CLF", "CLF 12.3456"),
        (99, "CAD", "CAD 0.99"),
        (1234, "xyz", "XYZ 12.34"),
    ])
    func formatting(cents: Int64, code: String, expected: String) {
        #expect(Money(amountCents: cents, currencyCode: code).formatted == expected)
    }

    @Test func hugeAmountsDoNotOverflow() {
        #expect(Money(amountCents: .max, currency: .usd).formatted == "$92,233,720,368,547,758.07")
        #expect(Money(amountCents: .min, currency: .usd).formatted == "-$92,233,720,368,547,758.08")
        #expect(Money(amountCents: .max, currency: .jpy).formatted == "¥9,223,372,036,854,775,807")
        #expect(Money(amountCents: .min, currency: .kwd).plainAmount == "-9223372036854775.808")
    }

    @Test func minorUnitsFollowISO4217() {
        #expect(Currency(code: "JPY").minorUnits == 0)
        #expect(Currency(code: "krw").minorUnits == 0)
        for code in ["KWD", "BHD", "OMR", "JOD", "TND"] {
            #expect(Currency(code: code).minorUnits == 3, "\(code)")
        }
        #expect(Currency(code: "EUR").minorUnits == 2)
        #expect(Currency(code: "eur").code == "EUR")
        #expect(Currency(code: "ZZZ").minorUnits == 2)
        #expect(Currency(code: "ZZZ").isISO4217 == false)
        #expect(Currency(code: "USD").isISO4217)
    }

    @Test func plainAmountForExports() {
        #expect(Money(amountCents: 125_000, currency: .usd).plainAmount == "1250.00")
        #expect(Money(amountCents: -1250, currency: .eur).plainAmount == "-12.50")
        #expect(Money(amountCents: 1250, currency: .jpy).plainAmount == "1250")
    }

    @Test func decimalConversionIsExact() {
        #expect(Money(amountCents: 1250, currency: .eur).decimalAmount == Decimal(string: "12.5"))
        #expect(Money(amountCents: 1250, currency: .kwd).decimalAmount == Decimal(string: "1.25"))
        #expect(Money(amountCents: 1250, currency: .jpy).decimalAmount == 1250)
        #expect(Money(decimalAmount: Decimal(string: "0.1")!, currency: .usd)?.amountCents == 10)
        #expect(Money(decimalAmount: Decimal(string: "1.005")!, currency: .usd) == nil, "sub-cent amounts are not silently rounded")
        #expect(Money(decimalAmount: Decimal(string: "1.005")!, currency: .kwd)?.amountCents == 1005)
    }

    @Test func currencyDecodesFromItsCode() throws {
        let currencies = try JSONDecoder().decode([Currency].self, from: Data(#"["EUR","jpy","KWD"]"#.utf8))
        #expect(currencies == [.eur, .jpy, .kwd])
    }
}
