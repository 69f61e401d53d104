import Foundation
import LagoAPI

/// A record in full: for an invoice or a credit note the document as its customer reads it
/// (the default tab), then its fields as a readable tree and the raw JSON. The full record is
/// fetched (list items lack fees); the list's copy is shown until it arrives.
@MainActor
final class DetailPane: Pane {
    enum Tab: String, CaseIterable {
        case document, fields, history, raw
    }

    let id: PaneID
    let env: PaneEnvironment
    let resourceKind: ResourceKind
    let recordID: String
    private(set) var json: JSONValue
    private(set) var loaded = false
    private(set) var error: String?
    private(set) var tab: Tab
    private var scroll = 0
    var viewportRows = 20
    private var generation = 0
    /// Payments, credit notes and billing entity of an invoice, fetched after the invoice.
    var related = InvoiceRelated()
    /// The history tab's activity logs, nil until the tab is first shown.
    var history: HistoryDocument.State?

    /// Opens on `tab`, or on the document when the record has one (else its fields).
    init(id: PaneID, env: PaneEnvironment, record: SelectedRecord, tab: Tab? = nil) {
        self.id = id
        self.env = env
        self.resourceKind = record.resource
        self.recordID = record.id
        self.json = record.json
        self.tab = tab.flatMap { Self.tabs(of: record.resource).contains($0) ? $0 : nil } ?? Self.tabs(of: record.resource)[0]
    }

    var resource: ResourceKind? { resourceKind }
    var title: String { displayName }
    var scopes: Set<ActionScope> { [.record, .detail, .resource(resourceKind)] }
    var tabs: [Tab] { Self.tabs(of: resourceKind) }

    static func tabs(of resource: ResourceKind) -> [Tab] {
        let document: [Tab] = [.invoices, .creditNotes, .apiLogs].contains(resource) ? [.document] : []
        return document + [.fields] + (historyResources.contains(resource) ? [.history] : []) + [.raw]
    }

    func title(of tab: Tab) -> String {
        switch tab {
        case .document: return resourceKind == .apiLogs ? "request" : resourceKind.singular
        case .fields: return "fields"
        case .history: return "history"
        case .raw: return "raw JSON"
        }
    }

    var displayName: String { ResourceDescriptor.of(resourceKind).displayName(of: json) }

    var selectedRecord: SelectedRecord? {
        SelectedRecord(resource: resourceKind, id: recordID, json: json, displayName: displayName)
    }

    func setVisible(_ visible: Bool) {
        if visible, !loaded, error == nil { load(force: false) }
    }

    /// Fetches the full record (from the cache when fresh, unless `force`).
    func refresh() {
        load(force: loaded)
        if history != nil { loadHistory() }
    }

    private func load(force: Bool) {
        guard let key = resourceKind.lookupKey(of: json) else { return }
        generation += 1
        let gen = generation
        let ds = env.dataSource
        let kind = resourceKind
        env.tracker.run { [weak self] in
            do {
                let data = try await ds.record(kind, key: key, forceRefresh: force)
                let value = try JSONValue.parse(data)
                guard let self, gen == self.generation else { return }
                self.json = value
                self.loaded = true
                self.error = nil
                self.env.succeeded()
                self.loadRelated(force: force)
            } catch {
                guard let self, gen == self.generation else { return }
                self.error = userMessage(for: error)
                self.env.failed(error)
            }
            self?.env.changed()
        }
    }

    func replace(recordID: String, with json: JSONValue) {
        guard recordID == self.recordID else { return }
        self.json = json
        env.changed()
    }

    func nextTab() {
        let all = tabs
        let i = all.firstIndex(of: tab) ?? 0
        tab = all[(i + 1) % all.count]
        scroll = 0
        if tab == .history, history == nil { loadHistory() }
        env.changed()
    }

    func show(_ t: Tab) {
        guard tabs.contains(t) else { return }
        tab = t
        scroll = 0
        if tab == .history, history == nil { loadHistory() }
    }

