/// Turns untrusted text (everything that came from the API, a cache or a file) into text that
/// is safe to draw: C0 and C1 controls, ESC, DEL, bidirectional overrides and isolates and line
/// separators become visible placeholders, so a customer named "\u{1B}]52;…" can neither move
/// the cursor, rewrite the clipboard nor reorder the columns around it.
public enum TextSanitizer {
    /// Placeholder for C1 controls, bidi controls and other invisible hazards.
    public static let replacement: Character = "\u{FFFD}"

    /// Whether a scalar must never reach the terminal as itself.
    public static func isHazard(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F, 0x80...0x9F: return true
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return true   // bidi marks, embeddings, overrides, isolates
        case 0x2028, 0x2029, 0xFFF9...0xFFFB: return true                          // line/paragraph separators, annotations
        default: return false
        }
    }

    /// The visible placeholder for a hazardous scalar: the Unicode "control picture" for C0
    /// controls and DEL (␛ for ESC, ␊ for LF…) and U+FFFD for everything else.
    public static func placeholder(for scalar: Unicode.Scalar) -> Character {
        switch scalar.value {
        case 0x00...0x1F: return Character(Unicode.Scalar(0x2400 + scalar.value)!)
        case 0x7F: return "\u{2421}"
        default: return replacement
        }
    }

    /// The sanitised text; unchanged (and not copied) when it holds nothing hazardous.
    public static func sanitize(_ text: String) -> String {
        if !text.unicodeScalars.contains(where: isHazard) { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isHazard(scalar) {
                scalars.append(contentsOf: placeholder(for: scalar).unicodeScalars)
            } else {
                scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    /// The text in the caret / `<U+XXXX>` form the command-line output uses (`^[` for ESC, `^?`
    /// for DEL, `<U+202E>` for a bidi override), for messages printed outside the cell buffer
    /// such as errors on stderr.
    public static func printable(_ text: String) -> String {
        if !text.unicodeScalars.contains(where: isHazard) { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            guard isHazard(scalar) else { out.append(scalar); continue }
            switch scalar.value {
            case 0x00...0x1F:
                out.append("^")
                out.append(Unicode.Scalar(UInt8(scalar.value + 0x40)))
            case 0x7F:
                out.append(contentsOf: "^?".unicodeScalars)
            default:
                let hex = String(scalar.value, radix: 16, uppercase: true)
                out.append(contentsOf: ("<U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + ">").unicodeScalars)
            }
        }
        return String(out)
    }

    /// Sanitised text split into lines (for multi-line values such as JSON or memos): LF and
    /// CRLF end lines, every other control becomes a placeholder; tabs expand to two spaces.
    public static func sanitizedLines(_ text: String) -> [String] {
        text.replacingCRLF().split(separator: "\n", omittingEmptySubsequences: false).map {
            sanitize(String($0).replacingTabs())
        }
    }
}

extension String {
    fileprivate func replacingCRLF() -> String {
        guard contains("\r\n") else { return self }
        return split(separator: "\r\n", omittingEmptySubsequences: false).joined(separator: "\n")
    }

    fileprivate func replacingTabs() -> String {
        guard contains("\t") else { return self }
        return split(separator: "\t", omittingEmptySubsequences: false).joined(separator: "  ")
    }
}
