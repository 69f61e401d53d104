/// Makes text from the API inert before it reaches a terminal: C0 controls (ESC, BEL, CR, …)
/// are shown in caret notation (`^[`), DEL as `^?`, and C1 controls, bidi overrides/isolates and
/// other invisible format characters as `<U+XXXX>`. A customer named "\e]52;c;…\a" therefore
/// prints as text and cannot write the clipboard, move the cursor or retitle the window.
public enum TerminalSanitizer {
    /// The sanitised form of `text`; printable text passes through unchanged.
    public static func sanitize(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            guard needsEscape(scalar) else { out.append(scalar); continue }
            let value = scalar.value
            if value < 0x20 {
                out.append("^")
                out.append(Unicode.Scalar(UInt8(value + 0x40)))
            } else if value == 0x7F {
                out.append(contentsOf: "^?".unicodeScalars)
            } else {
                let hex = String(value, radix: 16, uppercase: true)
                out.append(contentsOf: ("<U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + ">").unicodeScalars)
            }
        }
        return String(out)
    }

    /// Whether a scalar must not reach the terminal as itself.
    public static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F, 0x80...0x9F: return true
        case 0x061C, 0x200B...0x200F, 0x2028...0x202E, 0x2060...0x2069, 0xFEFF, 0xFFF9...0xFFFB: return true
        default: return false
        }
    }
}
