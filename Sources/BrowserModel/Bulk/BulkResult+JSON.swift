import Foundation
import LagoAPI

extension BulkResult {
    /// One NDJSON line: `{"lago_id":…,"number":…,"customer":…,"outcome":…,"code":…,"message":…}`
    /// (`code` is null unless Lago refused). The browser's `:w FILE` and `lagotui bulk` write these.
    public var ndjsonLine: String {
        Self.ndjsonLine(invoice, outcome: outcome.name, code: outcome.code, message: outcome.message)
    }

    /// The same line for an outcome that is not a result (`planned`, `skipped` in a dry run).
    public static func ndjsonLine(_ invoice: MarkedInvoice, outcome: String, code: String?, message: String) -> String {
        let fields: [(String, String?)] = [
            ("lago_id", invoice.id), ("number", invoice.number), ("customer", invoice.customer),
            ("outcome", outcome), ("code", code), ("message", message),
        ]
        return "{" + fields.map { key, value in JSONValue.quote(key) + ":" + (value.map(JSONValue.quote) ?? "null") }.joined(separator: ",") + "}"
    }
}

extension BulkRunner {
    /// "7/12 · 5 succeeded · 1 refused (invalid_status) · 1 unknown".
    public var progressText: String {
        var parts = ["\(completed)/\(total)"]
        if succeeded > 0 { parts.append("\(succeeded) succeeded") }
        if refused > 0 { parts.append("\(refused) refused (" + refusalCodes.map { $0.count > 1 ? "\($0.code) ×\($0.count)" : $0.code }.joined(separator: ", ") + ")") }
        if unknown > 0 { parts.append("\(unknown) unknown") }
        if failed > 0 { parts.append("\(failed) failed") }
        if notSent > 0 { parts.append("\(notSent) not sent") }
        if running > 0 && !isFinished { parts.append("\(running) in flight") }
        if concurrency < maximumConcurrency { parts.append("slowed to \(concurrency) at a time (429)") }
        return parts.joined(separator: " · ")
    }
}
