import CNcursesw
import Foundation
import LagoAPI

/// The real terminal, through ncursesw: wide characters with `setcchar`/`mvwadd_wch`, colour
/// pairs allocated on demand from the theme (truecolour on `*-direct` terminals, the xterm-256
/// palette or the 8/16 ANSI colours otherwise), and bold/underline/reverse/dim only under
/// NO_COLOR. Exactly one exists at a time and only the main actor touches it.
@MainActor
public final class NcursesScreen: Screen {
    /// Where the screen draws: the controlling terminal, or /dev/null at a fixed size (tests).
    public enum Output: Sendable { case terminal, headless(rows: Int, columns: Int) }

    public private(set) var theme: Theme
    public private(set) var colorMode: ColorMode
    private var terminal: OpaquePointer?
    private var files: [UnsafeMutablePointer<FILE>] = []
    private var window: UnsafeMutablePointer<WINDOW>
    private var pairs: [PairKey: Int16] = [:]
    private var resolved: [Style: (attr_t, Int16)] = [:]
    private var nextPair: Int32 = 1
    private let output: Output
    private let mouse: Bool
    public private(set) var isActive = true

    struct PairKey: Hashable { var fg: Int; var bg: Int }

    public struct StartError: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    /// Starts ncurses. `environment` decides NO_COLOR; `mouse` turns on mouse reporting.
    public init(output: Output, theme: Theme, environment: [String: String] = ProcessInfo.processInfo.environment, mouse: Bool = false) throws(StartError) {
        self.output = output
        self.theme = theme
        self.mouse = mouse
        TerminalLocale.ensureUTF8()
        let outFile: UnsafeMutablePointer<FILE>?
        let inFile: UnsafeMutablePointer<FILE>?
        switch output {
        case .terminal:
            outFile = fdopen(dup(STDOUT_FILENO), "w")
            inFile = fdopen(dup(STDIN_FILENO), "r")
        case .headless:
            outFile = fopen("/dev/null", "w")
            inFile = fopen("/dev/null", "r")
        }
        guard let outFile, let inFile else { throw StartError(description: "cannot open the terminal for reading and writing") }
        files = [outFile, inFile]
        guard let term = newterm(nil, outFile, inFile) else {
            fclose(outFile); fclose(inFile)
            let name = environment["TERM"] ?? "(unset)"
            throw StartError(description: "cannot start the terminal: no terminfo entry for TERM=\(name); try TERM=xterm-256color")
        }
        terminal = term
        guard let w = tui_stdscr() else { throw StartError(description: "ncurses gave no screen") }
        window = w
        if case .headless(let rows, let columns) = output { resizeterm(Int32(rows), Int32(columns)) }
        cbreak()
        noecho()
        nonl()
        keypad(window, true)
        nodelay(window, true)
        intrflush(window, false)
        _ = tui_escdelay_set(25)
        curs_set(0)
        var mode = ColorMode.none
        if has_colors() {
            start_color()
            use_default_colors()
            mode = ColorMode.detect(colors: Int(tui_colors()), environment: environment)
        } else {
            mode = .none
        }
        colorMode = mode
        if mouse { _ = mousemask(tui_all_mouse_events(), nil); mouseinterval(0) }
        if case .terminal = output { Self.writeToTerminal("\u{1B}[?2004h") }   // bracketed paste on
    }

    /// Ends ncurses and gives the terminal back as it was (cursor, modes, screen contents).
    /// Safe to call twice.
    public func stop() {
        guard isActive else { return }
        isActive = false
        if case .terminal = output { Self.writeToTerminal("\u{1B}[?2004l") }
        if mouse { _ = mousemask(0, nil) }
        curs_set(1)
        endwin()
        if let terminal { delscreen(terminal) }
        terminal = nil
        for f in files { fclose(f) }
        files = []
    }

    /// Switches theme (and forgets allocated colour pairs).
    public func setTheme(_ theme: Theme) {
        self.theme = theme
        resolved = [:]
    }

    public var size: Size {
        var rows: Int32 = 0, columns: Int32 = 0
        tui_getmaxyx(window, &rows, &columns)
        return Size(rows: Int(rows), columns: Int(columns))
    }

    /// Tells ncurses the terminal now has this size (after SIGWINCH).
    public func resize(rows: Int, columns: Int) {
        resizeterm(Int32(rows), Int32(columns))
    }

    public func clear() { werase(window) }

    /// Makes the next `present()` redraw every cell (after the terminal was used by someone else).
    public func forceFullRepaint() { clearok(window, true) }

    public func put(_ grapheme: Character, width: Int, row: Int, column: Int, style: Style) {
        let s = size
        guard row >= 0, row < s.rows, column >= 0, column < s.columns else { return }
        let (attributes, pair) = attributesAndPair(for: style)
        var scalars: [wchar_t] = []
        for scalar in grapheme.unicodeScalars {
            // A cchar_t holds one spacing character plus combining marks; ZWJ sequences are
            // reduced to their first emoji (terminals draw them inconsistently anyway).
            if scalars.isEmpty || DisplayWidth.of(scalar) == 0 && scalar.value != 0x200D {
                scalars.append(wchar_t(bitPattern: scalar.value))
            } else if scalar.value == 0x200D { break }
            if scalars.count >= 4 { break }
        }
        scalars.append(0)
        var cell = cchar_t()
        if setcchar(&cell, scalars, attributes, pair, nil) != OK {
            var fallback: [wchar_t] = [wchar_t(bitPattern: TextSanitizer.replacement.unicodeScalars.first!.value), 0]
            _ = setcchar(&cell, &fallback, attributes, pair, nil)
        }
        _ = mvwadd_wch(window, Int32(row), Int32(column), &cell)
    }

