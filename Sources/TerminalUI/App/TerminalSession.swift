import CNcursesw
import Dispatch
import Foundation

/// Options for a terminal session.
public struct TerminalOptions: Sendable {
    public var theme: Theme
    public var mouse: Bool
    public var environment: [String: String]

    public init(theme: Theme, mouse: Bool = false, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.theme = theme; self.mouse = mouse; self.environment = environment
    }
}

/// The run loop on the real terminal. The main actor owns ncurses; stdin is a dispatch read
/// source on the main queue; SIGWINCH, SIGINT, SIGTERM and SIGHUP arrive through a self-pipe
/// (a signal handler only writes one byte) and are handled on the main queue; renders are
/// coalesced to one per turn. The terminal is restored on every way out.
@MainActor
public final class TerminalSession: TerminalHost {
    private let screen: NcursesScreen
    private let app: any TerminalApplication
    private let environment: [String: String]
    private var decoder = InputDecoder()
    private var scheduler: RenderScheduler!
    private var sources: [any DispatchSourceProtocol] = []
    private var ticker: (any DispatchSourceTimer)?
    private var continuation: CheckedContinuation<Int32, Never>?
    private var finished = false
    private var exitStatus: Int32 = 0

    /// Starts a session on the controlling terminal. Call `TerminalPreflight.check()` first.
    public init(app: any TerminalApplication, options: TerminalOptions) throws(NcursesScreen.StartError) {
        self.app = app
        self.environment = options.environment
        CrashRestore.install()
        do {
            self.screen = try NcursesScreen(output: .terminal, theme: options.theme, environment: options.environment, mouse: options.mouse)
        } catch {
            CrashRestore.disarm()
            throw error
        }
        TerminalRestore.install(screen: screen)
        self.scheduler = RenderScheduler { [weak self] in self?.renderNow() }
    }

    /// Runs until the app quits or a terminating signal arrives; returns the exit status.
    /// The terminal is restored before this returns.
    public func run() async -> Int32 {
        installSignalPipe()
        let input = DispatchSource.makeReadSource(fileDescriptor: STDIN_FILENO, queue: .main)
        input.setEventHandler { [weak self] in MainActor.assumeIsolated { self?.readInput() } }
        input.resume()
        sources.append(input)
        app.attach(to: self)
        renderNow()
        let status = await withCheckedContinuation { (c: CheckedContinuation<Int32, Never>) in
            if finished { c.resume(returning: exitStatus) } else { continuation = c }
        }
        return status
    }

    public func setNeedsRender() { scheduler.request() }

    public var frameGlyphs: BoxGlyphs? { screen.theme.glyphs.box }

    public var chartPalette: ChartPalette { ChartPalette.resolve(colorMode: screen.colorMode, theme: screen.theme) }

    public func copyToClipboard(_ text: String) {
        guard let sequence = OSC52.sequence(copying: text, environment: environment) else { return }
        NcursesScreen.writeToTerminal(sequence)
    }

    public func quit(status: Int32) { finish(status: status) }

    private func finish(status: Int32) {
        guard !finished else { return }
        finished = true
        exitStatus = status
        for source in sources { source.cancel() }
        sources = []
        ticker?.cancel()
        ticker = nil
        screen.stop()
        TerminalRestore.needsRestore = false
        CrashRestore.disarm()
        SignalPipe.shared.uninstall()
        continuation?.resume(returning: status)
        continuation = nil
    }

    private func readInput() {
        let raw = screen.readInput()
        if raw.isEmpty {
            // Readable but nothing to read: if the terminal hung up, stop instead of spinning.
            var fd = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
            _ = poll(&fd, 1, 0)
            if fd.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 { finish(status: 129) }
            return
        }
        for key in decoder.decode(raw) {
            if key == .resize { continue }   // handled through SIGWINCH
            app.handle(key)
            if finished { return }
        }
        setNeedsRender()
    }

    private func renderNow() {
        guard !finished else { return }
        screen.clear()
        app.render(on: screen)
        screen.present()
        updateTicker()
    }

