import CNcursesw
import Foundation
import Testing
@testable import BrowserModel
@testable import TerminalUI

/// Everything that touches ncurses, in one serialized suite (ncurses state is process-global):
/// the shim, and the real ncursesw screen drawn headless on /dev/null and read back.
@MainActor
@Suite(.serialized) struct NcursesScreenTests {
    init() {
        setenv("TERM", "xterm-256color", 1)
        setenv("LANG", "C.UTF-8", 1)
        setlocale(LC_ALL, "C.UTF-8")
    }

    @Test func shimDrawsWideCharactersHeadless() throws {
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
        #expect(String(String.UnicodeScalarView(scalars)).hasPrefix("héllo ✓ 漢字"))
        var rows: Int32 = 0, cols: Int32 = 0
        tui_getmaxyx(window, &rows, &cols)
        #expect(rows == 5 && cols == 20)
    }

    func theme(_ name: String) throws -> Theme { try ThemeLoader(userDirectory: nil).load(name) }

    /// The ncurses screen and the cell buffer show the same text for the same frame: wide
    /// characters, emoji and placeholders land in the same columns.
    @Test func ncursesMatchesCellBuffer() throws {
        for size in [Size(rows: 24, columns: 80), Size(rows: 60, columns: 200), Size(rows: 6, columns: 20)] {
            let screen = try NcursesScreen(output: .headless(rows: size.rows, columns: size.columns), theme: try theme("dark"), environment: ["TERM": "xterm-256color"])
            defer { screen.stop() }
            let buffer = CellBufferScreen(rows: size.rows, columns: size.columns)
            let renderer = BrowserRenderer(now: Date(timeIntervalSince1970: 1_795_348_900))
            for s in [buffer as any Screen, screen as any Screen] {
                s.clear()
                _ = renderer.render(SnapshotFixtures.dashboard(), on: s)
                s.present()
            }
            #expect(screen.size == size)
            for row in 0..<size.rows {
                #expect(screen.rowText(row) == buffer.lines()[row], "row \(row) at \(size)")
            }
        }
    }

    @Test func noColorUsesAttributesOnly() throws {
        let screen = try NcursesScreen(output: .headless(rows: 24, columns: 80), theme: try theme("dark"), environment: ["TERM": "xterm-256color", "NO_COLOR": "1"])
        defer { screen.stop() }
        #expect(screen.colorMode == .none)
        for role in StyleRole.allCases { #expect(screen.attributesAndPair(for: Style(role)).1 == 0) }
        let danger = screen.attributesAndPair(for: Style(.statusDanger)).0
        #expect(danger & tui_a_bold() != 0 && danger & tui_a_underline() != 0)
        #expect(screen.attributesAndPair(for: Style(.badgeLive)).0 & tui_a_reverse() != 0)
        #expect(screen.attributesAndPair(for: Style(.text, .reverse)).0 & tui_a_reverse() != 0)
        // A full frame still reads the same and the selected row is reverse video.
        _ = BrowserRenderer().render(SnapshotFixtures.dashboard(), on: screen)
        screen.present()
        let row = try #require((0..<24).first { screen.rowText($0).contains("│Acme") })
        var cell = cchar_t()
        _ = mvwin_wch(tui_stdscr(), Int32(row), 2, &cell)
        var attrs: attr_t = 0
        var pair: Int16 = 0
        var chars = [wchar_t](repeating: 0, count: 8)
        _ = getcchar(&cell, &chars, &attrs, &pair, nil)
        #expect(attrs & tui_a_reverse() != 0)
        #expect(pair == 0)
    }

    @Test func lightThemeAllocatesItsColours() throws {
        let screen = try NcursesScreen(output: .headless(rows: 24, columns: 80), theme: try theme("light"), environment: ["TERM": "xterm-256color"])
        defer { screen.stop() }
        #expect(screen.colorMode == .indexed256)
        let (attrs, pair) = screen.attributesAndPair(for: Style(.statusDanger))
        #expect(attrs & tui_a_bold() != 0)
        #expect(pair > 0)
        var fg: Int32 = 0, bg: Int32 = 0
        _ = extended_pair_content(Int32(pair), &fg, &bg)
        #expect(fg == 160)   // #d70000 on the xterm-256 palette
        #expect(bg == -1)    // the terminal's own background
        _ = BrowserRenderer().render(SnapshotFixtures.dashboard(dialog: SnapshotFixtures.voidDialog), on: screen)
        screen.present()
        #expect((0..<24).contains { screen.rowText($0).contains("[ Cancel ] [ Void ]") })
    }

    @Test func eightColourTerminalDegrades() throws {
        setenv("TERM", "xterm", 1)
        defer { setenv("TERM", "xterm-256color", 1) }
        let screen = try NcursesScreen(output: .headless(rows: 10, columns: 40), theme: try theme("light"), environment: ["TERM": "xterm"])
        defer { screen.stop() }
        #expect(screen.colorMode == .ansi8)
        let (_, pair) = screen.attributesAndPair(for: Style(.statusDanger))
        var fg: Int32 = 0, bg: Int32 = 0
        _ = extended_pair_content(Int32(pair), &fg, &bg)
        #expect(fg == 1)
    }

    @Test func unknownTerminalIsAClearError() {
        setenv("TERM", "no-such-terminal-xyz", 1)
        defer { setenv("TERM", "xterm-256color", 1) }
        do {
            let screen = try NcursesScreen(output: .headless(rows: 10, columns: 40), theme: Theme(name: "x", styles: [:]), environment: ["TERM": "no-such-terminal-xyz"])
            screen.stop()
            Issue.record("expected a start error")
        } catch {
            #expect(error.description.contains("TERM=no-such-terminal-xyz"))
        }
    }
}