    public func present() {
        wnoutrefresh(window)
        doupdate()
    }

    /// Everything readable on stdin right now, without waiting.
    public func readInput() -> [RawInput] {
        var raw: [RawInput] = []
        var ch: wint_t = 0
        while raw.count < 4096 {
            let result = wget_wch(window, &ch)
            if result == ERR { break }
            if result == KEY_CODE_YES {
                if Int32(ch) == KEY_MOUSE {
                    var event = MEVENT()
                    if getmouse(&event) == OK {
                        let kind: MouseEvent.Kind?
                        if event.bstate & tui_button4_pressed() != 0 { kind = .wheelUp }
                        else if tui_button5_pressed() != 0 && event.bstate & tui_button5_pressed() != 0 { kind = .wheelDown }
                        else if event.bstate & (tui_button1_pressed() | tui_button1_clicked()) != 0 { kind = .press }
                        else { kind = nil }
                        if let kind { raw.append(.mouse(MouseEvent(kind: kind, row: Int(event.y), column: Int(event.x)))) }
                    }
                } else {
                    raw.append(.keyCode(Int32(ch)))
                }
            } else {
                raw.append(.character(UInt32(ch)))
            }
        }
        return raw
    }

    /// Text of one screen row as ncurses holds it (headless tests read the screen back).
    public func rowText(_ row: Int) -> String {
        let columns = size.columns
        var buffer = [wchar_t](repeating: 0, count: columns + 1)
        let count = mvwinnwstr(window, Int32(row), 0, &buffer, Int32(columns))
        guard count > 0 else { return "" }
        let scalars = buffer.prefix(Int(count)).compactMap { Unicode.Scalar(UInt32(bitPattern: $0)) }
        var text = String(String.UnicodeScalarView(scalars))
        while text.last == " " { text.removeLast() }
        return text
    }

    /// The attributes and colour pair ncurses gets for a style in the current colour mode.
    public func attributesAndPair(for style: Style) -> (attr_t, Int16) {
        if let cached = resolved[style] { return cached }
        let themeStyle = theme.style(for: style.role)
        var emphasis = themeStyle.emphasis.union(style.emphasis)
        var pair: Int16 = 0
        if colorMode == .none {
            emphasis.formUnion(Theme.monochromeEmphasis(for: style.role))
            // A role whose look came only from colour keeps its meaning through its own attribute.
        } else if let fg = themeStyle.foreground.resolved(for: colorMode), let bg = themeStyle.background.resolved(for: colorMode) {
            pair = allocatePair(fg: fg, bg: bg)
        }
        var attributes = tui_a_normal()
        if emphasis.contains(.bold) { attributes |= tui_a_bold() }
        if emphasis.contains(.dim) { attributes |= tui_a_dim() }
        if emphasis.contains(.underline) { attributes |= tui_a_underline() }
        if emphasis.contains(.reverse) { attributes |= tui_a_reverse() }
        if emphasis.contains(.italic) { attributes |= tui_a_italic() }
        resolved[style] = (attributes, pair)
        return (attributes, pair)
    }

    private func allocatePair(fg: Int, bg: Int) -> Int16 {
        if fg == -1 && bg == -1 { return 0 }
        let key = PairKey(fg: fg, bg: bg)
        if let pair = pairs[key] { return pair }
        guard nextPair < min(Int32(tui_color_pairs()), 32767) else { return 0 }
        let pair = nextPair
        nextPair += 1
        if init_extended_pair(pair, Int32(fg), Int32(bg)) != OK { return 0 }
        pairs[key] = Int16(pair)
        return Int16(pair)
    }

    /// Writes bytes straight to the terminal (escape sequences ncurses has no call for:
    /// bracketed paste, OSC 52). Only our own fixed sequences and base64 text go through here.
    nonisolated static func writeToTerminal(_ text: String) {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { write(STDOUT_FILENO, $0.baseAddress! + offset, $0.count - offset) }
            if written <= 0 { break }
            offset += written
        }
    }
}

/// Sets up a UTF-8 locale before ncurses starts: the user's, or C.UTF-8 when theirs is not
/// UTF-8 (without one, ncursesw turns "漢字" into garbage).
public enum TerminalLocale {
    public static func ensureUTF8() {
        setlocale(LC_ALL, "")
        if !isUTF8() { setlocale(LC_ALL, "C.UTF-8") }
    }

    static func isUTF8() -> Bool {
        guard let codeset = nl_langinfo(nl_item(CODESET)) else { return false }
        let name = String(cString: codeset).uppercased()
        return name == "UTF-8" || name == "UTF8"
    }
}