    private func updateTicker() {
        if app.isAnimating, ticker == nil {
            let timer = DispatchSource.makeTimerSource(queue: .main)
            timer.schedule(deadline: .now() + .milliseconds(100), repeating: .milliseconds(100))
            timer.setEventHandler { [weak self] in
                MainActor.assumeIsolated {
                    guard let self else { return }
                    self.app.tick()
                    self.setNeedsRender()
                    if !self.app.isAnimating { self.ticker?.cancel(); self.ticker = nil }
                }
            }
            timer.resume()
            ticker = timer
        }
    }

    private func installSignalPipe() {
        guard let readFD = SignalPipe.shared.install() else { return }
        let source = DispatchSource.makeReadSource(fileDescriptor: readFD, queue: .main)
        source.setEventHandler { [weak self] in
            MainActor.assumeIsolated {
                for signal in SignalPipe.shared.drain() { self?.handleSignal(signal) }
            }
        }
        source.resume()
        sources.append(source)
    }

    private func updateSizeFromTerminal() {
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_row > 0, size.ws_col > 0 {
            screen.resize(rows: Int(size.ws_row), columns: Int(size.ws_col))
        }
    }

    private func handleSignal(_ signal: Int32) {
        if signal == SIGCONT {
            // Back from ctrl-z: the size may have changed while we were stopped, and the
            // screen holds whatever the shell drew. Repaint everything.
            updateSizeFromTerminal()
            screen.forceFullRepaint()
            app.handle(.resize)
            renderNow()
        } else if signal == SIGWINCH {
            updateSizeFromTerminal()
            app.handle(.resize)
            renderNow()   // at once, not on the next turn: the old frame is garbage now
        } else {
            finish(status: 128 + signal)
        }
    }
}

/// Restores the terminal if the process exits while ncurses is active (an `exit()` from
/// anywhere, a fatal error in our code that calls exit), via `atexit`.
@MainActor
enum TerminalRestore {
    private static var active: NcursesScreen?
    private static var registered = false

    static func install(screen: NcursesScreen) {
        active = screen
        needsRestore = true
        if !registered {
            registered = true
            atexit { if TerminalRestore.needsRestore { endwin() } }
        }
    }

    nonisolated(unsafe) static var needsRestore = true
}

/// The self-pipe that turns signals into main-queue events: the handler only calls `write`,
/// which is async-signal-safe.
final class SignalPipe: @unchecked Sendable {
    static let shared = SignalPipe()
    private var fds: [Int32] = [-1, -1]
    static let handled: [Int32] = [SIGWINCH, SIGCONT, SIGINT, SIGTERM, SIGHUP]

    func install() -> Int32? {
        guard pipe(&fds) == 0 else { return nil }
        _ = fcntl(fds[0], F_SETFL, fcntl(fds[0], F_GETFL) | O_NONBLOCK)
        _ = fcntl(fds[1], F_SETFL, fcntl(fds[1], F_GETFL) | O_NONBLOCK)
        signalPipeWriteFD = fds[1]
        for sig in Self.handled {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { signal in
                var byte = UInt8(truncatingIfNeeded: signal)
                _ = write(signalPipeWriteFD, &byte, 1)
            }
            sigemptyset(&action.sa_mask)
            action.sa_flags = SA_RESTART
            sigaction(sig, &action, nil)
        }
        return fds[0]
    }

    func uninstall() {
        for sig in Self.handled { signal(sig, SIG_DFL) }
        signalPipeWriteFD = -1
        for fd in fds where fd >= 0 { close(fd) }
        fds = [-1, -1]
    }

    func drain() -> [Int32] {
        var signals: [Int32] = []
        var buffer = [UInt8](repeating: 0, count: 64)
        while true {
            let n = read(fds[0], &buffer, buffer.count)
            if n <= 0 { break }
            signals.append(contentsOf: buffer.prefix(n).map { Int32($0) })
        }
        // Several SIGWINCH in one batch need one re-layout.
        var seen = Set<Int32>()
        return signals.filter { seen.insert($0).inserted }
    }
}

/// Write end of the signal pipe, read by the signal handler (a plain global: handlers cannot capture).
nonisolated(unsafe) var signalPipeWriteFD: Int32 = -1
