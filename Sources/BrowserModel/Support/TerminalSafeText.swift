/// Makes API-supplied text safe to hand to a terminal: every C0/C1 control character and DEL
/// (which could start an escape sequence) becomes a visible replacement, and newlines or tabs
/// become spaces so one cell value stays on one line. C0 controls and DEL show as their
/// Unicode control pictures (ESC as ␛), as the screen's own sanitiser does, so an operator
/// sees that a name holds an escape sequence rather than an anonymous �.
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
            default: out.append(isControl(scalar) ? picture(of: scalar) : scalar)
            }
        }
        return String(out)
    }

    /// ␀…␟ for C0 controls, ␡ for DEL, U+FFFD for C1 controls (they have no pictures).
    static func picture(of scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar.value {
        case 0x00...0x1F: return Unicode.Scalar(0x2400 + scalar.value) ?? "\u{FFFD}"
        case 0x7F: return "\u{2421}"
        default: return "\u{FFFD}"
        }
    }

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }
}
