import Testing
@testable import LagotuiCommands
import LagoAPI

@Suite struct TerminalSanitizerTests {
    @Test(arguments: [
        ("\u{1B}[2J\u{1B}[H", "^[[2J^[[H"),
        ("\u{1B}]52;c;aGVsbG8=\u{07}", "^[]52;c;aGVsbG8=^G"),
        ("\u{1B}]8;;http://x\u{1B}\\link", "^[]8;;http://x^[\\link"),
        ("a\u{9B}31m", "a<U+009B>31m"),
        ("abc\u{202E}cba", "abc<U+202E>cba"),
        ("line\nbreak\r", "line^Jbreak^M"),
        ("del\u{7F}", "del^?"),
        ("Zoë 日本 😀", "Zoë 日本 😀"),
    ])
    func makesControlsInert(_ input: String, _ expected: String) {
        let output = TextSanitizer.printable(input)
        #expect(output == expected)
        #expect(!output.unicodeScalars.contains(where: TextSanitizer.isHazard))
    }

    @Test func tableCellsAreSanitised() throws {
        let record = try JSONValue.parse(#"{"number":"INV-1","status":"\u001b]0;pwned\u0007","customer":{"external_id":"c\u202e1"}}"#)
        let table = TableRenderer.render(records: [record], columns: ["number", "status", "customer.external_id"])
        #expect(!table.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{07}" || $0 == "\u{202E}" })
        #expect(table.contains("^[]0;pwned^G"))
        #expect(table.hasPrefix("NUMBER"))
    }
}
