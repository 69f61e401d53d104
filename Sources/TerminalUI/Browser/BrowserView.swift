import BrowserModel
import Foundation
import LagoAPI

/// The browser as a terminal application: draws `BrowserModel.snapshot()` with the
/// `BrowserRenderer`, turns keys into the model's `KeyPress`es, tells the model how many rows
/// each pane shows, and carries out the model's effects (clipboard, opening the web app,
/// switching profile, quitting). It holds no browsing state of its own.
@MainActor
public final class BrowserView: TerminalApplication {
    public let model: BrowserModel
    private weak var host: (any TerminalHost)?
    private var renderer: BrowserRenderer
    private var lastSnapshot: BrowserSnapshot?
    private var lastReport = BrowserRenderer.Report()
    private var sentViewports: [PaneID: Int] = [:]
    private let switchProfile: (@MainActor (String) async throws -> BrowserSession)?
    private let openURL: @MainActor (URL) -> Void
    private let clock: @MainActor () -> Date
    private let explicitGlyphs: Bool

    /// - Parameters:
    ///   - glyphs: frame characters; nil takes the host's theme (`frame.glyphs`).
    ///   - switchProfile: builds the session for another profile (`:profile NAME`); nil when
    ///     the host cannot switch (then the model's request is answered with an error toast).
    ///   - openURL: opens an address in the user's browser; by default `xdg-open`/`open`
    ///     with its output silenced so it cannot scribble over the screen.
    public init(model: BrowserModel, glyphs: BoxGlyphs? = nil,
                switchProfile: (@MainActor (String) async throws -> BrowserSession)? = nil,
                openURL: @escaping @MainActor (URL) -> Void = BrowserView.launchBrowser,
                clock: @escaping @MainActor () -> Date = { Date() }) {
        self.model = model
        self.renderer = BrowserRenderer(glyphs: glyphs ?? .unicode)
        self.explicitGlyphs = glyphs != nil
        self.switchProfile = switchProfile
        self.openURL = openURL
        self.clock = clock
    }

    public func attach(to host: any TerminalHost) {
        self.host = host
        if !explicitGlyphs, let glyphs = host.frameGlyphs { renderer.glyphs = glyphs }
        renderer.chartPalette = host.chartPalette
        model.onChange = { [weak self] in self?.host?.setNeedsRender() }
        model.start()
    }

    public func render(on screen: any Screen) {
        drainEffects()
        let snapshot = model.snapshot()
        renderer.now = clock()
        if let focused = snapshot.body.panes[safe: snapshot.body.focusedIndex], snapshot.body.focusedIndex > 0 {
            renderer.rememberedTab = focused.id
        }
        let report = renderer.render(snapshot, on: screen)
        lastSnapshot = snapshot
        lastReport = report
        // Tell the model how many rows each visible pane shows; it answers with a new
        // snapshot (one more frame) when that changes what is in view.
        for (id, rows) in report.viewportRows where sentViewports[id] != rows {
            sentViewports[id] = rows
            model.handle(.viewport(id, rows: rows))
        }
    }

    public func handle(_ key: Key) {
        switch key {
        case .resize:
            sentViewports = [:]
        case .paste(let text):
            // Pasted text only means something while typing (prompt, dialog field).
            guard lastSnapshot?.prompt != nil || lastSnapshot?.dialog != nil else { return }
            for ch in text {
                let typed: Character = ch == "\n" || ch == "\r" || ch == "\t" ? " " : ch
                if typed.unicodeScalars.contains(where: TextSanitizer.isHazard) { continue }
                model.handle(typed == " " ? .space : .char(typed))
            }
        case .mouse(let event):
            handleMouse(event)
        default:
            if let press = translated(key).keyPress { model.handle(press) }
        }
        drainEffects()
    }

    /// vi's ctrl-d (half page down) where the key map leaves it free: the browser binds page
    /// down to PgDn and ctrl-f, and vi users reach for ctrl-d/ctrl-u.
    private func translated(_ key: Key) -> Key {
        guard key == .control("d"), lastSnapshot?.prompt == nil, lastSnapshot?.dialog == nil else { return key }
        let ctrlD = KeyPress("ctrl-d")
        let bound = model.keyMap.keys.values.contains { $0.contains(ctrlD) }
        return bound ? key : .pageDown
    }

    public var isAnimating: Bool {
        guard let s = lastSnapshot else { return false }
        if s.busy { return true }
        // "retrying in N s" counts down while the browser waits to retry by itself.
        if s.header.recovery != nil { return true }
        return s.tasks.contains { if case .running = $0.state { return true } else { return false } }
    }

    public func tick() { renderer.spinnerFrame += 1 }

    private func handleMouse(_ event: MouseEvent) {
        switch event.kind {
        case .wheelUp: model.handle(.up)
        case .wheelDown: model.handle(.down)
        case .press:
            for (id, area) in lastReport.tableRows where area.rect.rows > 0 {
                if event.row >= area.rect.row, event.row < area.rect.bottom, event.column >= area.rect.column, event.column < area.rect.right {
                    model.handle(.select(id, row: area.firstRowIndex + event.row - area.rect.row))
                    return
                }
            }
        }
    }

    private func drainEffects() {
        for effect in model.takeEffects() {
            switch effect {
            case .copyToClipboard(let text): host?.copyToClipboard(text)
            case .openURL(let url): openURL(url)
            case .quit: host?.quit(status: 0)
            case .switchProfile(let name):
                guard let switchProfile else { continue }
                Task { @MainActor [weak self] in
                    do {
                        let session = try await switchProfile(name)
                        self?.model.replaceSession(session)
                    } catch {
                        self?.host?.setNeedsRender()
                    }
                }
            }
        }
    }

    /// Opens `url` with the platform's launcher, stdin/stdout/stderr on /dev/null.
    public static func launchBrowser(_ url: URL) {
        guard url.scheme == "https" || url.scheme == "http" else { return }
        let process = Process()
        #if os(macOS)
        process.executableURL = URL(fileURLWithPath: "/usr/bin/open")
        #else
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        #endif
        process.arguments = (process.executableURL?.path == "/usr/bin/env" ? ["xdg-open"] : []) + [url.absoluteString]
        let null = FileHandle(forUpdatingAtPath: "/dev/null")
        process.standardInput = null
        process.standardOutput = null
        process.standardError = null
        try? process.run()
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
