import Foundation
@testable import BrowserModel

/// Hand-built browser snapshots for renderer tests: the dashboard, a detail view, dialogs, help,
/// with names that stress the renderer (CJK, emoji, RTL, an embedded escape sequence).
enum SnapshotFixtures {
    static let hostileName = "Evil\u{1B}[2J\u{1B}]52;c;cm0gLXJm\u{07}Corp\u{9B}31m"
    static let customerNames = ["Acme Corporation", "株式会社テスト", "Café 😀 Ltd", "شركة الاختبار", hostileName, "Globex", "Initech", "Umbrella 🌂", "Hooli", "Stark Industries"]

    static func header(environment: EnvironmentKind = .test, readOnly: Bool = false, apiStatus: String? = nil) -> HeaderSnapshot {
        HeaderSnapshot(profile: "sandbox", environment: environment, readOnly: readOnly, apiHost: "127.0.0.1:8080",
                       apiStatus: apiStatus, lastRefresh: Date(timeIntervalSince1970: 1_795_348_800), badges: [])
    }

    static func customersPane(focused: Bool, cursor: Int = 0, viewport: Int = 50) -> PaneSnapshot {
        let columns = [
            ColumnSnapshot(title: "NAME", alignment: .left, priority: 0, minWidth: 10, flexible: true),
            ColumnSnapshot(title: "EXTERNAL ID", alignment: .left, priority: 1, minWidth: 8, flexible: false),
            ColumnSnapshot(title: "CUR", alignment: .left, priority: 2, minWidth: 3, flexible: false),
        ]
        let rows = customerNames.prefix(viewport).enumerated().map { i, name in
            RowSnapshot(id: "cus_\(i)", cells: [name, "ext-\(1000 + i)", i % 3 == 1 ? "JPY" : "USD"], cellRoles: [.normal, .muted, .normal],
                        role: .normal, changedColumns: [], selected: i == cursor)
        }
        return PaneSnapshot(id: PaneID("customers"), title: "customers", countText: "\(customerNames.count)", focused: focused, state: .idle, stale: false,
                            filter: nil, serverSearch: nil, summary: [],
                            content: .table(TableSnapshot(columns: columns, rows: Array(rows), firstRowIndex: 0, cursorIndex: cursor, totalRows: customerNames.count, sort: nil, hasMore: false)),
                            emptyMessage: "No customers")
    }

    static func invoicesPane(focused: Bool) -> PaneSnapshot {
        let columns = [
            ColumnSnapshot(title: "NUMBER", alignment: .left, priority: 0, minWidth: 8, flexible: false),
            ColumnSnapshot(title: "STATUS", alignment: .left, priority: 0, minWidth: 6, flexible: false),
            ColumnSnapshot(title: "PAYMENT", alignment: .left, priority: 1, minWidth: 7, flexible: false),
            ColumnSnapshot(title: "TOTAL", alignment: .right, priority: 0, minWidth: 8, flexible: false),
            ColumnSnapshot(title: "ISSUED", alignment: .left, priority: 2, minWidth: 10, flexible: false),
        ]
        let data: [(String, String, StatusRole, String, StatusRole, String)] = [
            ("INV-0042", "draft", .info, "-", .normal, "$1,250.00"),
            ("INV-0041", "finalized", .success, "failed", .warning, "$99.00"),
            ("INV-0040", "voided", .muted, "-", .normal, "€12.50"),
        ]
        let rows = data.enumerated().map { i, d in
            RowSnapshot(id: "inv_\(i)", cells: [d.0, d.1, d.3, d.5, "2026-11-0\(i + 1)"], cellRoles: [.normal, d.2, d.4, .normal, .normal],
                        role: d.1 == "voided" ? .muted : .normal, changedColumns: i == 1 ? [3] : [], selected: i == 0)
        }
        return PaneSnapshot(id: PaneID("invoices"), title: "invoices (Acme Corporation)", countText: "3", focused: focused, state: .refreshing, stale: false,
                            filter: nil, serverSearch: nil, summary: [],
                            content: .table(TableSnapshot(columns: columns, rows: rows, firstRowIndex: 0, cursorIndex: 0, totalRows: 3, sort: SortIndicator(column: 3, ascending: false), hasMore: false)),
                            emptyMessage: "No invoices")
    }

