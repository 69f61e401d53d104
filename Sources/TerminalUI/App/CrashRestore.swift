import Foundation

/// Last-resort terminal restore for crashes (a Swift trap is SIGILL or SIGTRAP, a bad access
/// SIGSEGV/SIGBUS, an abort SIGABRT): the handler puts back the terminal modes saved before
/// ncurses started, leaves the alternate screen, shows the cursor and turns bracketed paste
/// off — only async-signal-safe calls (`tcsetattr`, `write`) — then re-raises the signal with
/// its default action so the crash is still reported.
enum CrashRestore {
    static let fatalSignals: [Int32] = [SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGABRT, SIGFPE]

    /// Saves the terminal's current modes and installs the handlers. Call before ncurses starts.
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
                Foundation.signal(signal, SIG_DFL)
                raise(signal)
            }
            sigemptyset(&action.sa_mask)
            action.sa_flags = Int32(SA_RESETHAND)
            sigaction(sig, &action, nil)
        }
    }

    /// Disarms the handlers once ncurses has restored the terminal itself.
    static func disarm() {
        crashRestoreArmed = 0
        for sig in fatalSignals { signal(sig, SIG_DFL) }
    }
}

/// Terminal modes before ncurses started, read by the crash handler (handlers cannot capture).
nonisolated(unsafe) var crashSavedModes = termios()
/// 1 while the crash handler should restore the terminal.
nonisolated(unsafe) var crashRestoreArmed: Int32 = 0
