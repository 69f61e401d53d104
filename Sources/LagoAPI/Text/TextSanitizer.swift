/// The one answer to "may this text reach a terminal as it is?". Everything that came from the
/// API, a cache, a file or the command line is untrusted: C0 and C1 controls, ESC, DEL,
/// bidirectional marks, embeddings, overrides and isolates, line and paragraph separators,
/// zero-width and invisible format characters are hazards, so a customer named "\u{1B}]52;…"
/// can neither move the cursor, rewrite the clipboard nor reorder the columns around it.
///
/// One predicate, ``isHazard(_:)``, and three renderings of it: control pictures for the cell
/// buffer (``sanitize(_:)``), the same on one line for list cells and titles (``clean(_:)``),
/// and caret / `<U+XXXX>` notation for text printed outside the cell buffer, such as errors on
/// stderr and `get --output table` (``printable(_:)``). It lives in LagoAPI, the module every
/// other one imports (the browser model, the terminal UI and the command line alike).
public enum TextSanitizer {
    /// Placeholder for C1 controls, bidi controls and other invisible hazards.
    public static let replacement: Character = "\u{FFFD}"

    /// Whether a scalar must never reach the terminal as itself.
    public static func isHazard(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F, 0x80...0x9F: return true                    // C0, DEL, C1
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return true   // bidi marks, embeddings, overrides, isolates
        // Zero-width space and non-joiner, word joiner and invisible operators, BOM. The zero-width
        // joiner U+200D is not one: it binds emoji sequences such as 👩‍💻 and cannot move text.
        case 0x200B, 0x200C, 0x2060...0x2065, 0xFEFF: return true
        case 0x2028, 0x2029, 0xFFF9...0xFFFB: return true                   // line/paragraph separators, annotations
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
        rendering(text) { scalar, out in out.append(contentsOf: placeholder(for: scalar).unicodeScalars) }
    }

    /// The sanitised text on one line, for a cell, a title or a toast: newlines and tabs become
    /// spaces, every other hazard its placeholder.
    public static func clean(_ text: String) -> String {
        rendering(text) { scalar, out in
            switch scalar {
            case "\n", "\r", "\t": out.append(" ")
            default: out.append(contentsOf: placeholder(for: scalar).unicodeScalars)
            }
        }
    }

    /// The text in the caret / `<U+XXXX>` form the command-line output uses (`^[` for ESC, `^?`
    /// for DEL, `<U+202E>` for a bidi override), for messages printed outside the cell buffer
    /// such as errors on stderr.
    public static func printable(_ text: String) -> String {
        rendering(text) { scalar, out in
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
    }

    /// ``printable(_:)`` of at most `limit` characters of `text`, with "…" when it was longer:
    /// how a value the user typed is quoted back in an error message.
    public static func printable(_ text: String, clippedTo limit: Int) -> String {
        printable(clipped(text, to: limit))
    }

    /// ``clean(_:)`` cut to at most `limit` characters (the last one "…" when it was longer):
    /// a server's or a file's text as one line of an error message.
    public static func clean(_ text: String, clippedTo limit: Int) -> String {
        let line = clean(text)
        return line.count > limit ? clipped(line, to: limit - 1) : line
    }

    private static func clipped(_ text: String, to limit: Int) -> String {
        text.count > limit ? String(text.prefix(limit)) + "…" : text
    }

    /// Sanitised text split into lines (for multi-line values such as JSON or memos): LF and
    /// CRLF end lines, every other control becomes a placeholder; tabs expand to two spaces.
    public static func sanitizedLines(_ text: String) -> [String] {
        text.replacingCRLF().split(separator: "\n", omittingEmptySubsequences: false).map {
            sanitize(String($0).replacingTabs())
        }
    }

    /// `text` with every hazard replaced by what `render` appends; the same string when it has none.
    private static func rendering(_ text: String, _ render: (Unicode.Scalar, inout String.UnicodeScalarView) -> Void) -> String {
        if !text.unicodeScalars.contains(where: isHazard) { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isHazard(scalar) { render(scalar, &out) } else { out.append(scalar) }
        }
        return String(out)
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
