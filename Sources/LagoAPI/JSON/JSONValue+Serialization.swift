import Foundation

extension JSONValue {
    /// Compact JSON text (no insignificant whitespace), members in their stored order.
    public var compactText: String {
        var out = ""
        write(into: &out, indent: nil)
        return out
    }

    /// Compact JSON bytes.
    public var compactData: Data { Data(compactText.utf8) }

    /// Pretty JSON text with two-space indentation, keys in their original order.
    public func prettyPrinted() -> String {
        var out = ""
        write(into: &out, indent: 0)
        return out
    }

    /// Writes the value; `indent` is the nesting level for pretty text, nil for compact text.
    func write(into out: inout String, indent: Int?) {
        switch self {
        case .null: out += "null"
        case let .bool(b): out += b ? "true" : "false"
        case let .number(n): out += n
        case let .string(s): JSONValue.writeString(s, into: &out)
        case let .array(items):
            writeContainer(items, open: "[", close: "]", into: &out, indent: indent) { item, out, inner in
                item.write(into: &out, indent: inner)
            }
        case let .object(members):
            writeContainer(members, open: "{", close: "}", into: &out, indent: indent) { member, out, inner in
                JSONValue.writeString(member.key, into: &out)
                out += inner == nil ? ":" : ": "
                member.value.write(into: &out, indent: inner)
            }
        }
    }

    private func writeContainer<Element>(_ elements: [Element], open: String, close: String, into out: inout String, indent: Int?,
                                         element: (Element, inout String, Int?) -> Void) {
        guard let indent else {
            out += open
            for (i, item) in elements.enumerated() {
                if i > 0 { out += "," }
                element(item, &out, nil)
            }
            out += close
            return
        }
        if elements.isEmpty { out += open + close; return }
        let inner = String(repeating: "  ", count: indent + 1)
        out += open + "\n"
        for (i, item) in elements.enumerated() {
            out += inner
            element(item, &out, indent + 1)
            out += i == elements.count - 1 ? "\n" : ",\n"
        }
        out += String(repeating: "  ", count: indent) + close
    }

    /// The JSON string literal for `s`.
    public static func quote(_ s: String) -> String {
        var out = ""
        writeString(s, into: &out)
        return out
    }

    /// Whether a scalar is written as a `\u` escape: every C0 and C1 control, DEL, and the line
    /// and paragraph separators U+2028/U+2029 (JavaScript reads those as line ends).
    static func needsUnicodeEscape(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0x2028 || scalar.value == 0x2029
    }

    /// The one escape table: quotes, backslashes, `\n` `\r` `\t`, and `\u` for ``needsUnicodeEscape(_:)``.
    static func writeString(_ s: String, into out: inout String) {
        out += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if needsUnicodeEscape(scalar) {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}
