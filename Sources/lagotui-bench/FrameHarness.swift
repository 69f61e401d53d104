import BrowserModel
import Foundation
import TerminalUI

/// Draws a `BrowserModel` on a screen the way `BrowserView` does (snapshot → renderer →
/// present, then tells the model each pane's viewport), and waits for the model's change
/// signal instead of polling, so "key to frame" and "start to frame" are measured exactly.
@MainActor
final class FrameHarness {
    let model: BrowserModel
    let screen: any Screen
    private var renderer: BrowserRenderer
    private var sentViewports: [PaneID: Int] = [:]
    private var changes = 0
    private var seenChanges = 0
    private var waiter: CheckedContinuation<Bool, Never>?
    private(set) var frames = 0

    init(model: BrowserModel, screen: any Screen) {
        self.model = model
        self.screen = screen
        self.renderer = BrowserRenderer(glyphs: .unicode, now: Date(timeIntervalSince1970: 1_795_262_400))
        model.onChange = { [weak self] in self?.signal() }
    }

    private func signal() {
        changes += 1
        if let waiter {
            self.waiter = nil
            waiter.resume(returning: true)
        }
    }

    /// Draws one complete frame and returns the snapshot it showed.
    @discardableResult
    func frame() -> BrowserSnapshot {
        let snapshot = model.snapshot()
        screen.clear()
        let report = renderer.render(snapshot, on: screen)
        screen.present()
        frames += 1
        for (id, rows) in report.viewportRows where sentViewports[id] != rows {
            sentViewports[id] = rows
            model.handle(.viewport(id, rows: rows))
        }
        return snapshot
    }

    /// Presses a key and draws the frame that follows it.
    @discardableResult
    func press(_ key: KeyPress) -> BrowserSnapshot {
        model.handle(key)
        seenChanges = changes
        return frame()
    }

    /// Waits for the model to change (false on timeout).
    func nextChange(timeout: Duration) async -> Bool {
        if changes != seenChanges {
            seenChanges = changes
            return true
        }
        let timer = Task { @MainActor [weak self] in
            try? await Task.sleep(for: timeout)
            guard !Task.isCancelled, let self, let waiter = self.waiter else { return }
            self.waiter = nil
            waiter.resume(returning: false)
        }
        let changed = await withCheckedContinuation { self.waiter = $0 }
        timer.cancel()
        seenChanges = changes
        return changed
    }

    /// Draws a frame after every change until one satisfies `done`; returns that snapshot, or
    /// nil when `timeout` passes first.
    func frame(until done: (BrowserSnapshot) -> Bool, timeout: Duration) async -> BrowserSnapshot? {
        let deadline = ContinuousClock.now + timeout
        while true {
            let snapshot = frame()
            if done(snapshot) { return snapshot }
            let left = deadline - ContinuousClock.now
            guard left > .zero, await nextChange(timeout: left) else { return done(frame()) ? model.snapshot() : nil }
        }
    }
}

extension BrowserSnapshot {
    /// The focused pane's table, if it shows one.
    var focusedTable: TableSnapshot? {
        guard body.panes.indices.contains(body.focusedIndex), case .table(let table) = body.panes[body.focusedIndex].content else { return nil }
        return table
    }

    var focusedPane: PaneSnapshot? { body.panes.indices.contains(body.focusedIndex) ? body.panes[body.focusedIndex] : nil }

    /// The table of the pane with this id.
    func table(_ id: String) -> TableSnapshot? {
        guard let pane = body.panes.first(where: { $0.id.rawValue == id }), case .table(let table) = pane.content else { return nil }
        return table
    }
}

extension FrameHarness {
    /// A browser over `size` generated invoices on a 200x60 cell buffer, started and drawn once
    /// (the customers list), with Lago's largest page size and no selection debounce: the
    /// starting point of the keystroke and memory scenarios.
    static func invoiceBrowser(size: Int, templates: [InvoiceTemplate], mutationDelay: Duration? = nil) async -> FrameHarness {
        var configuration = BrowserConfiguration()
        configuration.perPage = BenchListSource.pageSize
        configuration.selectionDebounce = .zero
        let session = BrowserSession(profile: ProfileInfo(name: "bench", environment: .test, readOnly: false, apiHost: "127.0.0.1"),
                                     dataSource: BenchListSource(count: size, templates: templates, mutationDelay: mutationDelay))
        let model = BrowserModel(session: session, configuration: configuration)
        let harness = FrameHarness(model: model, screen: CellBufferScreen(rows: 60, columns: 200))
        model.start()
        harness.frame()
        await model.idle()
        return harness
    }
}
