import Foundation

/// Clipboard copy through the terminal (OSC 52): works over SSH because the terminal, not the
/// remote host, owns the clipboard. Inside tmux and GNU screen the sequence is wrapped in their
/// passthrough so it reaches the outer terminal (tmux needs `set -g allow-passthrough on` or
/// `set-clipboard on`, its default since 3.3 for OSC 52).
public enum OSC52 {
    /// Largest payload sent; terminals drop longer ones silently.
    public static let maxBytes = 74_994

    /// The escape sequence that copies `text`, or nil when it is too long.
    public static func sequence(copying text: String, environment: [String: String]) -> String? {
        let data = Data(text.utf8)
        guard data.count <= maxBytes else { return nil }
        let osc = "\u{1B}]52;c;\(data.base64EncodedString())\u{07}"
        if let tmux = environment["TMUX"], !tmux.isEmpty {
            return "\u{1B}Ptmux;" + osc.replacingOccurrences(of: "\u{1B}", with: "\u{1B}\u{1B}") + "\u{1B}\\"
        }
        if environment["TERM"]?.hasPrefix("screen") == true {
            return "\u{1B}P" + osc + "\u{1B}\\"
        }
        return osc
    }
}
