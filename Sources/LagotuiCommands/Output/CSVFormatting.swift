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
        needsFormulaQuote(text.utf8) ? "'" + text : text
    }

    /// Whether a text cell (its UTF-8) starts as a formula would: `=`, `+`, `-`, `@`, TAB or CR,
    /// unless it is a plain decimal number. The one place the formula rule is spelled, for
    /// strings and for the bytes the CSV writer takes straight from a record.
    static func needsFormulaQuote<Bytes: Collection>(_ utf8: Bytes) -> Bool where Bytes.Element == UInt8 {
        guard let first = utf8.first else { return false }
        switch first {
        case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D:
            return !isPlainDecimal(utf8)
        default:
            return false
        }
    }

    /// `-12`, `-12.50`, `+3`: numbers a spreadsheet reads as numbers, never as formulas.
    static func isPlainDecimal<Bytes: Collection>(_ utf8: Bytes) -> Bool where Bytes.Element == UInt8 {
        var rest = utf8[...]
        if let first = rest.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") { rest = rest.dropFirst() }
        var digits = 0, dots = 0
        var last: UInt8?
        for byte in rest {
            last = byte
            if byte == UInt8(ascii: ".") {
                dots += 1
                if dots > 1 { return false }
            } else if byte >= 0x30, byte <= 0x39 {
                digits += 1
            } else {
                return false
            }
        }
        return digits > 0 && last != UInt8(ascii: ".")
    }

    static func isPlainDecimal(_ text: String) -> Bool { isPlainDecimal(text.utf8) }

    /// One field quoted as RFC 4180 requires.
    public static func quote(_ cell: String) -> String {
        var out: [UInt8] = []
        Array(cell.utf8).withUnsafeBufferPointer { appendQuoted($0, to: &out) }
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends one field's UTF-8 bytes, quoted when they hold a comma, quote, CR or LF (quotes doubled).
    static func appendQuoted(_ cell: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        var plain = true
        for byte in cell where byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\"") || byte == 0x0A || byte == 0x0D {
            plain = false
            break
        }
        guard !plain else {
            out.append(contentsOf: cell)
            return
        }
        out.append(UInt8(ascii: "\""))
        for byte in cell {
            out.append(byte)
            if byte == UInt8(ascii: "\"") { out.append(byte) }
        }
        out.append(UInt8(ascii: "\""))
    }

    /// A whole row, CRLF-terminated.
    public static func row(_ cells: [String]) -> String {
        cells.map(quote).joined(separator: ",") + "\r\n"
    }
}
