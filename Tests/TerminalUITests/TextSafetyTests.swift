import Testing
@testable import TerminalUI
import LagoAPI

/// Sanitising and measuring untrusted text: nothing from the API reaches the terminal as a
/// control, and wide characters keep columns aligned.
@Suite struct TextSafetyTests {
    @Test func controlsBecomeVisiblePlaceholders() {
        #expect(TextSanitizer.sanitize("a\u{1B}[31mred") == "a␛[31mred")
        #expect(TextSanitizer.sanitize("bell\u{07}") == "bell␇")
        #expect(TextSanitizer.sanitize("del\u{7F}") == "del␡")
        #expect(TextSanitizer.sanitize("c1\u{9B}2J") == "c1\u{FFFD}2J")
        #expect(TextSanitizer.sanitize("line\nbreak\r") == "line␊break␍")
    }

    @Test func bidiOverridesAndIsolatesAreNeutralised() {
        let spoof = "invoice\u{202E}fdp.exe\u{2066}x\u{2069}\u{200F}"
        let clean = TextSanitizer.sanitize(spoof)
        #expect(!clean.unicodeScalars.contains { TextSanitizer.isHazard($0) })
        #expect(clean == "invoice\u{FFFD}fdp.exe\u{FFFD}x\u{FFFD}\u{FFFD}")
    }

    @Test func cleanTextIsUntouched() {
        for text in ["Acme", "株式会社テスト", "Ünïcödé", "👩‍💻 dev", "مرحبا", "e\u{301}"] {
            #expect(TextSanitizer.sanitize(text) == text)
        }
    }

    @Test func displayWidths() {
        #expect("abc".displayWidth == 3)
        #expect("漢字".displayWidth == 4)
        #expect("한국어".displayWidth == 6)
        #expect("😀".displayWidth == 2)
        #expect("👩‍💻".displayWidth == 2)
        #expect("🇫🇷".displayWidth == 2)
        #expect("e\u{301}".displayWidth == 1)
        #expect("❤️".displayWidth == 2)
        #expect("€1,250.00".displayWidth == 9)
        #expect("ｱ".displayWidth == 1)
        #expect("Ａ".displayWidth == 2)
    }

    @Test func truncationRespectsDisplayWidth() {
        #expect("Acme Corporation".truncated(toWidth: 8) == "Acme Co…")
        #expect("株式会社テスト".truncated(toWidth: 7) == "株式会…")
        #expect("株式会社テスト".truncated(toWidth: 6) == "株式…")
        #expect("short".truncated(toWidth: 10) == "short")
        #expect("abc".truncated(toWidth: 0) == "")
        #expect("😀😀😀".truncated(toWidth: 4) == "😀…")
        for width in 1...12 {
            #expect("株式会社テスト😀abc".truncated(toWidth: width).displayWidth <= width)
        }
    }

    @Test func paddingAligns() {
        #expect("漢".padded(toWidth: 4) == "漢  ")
        #expect("$1.00".padded(toWidth: 8, alignment: .right) == "   $1.00")
        #expect("ab".padded(toWidth: 6, alignment: .center) == "  ab  ")
    }

    @Test func multilineSanitising() {
        #expect(TextSanitizer.sanitizedLines("a\r\nb\tc\n\u{1B}x") == ["a", "b  c", "␛x"])
    }
}
