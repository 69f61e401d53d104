import Foundation
import LagoAPI

/// A table column over a record's JSON: header facts plus how to render a cell.
struct ColumnSpec {
    var title: String
    var alignment: ColumnAlignment = .left
    var priority: Int = 0
    var minWidth: Int = 6
    var flexible: Bool = false
    var cell: (JSONValue) -> CellValue

    var snapshot: ColumnSnapshot {
        ColumnSnapshot(title: title, alignment: alignment, priority: priority, minWidth: minWidth, flexible: flexible)
    }

    static func text(_ title: String, _ path: String, priority: Int = 0, minWidth: Int = 6, flexible: Bool = false) -> ColumnSpec {
        ColumnSpec(title: title, priority: priority, minWidth: minWidth, flexible: flexible) { json in
            let t = json.string(path) ?? ""
            return CellValue(text: t, sortKey: t.isEmpty ? .none : .text(t))
        }
    }

    static func money(_ title: String, cents: String, currency: String, priority: Int = 0) -> ColumnSpec {
        ColumnSpec(title: title, alignment: .right, priority: priority, minWidth: 10) { json in
            guard let c = json.int64(cents) else { return .empty }
            return CellValue(text: Format.money(cents: c, currency: json.string(currency) ?? ""), sortKey: .number(Decimal(c)))
        }
    }

    static func date(_ title: String, _ paths: [String], priority: Int = 2) -> ColumnSpec {
        ColumnSpec(title: title, priority: priority, minWidth: 10) { json in
            let raw = paths.lazy.compactMap { json.string($0) }.first
            // A list column shows the UTC day only: a truncated "2026-10-1…" says nothing, and
            // the time is one keystroke away in the detail view.
            let t = String(Format.date(raw).prefix(10))
            return CellValue(text: t, sortKey: t.isEmpty ? .none : .text(raw ?? t))
        }
    }

    static func decimal(_ title: String, _ path: String, priority: Int = 1) -> ColumnSpec {
        ColumnSpec(title: title, alignment: .right, priority: priority, minWidth: 6) { json in
            guard let raw = json.string(path) else { return .empty }
            let d = Decimal(string: raw, locale: Locale(identifier: "en_US_POSIX"))
            return CellValue(text: Format.decimal(raw), sortKey: d.map { .number($0) } ?? .text(raw))
        }
    }

    static func status(_ title: String, _ path: String, priority: Int = 0, roles: [String: StatusRole]) -> ColumnSpec {
        ColumnSpec(title: title, priority: priority, minWidth: 8) { json in
            let t = json.string(path) ?? ""
            return CellValue(text: t, sortKey: t.isEmpty ? .none : .text(t), role: roles[t] ?? .normal)
        }
    }

    static func first(_ title: String, _ paths: [String], priority: Int = 0, minWidth: Int = 8, flexible: Bool = false) -> ColumnSpec {
        ColumnSpec(title: title, priority: priority, minWidth: minWidth, flexible: flexible) { json in
            let t = paths.lazy.compactMap { json.string($0) }.first { !$0.isEmpty } ?? ""
            return CellValue(text: t, sortKey: t.isEmpty ? .none : .text(t))
        }
    }
}

/// What the browser knows about one resource: its columns, how to name a record, and where
/// Enter leads. Pure functions of the record's JSON, so they are easy to test.
struct ResourceDescriptor {
    var kind: ResourceKind
    var columns: [ColumnSpec]
    /// Colour role of a whole row (voided invoices muted, overdue ones in danger…).
    var rowRole: (JSONValue) -> StatusRole = { _ in .normal }

    /// The record's stable id: `lago_id`, else another unique key the resource has.
    func id(of json: JSONValue) -> String {
        for key in ["lago_id", "request_id", "transaction_id", "code", "external_id"] {
            if let v = json.string(key), !v.isEmpty { return v }
        }
        return json.prettyPrinted()
    }

    /// A short human name for breadcrumbs and dialogs.
    func displayName(of json: JSONValue) -> String {
        let candidates: [String]
        switch kind {
        case .customers: candidates = ["name", "legal_name", "external_id"]
        case .invoices: candidates = ["number", "lago_id"]
        case .subscriptions: candidates = ["name", "external_id", "plan_code"]
        case .wallets: candidates = ["name", "code", "lago_id"]
        case .creditNotes: candidates = ["number", "lago_id"]
        case .events: candidates = ["transaction_id", "code"]
        case .apiLogs: candidates = ["request_path", "request_id"]
        case .activityLogs: candidates = ["activity_type", "activity_id"]
        case .fees: candidates = ["item.name", "item.code", "lago_id"]
        case .paymentRequests: candidates = ["customer.name", "customer.external_id", "lago_id"]
        default: candidates = ["name", "code", "lago_id"]
        }
        for path in candidates {
            if let v = json.string(path), !v.isEmpty { return TextSanitizer.clean(v) }
        }
        return kind.singular
    }

    /// The same descriptor without the columns titled `titles`: inside one customer's panes the
    /// CUSTOMER column would repeat the same name on every row and cost a narrow pane its width.
    func dropping(columns titles: Set<String>) -> ResourceDescriptor {
        var copy = self
        copy.columns.removeAll { titles.contains($0.title) }
        return copy
    }

    /// The descriptor for `kind` as shown inside one customer's panes (no CUSTOMER column).
    static func ofCustomerScoped(_ kind: ResourceKind) -> ResourceDescriptor {
        of(kind).dropping(columns: ["CUSTOMER"])
    }

    /// Cells of one row, in column order.
    func cells(of json: JSONValue) -> [CellValue] {
        columns.map { spec in
            var c = spec.cell(json)
            c.text = TextSanitizer.clean(c.text)
            return c
        }
    }
}
