import Foundation

/// Last-resort terminal restore for crashes (a Swift trap is SIGILL or SIGTRAP, a bad access
/// SIGSEGV/SIGBUS, an abort SIGABRT): the handler puts back the terminal modes saved before
/// ncurses started, leaves the alternate screen, shows the cursor and turns bracketed paste
/// off — only async-signal-safe calls (`tcsetattr`, `write`) — then re-raises the signal with
/// its default action so the crash is still reported.
enum CrashRestore {
    static let fatalSignals: [Int32] = [SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGABRT, SIGFPE]

    /// Saves the terminal's current modes and installs the handlers. Call before ncurses starts.
    /// The previous handlers (Swift's backtracer) are kept and run after the restore.
    static func install() {
        guard tcgetattr(STDIN_FILENO, &crashSavedModes) == 0 else { return }
        crashRestoreArmed = 1
        for sig in fatalSignals {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { signal in
                if crashRestoreArmed == 1 {
                    crashRestoreArmed = 0
                    _ = tcsetattr(STDIN_FILENO, TCSANOW, &crashSavedModes)
                    let reset: StaticString = "\u{1B}[?2004l\u{1B}[?1000l\u{1B}[?1049l\u{1B}[?25h\u{1B}[0m\r\n"
                    _ = write(STDOUT_FILENO, reset.utf8Start, reset.utf8CodeUnitCount)
                }
                // Hand the signal to whoever had it before (Swift's backtracer, or the default
                // action): it is blocked while we run, so it is delivered when we return.
                if signal >= 0, signal < 65 {
                    withUnsafePointer(to: &crashPreviousActions.0) { base in
                        var previous = base.advanced(by: Int(signal)).pointee
                        _ = sigaction(signal, &previous, nil)
                    }
                }
                raise(signal)
            }
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0
            withUnsafeMutablePointer(to: &crashPreviousActions.0) { base in
                _ = sigaction(sig, &action, base.advanced(by: Int(sig)))
            }
        }
    }

    /// Disarms the handlers once ncurses has restored the terminal itself.
    static func disarm() {
        guard crashRestoreArmed == 1 else { return }
        crashRestoreArmed = 0
        for sig in fatalSignals {
            withUnsafeMutablePointer(to: &crashPreviousActions.0) { base in _ = sigaction(sig, base.advanced(by: Int(sig)), nil) }
        }
    }
}

/// Terminal modes before ncurses started, read by the crash handler (handlers cannot capture).
nonisolated(unsafe) var crashSavedModes = termios()
/// The handlers installed before ours, by signal number (a tuple: fixed storage, no allocation
/// in the handler).
nonisolated(unsafe) var crashPreviousActions: (sigaction, sigaction, sigaction, sigaction, sigaction, sigaction, sigaction, sigaction,
                                               sigaction, sigaction, sigaction, sigaction, sigaction, sigaction, sigaction, sigaction,
                                               sigaction, sigaction, sigaction, sigaction, sigaction, sigaction, sigaction, sigaction,
                                               sigaction, sigaction, sigaction, sigaction, sigaction, sigaction, sigaction, sigaction,
                                               sigaction, sigaction, sigaction, sigaction, sigaction, sigaction, sigaction, sigaction,
                                               sigaction, sigaction, sigaction, sigaction, sigaction, sigaction, sigaction, sigaction,
                                               sigaction, sigaction, sigaction, sigaction, sigaction, sigaction, sigaction, sigaction,
                                               sigaction, sigaction, sigaction, sigaction, sigaction, sigaction, sigaction, sigaction,
                                               sigaction) = (
    sigaction(), sigaction(), sigaction(), sigaction(), sigaction(), sigaction(), sigaction(), sigaction(),
    sigaction(), sigaction(), sigaction(), sigaction(), sigaction(), sigaction(), sigaction(), sigaction(),
    sigaction(), sigaction(), sigaction(), sigaction(), sigaction(), sigaction(), sigaction(), sigaction(),
    sigaction(), sigaction(), sigaction(), sigaction(), sigaction(), sigaction(), sigaction(), sigaction(),
    sigaction(), sigaction(), sigaction(), sigaction(), sigaction(), sigaction(), sigaction(), sigaction(),
    sigaction(), sigaction(), sigaction(), sigaction(), sigaction(), sigaction(), sigaction(), sigaction(),
    sigaction(), sigaction(), sigaction(), sigaction(), sigaction(), sigaction(), sigaction(), sigaction(),
    sigaction(), sigaction(), sigaction(), sigaction(), sigaction(), sigaction(), sigaction(), sigaction(),
    sigaction())
/// 1 while the crash handler should restore the terminal.
nonisolated(unsafe) var crashRestoreArmed: Int32 = 0
