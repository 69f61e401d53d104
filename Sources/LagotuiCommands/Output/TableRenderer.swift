import LagoAPI

/// Plain-text tables for `--output table`: aligned columns, every cell sanitised so nothing
/// from the API can act on the terminal, long cells clipped with "…".
public enum TableRenderer {
    public static let maximumCellWidth = 40

    /// Columns shown for a list of this stream (dotted paths into the record).
    public static func columns(for stream: ExportStream) -> [String] {
        switch stream {
        case .resource(.customers): return ["external_id", "name", "email", "currency", "country", "created_at"]
        case .resource(.subscriptions): return ["external_id", "external_customer_id", "plan_code", "status", "started_at"]
        case .resource(.invoices):
            return ["number", "status", "payment_status", "customer.external_id", "total_amount_cents", "currency", "issuing_date"]
        case .resource(.fees): return ["lago_id", "item.type", "item.code", "amount_cents", "amount_currency", "payment_status"]
        case .resource(.payments): return ["lago_id", "external_customer_id", "amount_cents", "amount_currency", "payment_status", "created_at"]
        case .resource(.creditNotes): return ["number", "credit_status", "refund_status", "total_amount_cents", "currency", "issuing_date"]
        case .resource(.wallets): return ["lago_id", "external_customer_id", "name", "status", "balance_cents", "currency"]
        case .resource(.walletTransactions):
            return ["lago_id", "lago_wallet_id", "transaction_type", "transaction_status", "status", "amount", "created_at"]
        case .resource(.billableMetrics): return ["code", "name", "aggregation_type", "created_at"]
        case .resource(.plans): return ["code", "name", "interval", "amount_cents", "amount_currency"]
        case .resource(.coupons): return ["code", "name", "coupon_type", "amount_cents", "percentage_rate", "frequency"]
        case .resource(.addOns): return ["code", "name", "amount_cents", "amount_currency"]
        case .resource(.taxes): return ["code", "name", "rate", "applied_to_organization"]
        case .resource(.events): return ["transaction_id", "code", "external_subscription_id", "timestamp"]
        case .resource(.billingEntities): return ["code", "name", "default_currency"]
        case .resource(.apiLogs): return ["request_id", "http_method", "http_status", "request_path", "logged_at"]
        case .resource(.activityLogs): return ["logged_at", "activity_type", "activity_source", "user_email", "resource_type", "resource_id"]
        case .resource(.paymentRequests): return ["lago_id", "customer.external_id", "amount_cents", "amount_currency", "payment_status", "email", "created_at"]
        case .customerUsage:
            return ["external_customer_id", "external_subscription_id", "charge_usage.billable_metric.code", "charge_usage.units",
                    "charge_usage.amount_cents", "currency"]
        case let .analytics(series):
            return ["month", "currency"] + (series.groupField.map { [$0] } ?? []) + ["amount_cents"]
        case .customerUsagePast:
            return ["external_customer_id", "external_subscription_id", "from_datetime", "to_datetime", "amount_cents", "currency"]
        }
    }

    /// The value at a dotted path, as cell text.
    static func cell(_ record: JSONValue, path: String) -> String {
        var current: JSONValue? = record
        for part in path.split(separator: ".") { current = current?[String(part)] }
        guard let current else { return "" }
        switch current {
        case .null: return ""
        case let .string(s): return s
        case let .number(n): return n
        case let .bool(b): return b ? "true" : "false"
        case .array, .object: return current.compactText
        }
    }

    static func clip(_ text: String) -> String {
        let safe = TextSanitizer.printable(text)
        return safe.count > maximumCellWidth ? String(safe.prefix(maximumCellWidth - 1)) + "…" : safe
    }

    /// A table of records with the given columns and a header row.
    public static func render(records: [JSONValue], columns: [String]) -> String {
        let header = columns.map { clip($0.uppercased()) }
        let rows = records.map { record in columns.map { clip(cell(record, path: $0)) } }
        return layout([header] + rows)
    }

    /// A two-column field/value listing of one record, nested objects flattened with dots.
    public static func renderDetail(_ record: JSONValue) -> String {
        let pairs = CSVFormattingFields.flatten(record)
        return layout(pairs.map { [clip($0.column), TextSanitizer.printable($0.value)] }, lastUnclipped: true)
    }

    static func layout(_ rows: [[String]], lastUnclipped: Bool = false) -> String {
        guard let width = rows.map(\.count).max(), width > 0 else { return "" }
        var widths = [Int](repeating: 0, count: width)
        for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) } }
        var out = ""
        for row in rows {
            var line = ""
            for (i, cell) in row.enumerated() {
                if i == row.count - 1 { line += cell } else { line += cell + String(repeating: " ", count: widths[i] - cell.count + 2) }
            }
            while line.hasSuffix(" ") { line.removeLast() }
            out += line + "\n"
        }
        return out
    }
}

/// Flattening for display: like CSV (dotted names, arrays as JSON) but without formula escaping.
enum CSVFormattingFields {
    static func flatten(_ record: JSONValue) -> [(column: String, value: String)] {
        var out: [(column: String, value: String)] = []
        func walk(_ value: JSONValue, _ prefix: String) {
            switch value {
            case let .object(members) where !members.isEmpty:
                for m in members { walk(m.value, prefix.isEmpty ? m.key : prefix + "." + m.key) }
            default:
                out.append((prefix.isEmpty ? "value" : prefix, TableRenderer.cell(value, path: "")))
            }
        }
        walk(record, "")
        return out
    }
}
