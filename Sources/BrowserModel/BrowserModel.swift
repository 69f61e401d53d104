import Foundation
import LagoAPI

/// The browser's behaviour, without a terminal: a navigation stack of screens made of panes,
/// the `:` command line and `/` filter, the action registry with confirmation dialogs, live
/// usage polling and background downloads. The front end calls `handle(_:)` for every key
/// or command, draws `snapshot()`, and drains `takeEffects()`. Everything runs on the main
/// actor; all I/O goes through the `BrowserDataSource`, and time through the `BrowserClock`.
@MainActor
public final class BrowserModel {
    // MARK: public state

    /// The registry in force (read-only removes dangerous actions).
    public private(set) var registry: ActionRegistry
    /// Bindings after the user's remapping.
    public private(set) var keyMap: KeyMap
    /// Problems found in the user's key bindings, reported at start and in help.
    public var keyBindingProblems: [String] { keyMap.conflicts }
    /// The active profile.
    public private(set) var profile: ProfileInfo
    /// Called after any state change, so the front end can schedule a redraw.
    public var onChange: (@MainActor () -> Void)?

    // MARK: internals

    let env: PaneEnvironment
    let tracker: BusyTracker
    var stack: [BrowserScreen] = []
    var prompt: PromptState?
    var dialog: DialogState?
    var helpOpen = false
    var helpScroll = 0
    var toasts: [Toast] = []
    var nextToastID = 1
    var tasks: [TaskSnapshot] = []
    var nextTaskID = 1
    var effects: [BrowserEffect] = []
    var history = CommandHistory()
    var inFlight: Set<String> = []
    var rechecking: Set<String> = []
    /// Records whose re-read after an unknown outcome failed: their actions stay disabled and
    /// ctrl-r tries the re-read again, so nothing is offered on a possibly stale status.
    var pendingRechecks: [String: SelectedRecord] = [:]
    var sortMemory: [String: SortSpec] = [:]
    /// The payment or portal URL `L` last copied, and whose it is (`o` opens it).
    var lastLink: (recordID: String, url: URL)?
    /// The bulk run under way, if any.
    var bulkRun: BulkRunState?
    /// The last bulk run's result table (`:w FILE` saves it).
    var lastBulkResults: [BulkResult]?
    var terminalVisible = true
    var selectionTimer: (any BrowserTimer)?
    var started = false
    /// Viewport sizes the front end reported, applied to panes created later too.
    var viewportHints: [PaneID: Int] = [:]
    /// Retries failed loads by itself with back-off, so lists recover when Lago does.
    lazy var recovery = RecoveryScheduler(clock: env.clock, initialDelay: env.configuration.recoveryInitialDelay,
                                          maximumDelay: env.configuration.recoveryMaximumDelay) { [weak self] in self?.retryFailedLoads() }

    /// A browser for `session`. Nothing is fetched until `start()`.
    public init(session: BrowserSession, configuration: BrowserConfiguration = BrowserConfiguration(),
                clock: any BrowserClock = SystemBrowserClock()) {
        tracker = BusyTracker()
        env = PaneEnvironment(dataSource: session.dataSource, tracker: tracker, clock: clock, configuration: configuration)
        profile = session.profile
        registry = ActionRegistry(readOnly: session.profile.readOnly)
        keyMap = KeyMap(registry: registry, overrides: configuration.keyBindings)
        env.changed = { [weak self] in self?.onChange?() }
        tracker.onChange = { [weak self] _ in self?.onChange?() }
        env.onLoadSucceeded = { [weak self] in self?.loadSucceeded() }
        env.onLoadFailed = { [weak self] error in self?.loadFailed(error) }
    }

    /// Opens the dashboard and starts loading customers. Key-binding problems are shown as a
    /// warning toast.
    public func start() {
        guard !started else { return }
        started = true
        if !keyMap.conflicts.isEmpty {
            toast(.warning, "Key bindings: " + keyMap.conflicts.joined(separator: "; "), sticky: true)
        }
        push(makeDashboard())
    }

