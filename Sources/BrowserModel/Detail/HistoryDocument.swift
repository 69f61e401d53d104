import Foundation
import LagoAPI

/// A record's history from Lago's activity logs, newest first: when, who (the user's email,
/// or "API" / "system" / "web app"), what happened, and for updates the changes field by field
/// ("status: draft → finalized"). Lago sends each change as a JSON-encoded `[before, after]`
/// pair of strings; they are decoded here and shown as text.
enum HistoryDocument {
    enum State: Equatable {
        case loading
        case loaded([JSONValue])
        case unavailable
        case failed(String)
    }

    static func lines(_ state: State) -> [StyledText] {
        switch state {
        case .loading: return [StyledText("loading history…", role: .muted)]
        case .unavailable: return [StyledText("History is not available on this Lago plan", role: .muted)]
        case let .failed(message): return [StyledText(message, role: .danger)]
        case let .loaded(entries) where entries.isEmpty: return [StyledText("No activity in the last 30 days", role: .muted)]
        case let .loaded(entries): return entries.flatMap(entry)
        }
    }

    static func entry(_ log: JSONValue) -> [StyledText] {
        let when = Format.date(log.string("logged_at"))
        let type = log.string("activity_type") ?? "activity"
        var out = [StyledText("\(when)  \(who(log))  \(type)", role: type.hasSuffix("voided") ? .warning : .info)]
        if case let .object(changes)? = log["activity_object_changes"] {
            for (field, value) in changes {
                let (before, after) = pair(value)
                out.append(StyledText("\(field): \(before) → \(after)", indent: 1))
            }
        }
        return out
    }

    static func who(_ log: JSONValue) -> String {
        if let email = log.string("user_email"), !email.isEmpty { return email }
        switch log.string("activity_source") {
        case "api": return "API"
        case "front": return "web app"
        case "system": return "system"
        case let other?: return other
        case nil: return "—"
        }
    }

    /// `"[\"draft\",\"finalized\"]"` → ("draft", "finalized"); nulls read "—".
    static func pair(_ value: JSONValue) -> (String, String) {
        var decoded = value
        if case let .string(text) = value, let parsed = try? JSONValue.parse(text) { decoded = parsed }
        guard case let .array(items) = decoded, items.count == 2 else { return ("—", text(value)) }
        return (text(items[0]), text(items[1]))
    }

    /// A scalar as text; null as "—"; a nested value as compact JSON.
    static func text(_ value: JSONValue) -> String {
        if value.isNull { return "—" }
        return value.text ?? value.prettyPrinted().split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
    }
}
