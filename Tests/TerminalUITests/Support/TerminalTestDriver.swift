import Foundation
import Testing
@testable import TerminalUI

/// Drives a `TerminalApplication` on the cell-buffer screen the way a user would: `press`
/// keys, `type` text, `waitIdle` (the app's busy/idle signal, never a sleep), then assert on
/// the screen with `expectLine` and `expectDialog`. A failed expectation prints the whole
/// screen and the API calls made so far.
@MainActor
final class TerminalTestDriver: TerminalHost {
    let screen: CellBufferScreen
    let app: any TerminalApplication
    private let idle: @MainActor () async -> Void
    private let apiCalls: @MainActor () async -> [String]
    private var decoder = InputDecoder()
    private var needsRender = true
    private(set) var clipboard: [String] = []
    private(set) var quitStatus: Int32?
    private(set) var frames = 0

    init(app: any TerminalApplication, rows: Int = 24, columns: Int = 80,
         idle: @escaping @MainActor () async -> Void, apiCalls: @escaping @MainActor () async -> [String] = { [] }) {
        self.screen = CellBufferScreen(rows: rows, columns: columns)
        self.app = app
        self.idle = idle
        self.apiCalls = apiCalls
    }

    // MARK: TerminalHost

    func setNeedsRender() { needsRender = true }
    func copyToClipboard(_ text: String) { clipboard.append(text) }
    func quit(status: Int32) { quitStatus = status }
    /// The theme's frame characters, as the real session would hand them to the app.
    var frameGlyphs: BoxGlyphs?

    // MARK: driving

    /// Attaches the app and waits for its first load to settle.
    func start() async {
        app.attach(to: self)
        await waitIdle()
    }

    /// Presses keys by name ("j", "enter", "ctrl-d", "esc", "G") and waits for idle.
    func press(_ names: String...) async {
        for name in names {
            guard let key = Key(name: name) else { Issue.record("unknown key name \(name)"); continue }
            app.handle(key)
            needsRender = true
        }
        await waitIdle()
    }

    /// Types text character by character (as keys) and waits for idle.
    func type(_ text: String) async {
        for ch in text { app.handle(.character(ch)); needsRender = true }
        await waitIdle()
    }

    /// Feeds raw terminal input through the decoder (escape sequences, bracketed paste).
    func feed(_ raw: String) async {
        for key in decoder.decode(raw.unicodeScalars.map { .character($0.value) }) { app.handle(key); needsRender = true }
        await waitIdle()
    }

    /// Resizes the screen as SIGWINCH would and waits for the new frame.
    func resize(rows: Int, columns: Int) async {
        screen.resize(rows: rows, columns: columns)
        app.handle(.resize)
        needsRender = true
        await waitIdle()
    }

    /// Waits until the app has no work in flight and the screen shows its latest state:
    /// renders until a frame causes no further change.
    func waitIdle() async {
        for _ in 0..<100 {
            await idle()
            // Let work resumed by the idle signal run and register follow-ups.
            for _ in 0..<3 { await Task.yield() }
            await idle()
            if !needsRender { return }
            needsRender = false
            screen.clear()
            app.render(on: screen)
            screen.present()
            frames += 1
        }
        Issue.record("the app never settled (100 frames)\n\(screen.dump())")
    }

    // MARK: expectations

    var lines: [String] { screen.lines() }

    /// Expects some line to contain `text`.
    func expectLine(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) async {
        if screen.contains(text) { return }
        await fail("expected a line containing \"\(text)\"", sourceLocation)
    }

    /// Expects no line to contain `text`.
    func expectNoLine(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) async {
        if !screen.contains(text) { return }
        await fail("expected no line containing \"\(text)\"", sourceLocation)
    }

    /// Expects a dialog titled `title` on screen (its title drawn in the dialog title style,
    /// or the danger style for dangerous ones), optionally containing `text`.
    func expectDialog(_ title: String, containing text: String? = nil, sourceLocation: SourceLocation = #_sourceLocation) async {
        let role = screen.style(of: " \(title) ")?.role
        if role == .dialogTitle || role == .dialogDanger, text.map(screen.contains) ?? true { return }
        await fail("expected a dialog \"\(title)\"" + (text.map { " containing \"\($0)\"" } ?? ""), sourceLocation)
    }

    /// Expects no dialog on screen.
    func expectNoDialog(sourceLocation: SourceLocation = #_sourceLocation) async {
        let hasDialog = (0..<screen.size.rows).contains { r in
            (0..<screen.size.columns).contains { c in [.dialogButtonFocused, .dialogButton].contains(screen.cell(row: r, column: c).style.role) }
        }
        if !hasDialog { return }
        await fail("expected no dialog", sourceLocation)
    }

    /// The first line containing `text`.
    func line(containing text: String) -> String? { lines.first { $0.contains(text) } }

    private func fail(_ message: String, _ location: SourceLocation) async {
        let calls = await apiCalls()
        let callList = calls.suffix(40).map { "  " + $0 }.joined(separator: "\n")
        Issue.record(Comment(rawValue: "\(message)\n\(screen.dump())\nAPI calls (\(calls.count)):\n\(callList)"), sourceLocation: location)
    }
}
