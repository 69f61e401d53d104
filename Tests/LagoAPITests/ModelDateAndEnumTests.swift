import Foundation
import Testing
@testable import LagoAPI

@Suite struct ModelDateAndEnumTests {
    @Test(arguments: [
        ("2024-01-01T10:00:00Z", 1_704_103_200.0),
        ("2024-01-01T10:00:00.123Z", 1_704_103_200.123),
        ("2024-01-01T10:00:00.123456Z", 1_704_103_200.123456),
        ("2024-01-01T12:00:00+02:00", 1_704_103_200.0),
        ("2024-01-01T05:30:00-0430", 1_704_103_200.0),
        ("2024-01-01", 1_704_067_200.0),
        ("1969-12-31T23:59:59Z", -1.0),
        ("2024-02-29T00:00:00Z", 1_709_164_800.0),
    ])
    func timestampsParseWithAndWithoutFractions(text: String, seconds: Double) throws {
        let date = try #require(LagoTimestamp.parse(text))
        #expect(abs(date.timeIntervalSince1970 - seconds) < 0.000_001)
    }

    @Test(arguments: ["", "2024-13-01T00:00:00Z", "2023-02-29T00:00:00Z", "2024-01-01T24:00:00Z", "2024-01-01T10:00:00.Z", "2024-01-01T10:00:00Zjunk", "yesterday"])
    func malformedTimestampsAreRejected(text: String) {
        #expect(LagoTimestamp.parse(text) == nil)
    }

    @Test func timestampsFormatInUTC() throws {
        let date = try #require(LagoTimestamp.parse("2024-01-01T12:00:00.250+02:00"))
        #expect(LagoTimestamp.format(date) == "2024-01-01T10:00:00Z")
        #expect(LagoTimestamp.format(date, fractionalSeconds: true) == "2024-01-01T10:00:00.250Z")
    }

    @Test func calendarDates() throws {
        let date = try #require(LagoDate("2024-02-29"))
        #expect(date.description == "2024-02-29")
        #expect(date.adding(days: 1).description == "2024-03-01")
        #expect(LagoDate("2023-02-29") == nil)
        #expect(LagoDate("2024-2-1") == nil)
        #expect(LagoDate("2024-05-01T10:00:00Z") == LagoDate(year: 2024, month: 5, day: 1))
        #expect(LagoDate(year: 2024, month: 1, day: 31)! < LagoDate(year: 2024, month: 2, day: 1)!)
        #expect(LagoDate(utcDateOf: date.startOfDayUTC) == date)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(LagoDate.self, from: Data(#""31/01/2024""#.utf8)) }
    }

    @Test func enumsKeepUnknownValuesAndTheirSpelling() throws {
        let decoded = try JSONDecoder().decode([InvoiceType].self, from: Data(#"["one_off","progressive_billing","gift_card"]"#.utf8))
        #expect(decoded == [.oneOff, .progressiveBilling, .unknown("gift_card")])
        #expect(decoded.map(\.rawValue) == ["one_off", "progressive_billing", "gift_card"])
        #expect(decoded.map(\.isKnown) == [true, true, false])
        #expect(String(decoding: try JSONEncoder().encode(decoded), as: UTF8.self) == #"["one_off","progressive_billing","gift_card"]"#)
        #expect(PayableType(rawValue: "PaymentRequest") == .paymentRequest)
        #expect(InvoiceStatus.parse("draft") == .draft)
        #expect(SubscriptionStatus.allKnown.map(\.rawValue) == ["pending", "active", "terminated", "canceled", "incomplete"])
        #expect(InvoiceStatus.unknown("x").description == "x")
    }

    @Test func decimalStringsAreStrict() {
        #expect(LagoNumber.decimal("12.5") == Decimal(string: "12.5"))
        #expect(LagoNumber.decimal("-0.25") == Decimal(string: "-0.25"))
        #expect(LagoNumber.decimal("1e3") == 1000)
        #expect(LagoNumber.decimal(".5") == Decimal(string: "0.5"))
        #expect(LagoNumber.decimal("1.5abc") == nil)
        #expect(LagoNumber.decimal("") == nil)
        #expect(LagoNumber.decimal("-") == nil)
        #expect(LagoNumber.decimal("1e") == nil)
        #expect(LagoNumber.integer(Decimal(string: "1000.0")!) == 1000)
        #expect(LagoNumber.integer(Decimal(string: "1000.5")!) == nil)
    }

    @Test func jsonValueKeepsNumbersExact() throws {
        let value = try JSONDecoder().decode(JSONValue.self, from: Data(#"{"a":0.1,"b":[true,null,"x"],"c":{"d":12345678901234567890}}"#.utf8))
        #expect(value["a"] == .number("0.1"))
        #expect(value["b"] == .array([.bool(true), .null, .string("x")]))
        #expect(value["c"]?["d"] == .number("12345678901234567890"))
        #expect(value.displayString == "{a: 0.1, b: [true, , x], c: {d: 12345678901234567890}}")
    }
}