    /// Replaces the profile and data source (after `:profile` was answered by the host):
    /// the stack is rebuilt from the dashboard; read-only and key bindings are recomputed.
    public func replaceSession(_ session: BrowserSession) {
        for screen in stack { screen.setVisible(false) }
        stack = []
        env.dataSource = session.dataSource
        profile = session.profile
        registry = ActionRegistry(readOnly: session.profile.readOnly)
        keyMap = KeyMap(registry: registry, overrides: env.configuration.keyBindings)
        inFlight = []
        rechecking = []
        pendingRechecks = [:]
        dialog = nil
        prompt = nil
        env.apiStatus = nil
        recovery.cancel()
        push(makeDashboard())
        toast(.info, "Switched to profile \(session.profile.name)")
    }

    /// Shows a message from the host (e.g. a profile switch that failed, a clipboard that is
    /// unavailable). Errors stay until dismissed.
    public func notify(_ message: String, level: Toast.Level = .info) {
        toast(level, message)
    }

    /// Returns once no request or background task is running.
    public func idle() async { await tracker.idle() }

    /// True while any request or background task runs.
    public var isBusy: Bool { tracker.isBusy }

    /// Takes the pending host effects (clipboard, browser, profile switch, quit).
    public func takeEffects() -> [BrowserEffect] {
        defer { effects = [] }
        return effects
    }

    /// Handles one key press.
    public func handle(_ key: KeyPress) {
        if dialog != nil { dialogKey(key) }
        else if helpOpen { helpKey(key) }
        else if prompt != nil { promptKey(key) }
        else if let action = keyMap.action(for: key, in: activeScopes) { perform(action) }
        changed()
    }

    /// Handles a front-end command.
    public func handle(_ command: BrowserCommand) {
        switch command {
        case let .key(k): handle(k); return
        case let .action(a): perform(a)
        case let .run(text): runCommandLine(text)
        case let .setFilter(text): (top?.focused as? ListPane)?.setFilter(text)
        case let .serverSearch(term): serverSearch(term)
        case let .viewport(id, rows):
            viewportHints[id] = max(1, rows)
            pane(id)?.viewportRows = max(1, rows)
        case let .select(id, row):
            if let top, let i = top.panes.firstIndex(where: { $0.id == id }) {
                top.focus = i
                top.panes[i].select(row: row)
            }
        case let .focus(id):
            if let top, let i = top.panes.firstIndex(where: { $0.id == id }) { top.focus = i }
        case let .dismissToast(id):
            if let id { toasts.removeAll { $0.id == id } } else { toasts.removeAll() }
        case let .terminalVisible(v):
            terminalVisible = v
            top?.setVisible(v)
        }
        changed()
    }

    // MARK: helpers

    var top: BrowserScreen? { stack.last }

    var activeScopes: Set<ActionScope> {
        var s: Set<ActionScope> = [.global]
        if let pane = top?.focused { s.formUnion(pane.scopes) }
        return s
    }

    func pane(_ id: PaneID) -> (any Pane)? {
        for screen in stack.reversed() { if let p = screen.panes.first(where: { $0.id == id }) { return p } }
        return nil
    }

    func changed() { onChange?() }

    /// Shows a toast; non-sticky ones disappear after 6 seconds.
    func toast(_ level: Toast.Level, _ text: String, sticky: Bool = false) {
        let id = nextToastID
        nextToastID += 1
        let sticky = sticky || level == .error
        toasts.append(Toast(id: id, level: level, text: TextSanitizer.clean(text), sticky: sticky))
        if toasts.count > 5 { toasts.removeFirst(toasts.count - 5) }
        if !sticky {
            _ = env.clock.schedule(after: .seconds(6)) { [weak self] in
                self?.toasts.removeAll { $0.id == id }
                self?.changed()
            }
        }
        changed()
    }
}
