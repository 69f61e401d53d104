import Foundation

/// Columns and roles for every resource, following what Lago's web app shows (LAGO-WEB-UI.md).
extension ResourceDescriptor {
    static let invoiceStatusRoles: [String: StatusRole] = ["draft": .info, "failed": .warning, "finalized": .success, "voided": .muted, "pending": .normal]
    static let paymentStatusRoles: [String: StatusRole] = ["pending": .normal, "failed": .warning, "succeeded": .success, "refunded": .muted]
    static let subscriptionStatusRoles: [String: StatusRole] = ["active": .success, "pending": .normal, "incomplete": .warning, "canceled": .muted, "terminated": .danger]
    static let walletStatusRoles: [String: StatusRole] = ["active": .success, "terminated": .danger]

    /// The descriptor for `kind`.
    static func of(_ kind: ResourceKind) -> ResourceDescriptor {
        switch kind {
        case .customers:
            return ResourceDescriptor(kind: kind, columns: [
                .first("NAME", ["name", "legal_name", "firstname", "external_id"], minWidth: 12, flexible: true),
                .text("EXTERNAL ID", "external_id", priority: 0, minWidth: 10),
                .text("EMAIL", "email", priority: 2, minWidth: 12, flexible: true),
                .text("CUR", "currency", priority: 3, minWidth: 3),
                .text("COUNTRY", "country", priority: 4, minWidth: 2),
                .date("CREATED", ["created_at"], priority: 3),
            ])
        case .subscriptions:
            return ResourceDescriptor(kind: kind, columns: [
                .text("EXTERNAL ID", "external_id", minWidth: 10),
                .first("NAME", ["name", "plan_code"], priority: 1, flexible: true),
                .text("PLAN", "plan_code", priority: 1),
                .status("STATUS", "status", roles: subscriptionStatusRoles),
                .text("CUSTOMER", "external_customer_id", priority: 2),
                .date("STARTED", ["started_at", "subscription_at"], priority: 3),
                .date("ENDS", ["terminated_at", "ending_at"], priority: 4),
            ], rowRole: { json in
                ["terminated", "canceled"].contains(json.string("status") ?? "") ? .muted : .normal
            })
        case .invoices:
            return ResourceDescriptor(kind: kind, columns: [
                .text("NUMBER", "number", minWidth: 12),
                .status("STATUS", "status", roles: invoiceStatusRoles),
                ColumnSpec(title: "PAYMENT", priority: 1, minWidth: 9) { json in
                    guard json.string("status") == "finalized", let p = json.string("payment_status") else { return .dash }
                    let overdue = json.bool("payment_overdue") == true
                    let text = overdue ? p + " overdue" : p
                    return CellValue(text: text, sortKey: .text(text), role: overdue ? .danger : (paymentStatusRoles[p] ?? .normal))
                },
                ColumnSpec(title: "AMOUNT", alignment: .right, priority: 0, minWidth: 10) { json in
                    let status = json.string("status") ?? ""
                    guard !["failed", "pending"].contains(status), let c = json.int64("total_amount_cents") else { return .dash }
                    return CellValue(text: Format.money(cents: c, currency: json.string("currency") ?? ""), sortKey: .number(Decimal(c)))
                },
                .money("DUE", cents: "total_due_amount_cents", currency: "currency", priority: 1),
                .first("CUSTOMER", ["customer.name", "customer.external_id", "external_customer_id"], priority: 1, flexible: true),
                .date("ISSUED", ["issuing_date"], priority: 2),
                .date("DUE DATE", ["payment_due_date"], priority: 3),
                // Dropped rather than cut to "subsc…" when the pane is narrow.
                .text("TYPE", "invoice_type", priority: 4, minWidth: 12, flexible: true),
            ], rowRole: { json in
                if json.string("status") == "voided" { return .muted }
                if json.bool("payment_overdue") == true { return .danger }
                return .normal
            })
        case .fees:
            return ResourceDescriptor(kind: kind, columns: [
                .first("ITEM", ["invoice_display_name", "item.invoice_display_name", "item.name", "item.code"], flexible: true),
                .first("TYPE", ["fee_type", "item.type"], priority: 1),
                .decimal("UNITS", "units", priority: 2),
                .money("AMOUNT", cents: "amount_cents", currency: "amount_currency"),
                .money("TOTAL", cents: "total_amount_cents", currency: "total_amount_currency", priority: 2),
                .status("PAYMENT", "payment_status", priority: 3, roles: paymentStatusRoles),
                .date("CREATED", ["created_at"], priority: 4),
            ])
        case .payments:
            return ResourceDescriptor(kind: kind, columns: [
                .first("REFERENCE", ["reference", "provider_payment_id", "lago_id"], flexible: true),
                .money("AMOUNT", cents: "amount_cents", currency: "amount_currency"),
                .status("STATUS", "payment_status", roles: paymentStatusRoles),
                .first("TYPE", ["payment_type", "payment_provider_type"], priority: 2),
                .text("CUSTOMER", "external_customer_id", priority: 2),
                .date("CREATED", ["created_at"], priority: 3),
            ])
        case .creditNotes:
            return ResourceDescriptor(kind: kind, columns: [
                .text("NUMBER", "number", minWidth: 12),
                .text("INVOICE", "invoice_number", priority: 1),
                .status("CREDIT", "credit_status", priority: 1, roles: ["available": .success, "consumed": .muted, "voided": .muted]),
                .status("REFUND", "refund_status", priority: 2, roles: paymentStatusRoles),
                .text("REASON", "reason", priority: 3),
                .money("TOTAL", cents: "total_amount_cents", currency: "currency"),
                .date("ISSUED", ["issuing_date"], priority: 2),
            ])
        case .wallets:
            return ResourceDescriptor(kind: kind, columns: [
                .first("NAME", ["name", "code", "lago_id"], flexible: true),
                .status("STATUS", "status", roles: walletStatusRoles),
                .text("CUSTOMER", "external_customer_id", priority: 2),
                .money("BALANCE", cents: "balance_cents", currency: "currency"),
                .decimal("CREDITS", "credits_balance", priority: 1),
                .money("ONGOING", cents: "ongoing_balance_cents", currency: "currency", priority: 2),
                .decimal("RATE", "rate_amount", priority: 3),
                .text("PRIO", "priority", priority: 4, minWidth: 4),
            ], rowRole: { json in json.string("status") == "terminated" ? .muted : .normal })
        case .walletTransactions:
            return ResourceDescriptor(kind: kind, columns: [
                .status("TYPE", "transaction_type", roles: ["inbound": .success, "outbound": .warning]),
                .status("STATUS", "status", roles: ["pending": .normal, "settled": .success, "failed": .danger]),
                .text("KIND", "transaction_status", priority: 1),
                .decimal("CREDITS", "credit_amount", priority: 0),
                .decimal("AMOUNT", "amount", priority: 1),
                .first("NAME", ["name"], priority: 3, flexible: true),
                .date("CREATED", ["created_at"], priority: 2),
            ])
        case .billableMetrics:
            return ResourceDescriptor(kind: kind, columns: [
                .text("NAME", "name", flexible: true), .text("CODE", "code"),
                .text("AGGREGATION", "aggregation_type", priority: 1), .text("FIELD", "field_name", priority: 2),
                .text("RECURRING", "recurring", priority: 3), .date("CREATED", ["created_at"], priority: 3),
            ])
        case .plans:
            return ResourceDescriptor(kind: kind, columns: [
                .text("NAME", "name", flexible: true), .text("CODE", "code"),
                .text("INTERVAL", "interval", priority: 1),
                .money("AMOUNT", cents: "amount_cents", currency: "amount_currency", priority: 1),
                ColumnSpec(title: "CHARGES", alignment: .right, priority: 2, minWidth: 7) { json in
                    let n = json.array("charges").count
                    return CellValue(text: String(n), sortKey: .number(Decimal(n)))
                },
                .date("CREATED", ["created_at"], priority: 3),
            ])
        case .coupons:
            return ResourceDescriptor(kind: kind, columns: [
                .text("NAME", "name", flexible: true), .text("CODE", "code"),
                .text("TYPE", "coupon_type", priority: 1),
                ColumnSpec(title: "VALUE", alignment: .right, priority: 1, minWidth: 8) { json in
                    if json.string("coupon_type") == "percentage", let rate = json.string("percentage_rate") {
                        return CellValue(text: Format.decimal(rate) + "%", sortKey: .text(rate))
                    }
                    guard let c = json.int64("amount_cents") else { return .empty }
                    return CellValue(text: Format.money(cents: c, currency: json.string("amount_currency") ?? ""), sortKey: .number(Decimal(c)))
                },
                .text("FREQUENCY", "frequency", priority: 2),
                .date("EXPIRES", ["expiration_at"], priority: 3),
            ])
        case .addOns:
            return ResourceDescriptor(kind: kind, columns: [
                .text("NAME", "name", flexible: true), .text("CODE", "code"),
                .money("AMOUNT", cents: "amount_cents", currency: "amount_currency"),
                .date("CREATED", ["created_at"], priority: 3),
            ])
        case .taxes:
            return ResourceDescriptor(kind: kind, columns: [
                .text("NAME", "name", flexible: true), .text("CODE", "code"),
                .decimal("RATE %", "rate", priority: 0),
                .text("DEFAULT", "applied_to_organization", priority: 2),
                .date("CREATED", ["created_at"], priority: 3),
            ])
        case .events:
            return ResourceDescriptor(kind: kind, columns: [
                .text("TRANSACTION ID", "transaction_id", flexible: true), .text("CODE", "code"),
                .text("SUBSCRIPTION", "external_subscription_id", priority: 1),
                .date("TIMESTAMP", ["timestamp"], priority: 0),
                .date("RECEIVED", ["created_at"], priority: 3),
            ])
        case .billingEntities:
            return ResourceDescriptor(kind: kind, columns: [
                .text("NAME", "name", flexible: true), .text("CODE", "code"),
                .text("CUR", "default_currency", priority: 2), .text("COUNTRY", "country", priority: 3),
                .text("EMAIL", "email", priority: 4), .date("CREATED", ["created_at"], priority: 3),
            ])
        case .activityLogs:
            return ResourceDescriptor(kind: kind, columns: [
                .date("WHEN", ["logged_at"], priority: 0),
                ColumnSpec(title: "WHO", alignment: .left, priority: 0, minWidth: 6) { json in
                    CellValue(text: HistoryDocument.who(json), sortKey: .text(HistoryDocument.who(json)))
                },
                .text("ACTIVITY", "activity_type", minWidth: 12, flexible: true),
                .text("RESOURCE", "resource_type", priority: 1),
                .text("CUSTOMER", "external_customer_id", priority: 2),
                .text("RESOURCE ID", "resource_id", priority: 4),
            ])
        case .paymentRequests:
            // Lago nests the customer (no top-level external_customer_id on a payment request).
            return ResourceDescriptor(kind: kind, columns: [
                ColumnSpec(title: "CUSTOMER", priority: 0, minWidth: 10, flexible: true) { json in
                    let name = ["customer.name", "customer.legal_name", "customer.external_id"].lazy.compactMap { json.string($0) }.first { !$0.isEmpty } ?? ""
                    return CellValue(text: name, sortKey: name.isEmpty ? .none : .text(name))
                },
                .money("AMOUNT", cents: "amount_cents", currency: "amount_currency"),
                .status("PAYMENT", "payment_status", roles: paymentStatusRoles),
                .date("CREATED", ["created_at"], priority: 0),
                ColumnSpec(title: "INVOICES", priority: 1, minWidth: 11, flexible: true) { json in
                    let numbers = json.array("invoices").compactMap { $0.string("number") }
                    return CellValue(text: numbers.joined(separator: ", "), sortKey: .number(Decimal(numbers.count)))
                },
                .text("EMAIL", "email", priority: 2),
            ])
        case .apiLogs:
            return ResourceDescriptor(kind: kind, columns: [
                .date("TIME", ["logged_at"], priority: 0), .text("METHOD", "http_method", minWidth: 6),
                .text("PATH", "request_path", flexible: true),
                ColumnSpec(title: "STATUS", alignment: .right, priority: 0, minWidth: 6) { json in
                    let s = json.int64("http_status") ?? 0
                    return CellValue(text: s == 0 ? "" : String(s), sortKey: .number(Decimal(s)), role: s >= 400 ? .danger : .success)
                },
                .text("CLIENT", "client", priority: 2), .text("REQUEST ID", "request_id", priority: 3),
            ])
        }
    }
}
