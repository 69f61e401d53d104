import Foundation

/// What doctor reports about the terminal: TERM, colours, UTF-8 locale and size.
public struct TerminalProbe: Sendable {
    public var environment: [String: String]

    public init(environment: [String: String]) { self.environment = environment }

    public func checks() -> [DoctorCheck] {
        var out: [DoctorCheck] = []
        let term = environment["TERM"] ?? ""
        if term.isEmpty {
            out.append(DoctorCheck(.warn, "terminal", "TERM is not set", advice: "export TERM=xterm-256color"))
        } else if term == "dumb" {
            out.append(DoctorCheck(.warn, "terminal", "TERM=dumb cannot draw the browser", advice: "use a real terminal (xterm-256color)"))
        } else {
            out.append(DoctorCheck(.ok, "terminal", "TERM=\(term)"))
        }
        if environment["NO_COLOR"].map({ !$0.isEmpty }) == true {
            out.append(DoctorCheck(.ok, "colours", "NO_COLOR is set: monochrome"))
        } else if term.contains("256color") || ["truecolor", "24bit"].contains(environment["COLORTERM"] ?? "") {
            out.append(DoctorCheck(.ok, "colours", "256 colours or more"))
        } else if term.isEmpty || term == "dumb" {
            out.append(DoctorCheck(.warn, "colours", "unknown", advice: "set TERM=xterm-256color for the full theme"))
        } else {
            out.append(DoctorCheck(.warn, "colours", "\(term) may offer only 8 colours", advice: "set TERM=xterm-256color if your terminal supports it"))
        }
        let locale = environment["LC_ALL"].flatMap { $0.isEmpty ? nil : $0 }
            ?? environment["LC_CTYPE"].flatMap { $0.isEmpty ? nil : $0 }
            ?? environment["LANG"] ?? ""
        if locale.lowercased().contains("utf-8") || locale.lowercased().contains("utf8") {
            out.append(DoctorCheck(.ok, "locale", locale))
        } else {
            out.append(DoctorCheck(.warn, "locale", locale.isEmpty ? "no locale set" : "\(locale) is not UTF-8",
                                   advice: "export LANG=C.UTF-8 so names and box lines draw correctly"))
        }
        if let size = TerminalProbe.windowSize() {
            if size.columns < 80 || size.rows < 24 {
                out.append(DoctorCheck(.warn, "size", "\(size.columns)x\(size.rows)", advice: "80x24 or larger shows every column"))
            } else {
                out.append(DoctorCheck(.ok, "size", "\(size.columns)x\(size.rows)"))
            }
        } else {
            out.append(DoctorCheck(.warn, "size", "not attached to a terminal", advice: "the browser needs a terminal; headless commands work anywhere"))
        }
        return out
    }

    /// The size of the controlling terminal (stdout, stderr, stdin, then /dev/tty).
    public static func windowSize() -> (columns: Int, rows: Int)? {
        var size = winsize()
        for fd in [STDOUT_FILENO, STDERR_FILENO, STDIN_FILENO] where isatty(fd) == 1 {
            if ioctl(fd, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return (Int(size.ws_col), Int(size.ws_row)) }
        }
        let tty = open("/dev/tty", O_RDONLY | O_NOCTTY)
        guard tty >= 0 else { return nil }
        defer { close(tty) }
        if ioctl(tty, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return (Int(size.ws_col), Int(size.ws_row)) }
        return nil
    }
}