    func move(_ action: ActionID) -> Bool {
        let n = lines.count
        switch action {
        case .cursorUp: scroll -= 1
        case .cursorDown: scroll += 1
        case .pageUp: scroll -= viewportRows
        case .pageDown: scroll += viewportRows
        case .top: scroll = 0
        case .bottom: scroll = n - viewportRows
        default: return false
        }
        scroll = max(0, min(scroll, max(0, n - viewportRows)))
        env.changed()
        return true
    }

    // MARK: content

    var lines: [StyledText] {
        switch tab {
        case .fields: return DetailPane.fieldTree(json)
        case .history: return HistoryDocument.lines(history ?? .loading)
        case .raw: return json.prettyPrinted().split(separator: "\n", omittingEmptySubsequences: false).map { StyledText(String($0)) }
        case .document:
            switch resourceKind {
            case .invoices: return InvoiceDocument.lines(json, related: related, asOf: env.clock.now)
            case .apiLogs: return ApiLogDocument.lines(json)
            default: return CreditNoteDocument.lines(json)
            }
        }
    }

    /// The record as an indented tree: `key: value` for scalars, nested objects and arrays
    /// of objects as indented blocks, arrays of scalars inline.
    /// Amounts in cents (`*_cents` integers) also show as money in the record's currency
    /// ("7472 · €74.72"), so nobody divides by a hundred in their head, or by a thousand for
    /// a three-decimal currency.
    static func fieldTree(_ json: JSONValue, indent: Int = 0, currency inherited: String? = nil) -> [StyledText] {
        var out: [StyledText] = []
        switch json {
        case let .object(members):
            let currency = json.string("currency") ?? inherited
            for (key, value) in members {
                switch value {
                case .object(let m) where !m.isEmpty:
                    out.append(StyledText(key + ":", role: .info, indent: indent))
                    out += fieldTree(value, indent: indent + 1, currency: currency)
                case .array(let items) where items.contains(where: { if case .object = $0 { return true } else { return false } }):
                    out.append(StyledText("\(key): [\(items.count)]", role: .info, indent: indent))
                    for (i, item) in items.enumerated() {
                        out.append(StyledText("#\(i + 1)", role: .muted, indent: indent + 1))
                        out += fieldTree(item, indent: indent + 2, currency: currency)
                    }
                default:
                    var text = key + ": " + scalarText(value)
                    if let money = moneyText(key: key, value: value, in: json, currency: currency) { text += " · " + money }
                    out.append(StyledText(text, role: value.isNull ? .muted : .normal, indent: indent))
                }
            }
        default:
            out.append(StyledText(scalarText(json), indent: indent))
        }
        return out
    }

    /// `value` as money when `key` names an amount in cents: the currency is the sibling
    /// `<amount>_currency` (fees' `amount_currency`), else the object's or its parent's `currency`.
    static func moneyText(key: String, value: JSONValue, in object: JSONValue, currency: String?) -> String? {
        guard key.hasSuffix("_cents"), case let .number(text) = value, let cents = Int64(text) else { return nil }
        let stem = String(key.dropLast("_cents".count))
        guard let code = object.string(stem + "_currency") ?? currency, !code.isEmpty else { return nil }
        return Format.money(cents: cents, currency: code)
    }

    static func scalarText(_ value: JSONValue) -> String {
        switch value {
        case .null: return "—"
        case let .array(items): return "[" + items.map(scalarText).joined(separator: ", ") + "]"
        case .object: return "{}"
        default: return value.text ?? ""
        }
    }

    func snapshot(focused: Bool) -> PaneSnapshot {
        let all = lines
        let end = min(all.count, scroll + viewportRows)
        let window = scroll < end ? Array(all[scroll..<end]) : []
        let state: LoadState = error.map { .failed($0) } ?? (loaded ? .idle : .refreshing)
        return PaneSnapshot(id: id, title: resourceKind.singular + " " + displayName, countText: "", focused: focused, state: state,
                            stale: !loaded, filter: nil, serverSearch: nil, summary: [],
                            content: .text(TextSnapshot(lines: window, scrollOffset: scroll, tabs: tabs.map(title(of:)), activeTab: tabs.firstIndex(of: tab) ?? 0)),
                            emptyMessage: nil)
    }
}