    static func subscriptionsPane() -> PaneSnapshot {
        let columns = [
            ColumnSnapshot(title: "PLAN", alignment: .left, priority: 0, minWidth: 8, flexible: true),
            ColumnSnapshot(title: "STATUS", alignment: .left, priority: 0, minWidth: 6, flexible: false),
        ]
        let rows = [RowSnapshot(id: "sub_1", cells: ["Startup monthly", "active"], cellRoles: [.normal, .success], role: .normal, changedColumns: [], selected: true)]
        return PaneSnapshot(id: PaneID("subscriptions"), title: "subscriptions", countText: "1", focused: false, state: .idle, stale: false,
                            filter: nil, serverSearch: nil, summary: [],
                            content: .table(TableSnapshot(columns: columns, rows: rows, firstRowIndex: 0, cursorIndex: 0, totalRows: 1, sort: nil, hasMore: false)),
                            emptyMessage: "No subscriptions")
    }

    static func usagePane() -> PaneSnapshot {
        let columns = [
            ColumnSnapshot(title: "CHARGE", alignment: .left, priority: 0, minWidth: 8, flexible: true),
            ColumnSnapshot(title: "UNITS", alignment: .right, priority: 0, minWidth: 5, flexible: false),
            ColumnSnapshot(title: "AMOUNT", alignment: .right, priority: 0, minWidth: 8, flexible: false),
        ]
        let rows = [RowSnapshot(id: "ch_1", cells: ["API calls", "12,480", "$124.80"], cellRoles: [.normal, .normal, .normal], role: .normal, changedColumns: [1, 2], selected: true)]
        return PaneSnapshot(id: PaneID("usage"), title: "usage", countText: "", focused: false, state: .idle, stale: false,
                            filter: nil, serverSearch: nil,
                            summary: [StyledText("Nov 1 – Nov 30", role: .muted, trailing: "total $124.80")],
                            content: .table(TableSnapshot(columns: columns, rows: rows, firstRowIndex: 0, cursorIndex: 0, totalRows: 1, sort: nil, hasMore: false)),
                            emptyMessage: "Select a subscription")
    }

    static func walletsPane() -> PaneSnapshot {
        let columns = [
            ColumnSnapshot(title: "WALLET", alignment: .left, priority: 0, minWidth: 6, flexible: true),
            ColumnSnapshot(title: "BALANCE", alignment: .right, priority: 0, minWidth: 8, flexible: false),
        ]
        return PaneSnapshot(id: PaneID("wallets"), title: "wallets", countText: "0", focused: false, state: .failed("network: connection refused"), stale: false,
                            filter: nil, serverSearch: nil, summary: [],
                            content: .table(TableSnapshot(columns: columns, rows: [], firstRowIndex: 0, cursorIndex: nil, totalRows: 0, sort: nil, hasMore: false)),
                            emptyMessage: "No wallets")
    }

    static func dashboard(focus: Int = 0, prompt: PromptSnapshot? = nil, dialog: DialogSnapshot? = nil, help: HelpSnapshot? = nil,
                          toasts: [Toast] = [], environment: EnvironmentKind = .test, readOnly: Bool = false) -> BrowserSnapshot {
        var panes = [customersPane(focused: focus == 0), subscriptionsPane(), invoicesPane(focused: focus == 2), usagePane(), walletsPane()]
        for i in panes.indices { panes[i].focused = i == focus }
        return BrowserSnapshot(header: header(environment: environment, readOnly: readOnly), breadcrumbs: ["customers", "Acme Corporation"],
                               body: BodySnapshot(layout: .dashboard, panes: panes, focusedIndex: focus),
                               footerHints: [KeyHint(key: "enter", title: "open", enabled: true, disabledReason: nil, dangerous: false),
                                             KeyHint(key: "F", title: "finalize", enabled: false, disabledReason: "only draft invoices can be finalized", dangerous: true),
                                             KeyHint(key: "?", title: "help", enabled: true, disabledReason: nil, dangerous: false)],
                               prompt: prompt, dialog: dialog, help: help, toasts: toasts,
                               tasks: [TaskSnapshot(id: 1, title: "INV-0041.pdf", state: .running("downloading"), fraction: 0.4)], busy: true)
    }

