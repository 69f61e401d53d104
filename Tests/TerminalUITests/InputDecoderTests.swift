import Testing
@testable import TerminalUI

/// Decoding raw ncurses input into keys: function keys, control characters, Esc, bracketed paste.
@Suite struct InputDecoderTests {
    func chars(_ s: String) -> [RawInput] { s.unicodeScalars.map { .character($0.value) } }

    @Test func plainAndControlCharacters() {
        var decoder = InputDecoder()
        #expect(decoder.decode(chars("jk:")) == [.character("j"), .character("k"), .character(":")])
        #expect(decoder.decode([.character(0x04), .character(0x15), .character(0x0D), .character(0x09), .character(0x7F)])
                == [.control("d"), .control("u"), .enter, .tab, .backspace])
        #expect(decoder.decode(chars("漢")) == [.character("漢")])
    }

    @Test func ncursesKeyCodes() {
        var decoder = InputDecoder()
        let codes = [InputDecoder.Code.up, InputDecoder.Code.down, InputDecoder.Code.pageUp, InputDecoder.Code.pageDown,
                     InputDecoder.Code.home, InputDecoder.Code.end, InputDecoder.Code.backTab, InputDecoder.Code.resize, InputDecoder.Code.f0 + 1]
        #expect(decoder.decode(codes.map { .keyCode($0) }) == [.up, .down, .pageUp, .pageDown, .home, .end, .backTab, .resize, .function(1)])
    }

    @Test func escapeAloneAndSequences() {
        var decoder = InputDecoder()
        #expect(decoder.decode([.character(0x1B)]) == [.escape])
        #expect(decoder.decode(chars("\u{1B}[Z")) == [.backTab])
        #expect(decoder.decode(chars("\u{1B}[A\u{1B}[6~")) == [.up, .pageDown])
    }

    @Test func bracketedPasteIsOneEvent() {
        var decoder = InputDecoder()
        #expect(decoder.decode(chars("\u{1B}[200~cus_123\rabc\u{1B}[201~x")) == [.paste("cus_123\nabc"), .character("x")])
    }

    @Test func bracketedPasteAcrossReads() {
        var decoder = InputDecoder()
        #expect(decoder.decode(chars("\u{1B}[200~hello ")) == [])
        #expect(decoder.decode(chars("world\u{1B}[201~")) == [.paste("hello world")])
    }

    @Test func keyNames() {
        #expect(Key(name: "ctrl-d") == .control("d"))
        #expect(Key(name: "G") == .character("G"))
        #expect(Key(name: "enter") == .enter)
        #expect(Key(name: "pgdn") == .pageDown)
        #expect(Key(name: "f5") == .function(5))
        #expect(Key(name: "space") == .character(" "))
        #expect(Key.control("u").description == "ctrl-u")
    }

    @Test func lineEditor() {
        var editor = LineEditor("inv")
        editor.handle(.character(" "))
        editor.handle(.paste("cus_1\n23"))
        #expect(editor.text == "inv cus_1 23")
        editor.handle(.control("w"))
        #expect(editor.text == "inv cus_1 ")
        editor.handle(.home)
        editor.handle(.delete)
        #expect(editor.text == "nv cus_1 ")
        editor.handle(.end)
        editor.handle(.control("u"))
        #expect(editor.text == "")
        editor.handle(.paste("a\u{1B}[31mb"))
        #expect(editor.text == "a[31mb")
        #expect(editor.handle(.up) == false)
    }
}
