import Foundation
import Testing
@testable import LagotuiCommands
import LagoAPI

@Suite struct CSVFormattingTests {
    @Test func flattensNestedObjectsWithDottedNamesAndKeepsArraysWhole() throws {
        let record = try JSONValue.parse(#"{"lago_id":"i1","customer":{"external_id":"c1","address":{"city":"Lyon"}},"taxes":[{"code":"vat"}],"paid":false,"due":null,"total":1250}"#)
        let pairs = CSVFormatting.flatten(record)
        #expect(pairs.map(\.column) == ["lago_id", "customer.external_id", "customer.address.city", "taxes", "paid", "due", "total"])
        #expect(pairs.map(\.cell) == ["i1", "c1", "Lyon", #"[{"code":"vat"}]"#, "false", "", "1250"])
    }

    @Test(arguments: [
        ("=1+1", "'=1+1"), ("+33 6 12", "'+33 6 12"), ("-cmd|' /C calc'!A0", "'-cmd|' /C calc'!A0"), ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"), ("-12.50", "-12.50"), ("+3", "+3"), ("plain", "plain"), ("", ""),
    ])
    func neutralisesFormulas(_ input: String, _ expected: String) {
        #expect(CSVFormatting.neutraliseFormula(input) == expected)
    }

    @Test func quotesAsRFC4180() {
        #expect(CSVFormatting.row(["a", "b,c", "say \"hi\"", "two\nlines"]) == "a,\"b,c\",\"say \"\"hi\"\"\",\"two\nlines\"\r\n")
    }

    @Test func numbersAreNeverEscapedEvenWhenNegative() throws {
        let pairs = CSVFormatting.flatten(try JSONValue.parse(#"{"amount_cents":-500,"credits":"-1.5"}"#))
        #expect(pairs.map(\.cell) == ["-500", "-1.5"])
    }
}