    static func detail() -> BrowserSnapshot {
        let lines = [StyledText("{"), StyledText(#""lago_id": "inv_1","#, indent: 1), StyledText(#""name": "Evil\u001b[2J","#, indent: 1),
                     StyledText(#""total_amount_cents": 125000,"#, indent: 1), StyledText(#""paid": false"#, indent: 1), StyledText("}")]
        let pane = PaneSnapshot(id: PaneID("detail"), title: "INV-0042", countText: "", focused: true, state: .idle, stale: true,
                                filter: nil, serverSearch: nil, summary: [],
                                content: .text(TextSnapshot(lines: lines, scrollOffset: 0, tabs: ["fields", "fees", "raw JSON"], activeTab: 2)),
                                emptyMessage: nil)
        return BrowserSnapshot(header: header(environment: .live, readOnly: true), breadcrumbs: ["customers", "Acme", "invoices", "INV-0042"],
                               body: BodySnapshot(layout: .single, panes: [pane], focusedIndex: 0),
                               footerHints: [], prompt: nil, dialog: nil, help: nil, toasts: [], tasks: [], busy: false)
    }

    static let voidDialog = DialogSnapshot(kind: .confirm, title: "Void invoice",
                                           lines: [StyledText("Void INV-0042 for Acme Corporation, $1,250.00?"), StyledText("This cannot be undone.", role: .danger)],
                                           fields: [FieldSnapshot(label: "Type INV-0042 to confirm", value: "INV-", placeholder: "INV-0042", focused: true, hint: nil, error: nil)],
                                           buttons: ["Cancel", "Void"], focusedButton: 0, dangerous: true, error: nil, submitting: false)

    static let topUpDialog = DialogSnapshot(kind: .form, title: "Top up wallet",
                                            lines: [StyledText("Wallet “Prepaid credits” of Acme Corporation (rate 1 credit = $1.00)")],
                                            fields: [FieldSnapshot(label: "Paid credits", value: "20", placeholder: "0", focused: true, hint: "= $20.00", error: nil),
                                                     FieldSnapshot(label: "Granted credits", value: "-1", placeholder: "0", focused: false, hint: nil, error: "must not be negative")],
                                            buttons: ["Cancel", "Top up"], focusedButton: nil, dangerous: false, error: nil, submitting: false)

    static let help = HelpSnapshot(sections: [
        HelpSnapshot.Section(title: "Invoice", entries: [
            KeyHint(key: "F", title: "finalize", enabled: false, disabledReason: "only draft invoices can be finalized", dangerous: true),
            KeyHint(key: "R", title: "retry payment", enabled: true, disabledReason: nil, dangerous: true),
            KeyHint(key: "d", title: "download PDF", enabled: true, disabledReason: nil, dangerous: false),
        ]),
        HelpSnapshot.Section(title: "Navigation", entries: [
            KeyHint(key: "j/↓", title: "down", enabled: true, disabledReason: nil, dangerous: false),
            KeyHint(key: "enter", title: "open", enabled: true, disabledReason: nil, dangerous: false),
            KeyHint(key: ":", title: "command", enabled: true, disabledReason: nil, dangerous: false),
        ]),
    ], conflicts: ["\"x\" is bound to both copy-id and void-invoice"])

    static let commandPrompt = PromptSnapshot(kind: .command, text: "inv", cursor: 3, suggestion: "oices", candidates: ["invoices", "inv"], message: nil)
}
