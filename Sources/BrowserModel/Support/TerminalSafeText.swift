/// Makes API-supplied text safe to hand to a terminal: every C0/C1 control character and DEL
/// (which could start an escape sequence) becomes a visible replacement, and newlines or tabs
/// become spaces so one cell value stays on one line.
public enum TerminalSafeText {
    /// `text` with control characters neutralised; printable Unicode (CJK, emoji) is kept.
    public static func clean(_ text: String) -> String {
        var needs = false
        for scalar in text.unicodeScalars where isControl(scalar) { needs = true; break }
        guard needs else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n", "\r", "\t": out.append(" ")
            default: out.append(isControl(scalar) ? "\u{FFFD}" : scalar)
            }
        }
        return String(out)
    }

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }
}
