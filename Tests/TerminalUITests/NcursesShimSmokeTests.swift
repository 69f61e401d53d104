import CNcursesw
import Foundation
import Testing

/// Checks that the CNcursesw shim exposes the wide-character API: a headless `newterm`
/// on /dev/null draws "héllo ✓ 漢字" and reads it back intact.
@Suite(.serialized) struct NcursesShimSmokeTests {
    @Test func headlessNewtermDrawsWideCharacters() throws {
        setenv("TERM", "xterm-256color", 1)
        setenv("LANG", "C.UTF-8", 1)
        setlocale(LC_ALL, "C.UTF-8")
        let out = fopen("/dev/null", "w")
        let input = fopen("/dev/null", "r")
        let screen = try #require(newterm(nil, out, input))
        defer { endwin(); delscreen(screen); fclose(out); fclose(input) }
        resizeterm(5, 20)
        let window = try #require(tui_stdscr())
        _ = mvwaddstr(window, 1, 0, "héllo ✓ 漢字")
        var buffer = [wchar_t](repeating: 0, count: 32)
        let count = mvwinnwstr(window, 1, 0, &buffer, 12)
        #expect(count > 0)
        let scalars = buffer.prefix(Int(count)).compactMap { Unicode.Scalar(UInt32($0)) }
        let text = String(String.UnicodeScalarView(scalars))
        #expect(text.hasPrefix("héllo ✓ 漢字"))
        var rows: Int32 = 0
        var cols: Int32 = 0
        tui_getmaxyx(window, &rows, &cols)
        #expect(rows == 5 && cols == 20)
    }
}
