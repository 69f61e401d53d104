import Foundation
import LagoAPI

/// How one exported record becomes one CSV row.
///
/// * Nested objects are flattened with dotted column names (`customer.external_id`).
/// * Arrays stay whole, as compact JSON in one cell (`taxes`, `metadata`): a record's list of
///   fee lines or metadata pairs would otherwise explode into thousands of columns.
/// * `null` is an empty cell; booleans are `true`/`false`; numbers keep the API's exact text.
/// * Formula injection: a text cell starting with `=`, `+`, `-`, `@`, TAB or CR is prefixed with a
///   single quote (`'=1+1`) so spreadsheets show it as text instead of evaluating it (OWASP's
///   advice). Plain decimal numbers sent as strings (`"-12.5"`) are left alone.
/// * Quoting follows RFC 4180: cells holding a comma, quote, CR or LF are quoted, quotes doubled;
///   rows end with CRLF.
public enum CSVFormatting {
    /// The flattened `(column, cell)` pairs of a record, in the record's own key order.
    public static func flatten(_ record: JSONValue) -> [(column: String, cell: String)] {
        var out: [(column: String, cell: String)] = []
        switch record {
        case let .object(members):
            for member in members { flatten(member.value, prefix: member.key, into: &out) }
        default:
            out.append(("value", cellText(record)))
        }
        return out
    }

    private static func flatten(_ value: JSONValue, prefix: String, into out: inout [(column: String, cell: String)]) {
        switch value {
        case let .object(members) where !members.isEmpty:
            for member in members { flatten(member.value, prefix: prefix + "." + member.key, into: &out) }
        default:
            out.append((prefix, cellText(value)))
        }
    }

    /// The unescaped text of one cell.
    static func cellText(_ value: JSONValue) -> String {
        switch value {
        case .null: return ""
        case let .bool(b): return b ? "true" : "false"
        case let .number(n): return n
        case let .string(s): return neutraliseFormula(s)
        case .array, .object: return value.compactText
        }
    }

    /// Prefixes a quote to text a spreadsheet would otherwise evaluate as a formula.
    public static func neutraliseFormula(_ text: String) -> String {
        guard let first = text.unicodeScalars.first else { return text }
        switch first {
        case "=", "+", "-", "@", "\t", "\r":
            if isPlainDecimal(text) { return text }
            return "'" + text
        default:
            return text
        }
    }

    /// `-12`, `-12.50`, `+3`: numbers a spreadsheet reads as numbers, never as formulas.
    static func isPlainDecimal(_ text: String) -> Bool {
        var scalars = Substring(text).unicodeScalars[...]
        if let first = scalars.first, first == "-" || first == "+" { scalars = scalars.dropFirst() }
        var digits = 0, dots = 0
        for s in scalars {
            if s == "." { dots += 1; if dots > 1 { return false } } else if ("0"..."9").contains(s) { digits += 1 } else { return false }
        }
        return digits > 0 && scalars.last != "."
    }

    /// One field quoted as RFC 4180 requires.
    public static func quote(_ cell: String) -> String {
        if cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) {
            return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return cell
    }

    /// A whole row, CRLF-terminated.
    public static func row(_ cells: [String]) -> String {
        cells.map(quote).joined(separator: ",") + "\r\n"
    }
}
