import Foundation
import LagoAPI

/// Building the immutable snapshot the front end draws.
extension BrowserModel {
    /// The current frame's state. Cheap enough to call once per rendered frame: only the rows
    /// in each pane's viewport are formatted.
    public func snapshot() -> BrowserSnapshot {
        var badges = [profile.environment == .live ? "LIVE" : "TEST"]
        if registry.readOnly { badges.append("RO") }
        let header = HeaderSnapshot(profile: TextSanitizer.clean(profile.name), environment: profile.environment, readOnly: registry.readOnly,
                                    apiHost: TextSanitizer.clean(profile.apiHost), apiStatus: env.apiStatus, lastRefresh: env.lastRefresh, badges: badges,
                                    recovery: recovery.note(now: env.clock.now))
        let body: BodySnapshot
        if let screen = top {
            body = BodySnapshot(layout: screen.layout, panes: screen.panes.enumerated().map { i, p in p.snapshot(focused: i == screen.focus) },
                                focusedIndex: screen.focus,
                                screenTabs: screen.kind == .dashboard ? BrowserScreen.DashboardTab.allCases.map(\.title) : [],
                                activeScreenTab: screen.dashboardTab.rawValue)
        } else {
            body = BodySnapshot(layout: .single, panes: [], focusedIndex: 0)
        }
        return BrowserSnapshot(header: header, breadcrumbs: (top?.crumbs ?? []).map(TextSanitizer.clean), body: body,
                               footerHints: footerHints(), prompt: promptSnapshot(), dialog: dialog?.snapshot,
                               help: helpOpen ? helpSnapshot() : nil, toasts: toasts, tasks: tasks, busy: tracker.isBusy)
    }

    /// Hints for the focused pane: its record actions (enabled or with the reason they are
    /// not), then navigation, all from the registry and the user's key map.
    func footerHints() -> [KeyHint] {
        if dialog != nil {
            return [KeyHint(key: "tab", title: "next", enabled: true, disabledReason: nil, dangerous: false),
                    KeyHint(key: "enter", title: "choose", enabled: true, disabledReason: nil, dangerous: false),
                    KeyHint(key: "esc", title: "cancel", enabled: true, disabledReason: nil, dangerous: false)]
        }
        if let prompt {
            return prompt.kind == .command
                ? [KeyHint(key: "enter", title: "run", enabled: true, disabledReason: nil, dangerous: false),
                   KeyHint(key: "tab", title: "complete", enabled: true, disabledReason: nil, dangerous: false),
                   KeyHint(key: "up", title: "history", enabled: true, disabledReason: nil, dangerous: false),
                   KeyHint(key: "esc", title: "cancel", enabled: true, disabledReason: nil, dangerous: false)]
                : [KeyHint(key: "enter", title: "apply", enabled: true, disabledReason: nil, dangerous: false),
                   KeyHint(key: "!", title: "invert", enabled: true, disabledReason: nil, dangerous: false),
                   KeyHint(key: "esc", title: "cancel", enabled: true, disabledReason: nil, dangerous: false)]
        }
        let scopes = activeScopes
        let ctx = actionContext
        let specs = registry.specs.filter { $0.hinted && scopes.contains($0.scope) }
        let ordered = specs.filter { $0.scope != .global } + specs.filter { $0.scope == .global }
        return ordered.compactMap { spec in
            guard let key = keyMap.primaryKey(spec.id) else { return nil }
            if spec.id == .drillDown, ctx.record == nil, !(top?.focused is UsagePane) { return nil }
            let availability = ActionRules.availability(spec.id, ctx)
            return KeyHint(key: key, title: spec.title, enabled: availability.isEnabled, disabledReason: availability.reason, dangerous: spec.dangerous)
        }
    }

    func helpSnapshot() -> HelpSnapshot {
        let scopes = activeScopes
        let ctx = actionContext
        var sections: [HelpSnapshot.Section] = []
        var order: [String] = []
        var entries: [String: [KeyHint]] = [:]
        for spec in registry.specs where scopes.contains(spec.scope) {
            let keys = keyMap.keys[spec.id] ?? []
            guard !keys.isEmpty else { continue }
            let a = ActionRules.availability(spec.id, ctx)
            if entries[spec.section] == nil { order.append(spec.section) }
            entries[spec.section, default: []].append(KeyHint(key: keys.map(\.name).joined(separator: " "), title: spec.title, enabled: a.isEnabled,
                                                              disabledReason: a.reason, dangerous: spec.dangerous))
        }
        for name in order { sections.append(HelpSnapshot.Section(title: name, entries: entries[name] ?? [])) }
        sections.append(HelpSnapshot.Section(title: "Commands", entries: [
            KeyHint(key: ":cus :sub :inv :fees :pay :cn :wal :wt :bm :plans :coupons :addons :taxes :ev :be :logs", title: "lists", enabled: true, disabledReason: nil, dangerous: false),
            KeyHint(key: ":inv cus_123 status=draft", title: "filters; :inv outstanding|overdue|draft…", enabled: true, disabledReason: nil, dangerous: false),
            KeyHint(key: ":usage [customer] subscription", title: "live usage", enabled: true, disabledReason: nil, dangerous: false),
            KeyHint(key: ":overdue", title: "overdue invoices (on-call)", enabled: true, disabledReason: nil, dangerous: false),
            KeyHint(key: ":analytics", title: "MRR, revenue, usage, collection, overdue by month", enabled: true, disabledReason: nil, dangerous: false),
            KeyHint(key: ":profile NAME", title: "switch profile", enabled: true, disabledReason: nil, dangerous: false),
            KeyHint(key: ":sort COLUMN [asc|desc]  :search TERM", title: "sort; server search", enabled: true, disabledReason: nil, dangerous: false),
        ]))
        if registry.readOnly {
            sections.append(HelpSnapshot.Section(title: "Read-only", entries: [
                KeyHint(key: "RO", title: "finalize, refresh, retry payment, void and top-up are removed", enabled: false, disabledReason: "read-only profile", dangerous: false),
            ]))
        }
        return HelpSnapshot(sections: sections, conflicts: keyMap.conflicts)
    }

    func promptSnapshot() -> PromptSnapshot? {
        guard let p = prompt else { return nil }
        switch p.kind {
        case .command:
            let suggestion = history.suggestion(for: p.text).map { String($0.dropFirst(p.text.count)) }
            let candidates = p.text.isEmpty ? [] : Array(CommandParser.completions(for: p.text, profiles: env.configuration.profiles).prefix(8))
            var message = p.message
            if message == nil, !p.text.trimmingCharacters(in: .whitespaces).isEmpty {
                do { _ = try CommandParser.parse(p.text) } catch { message = error.message }
            }
            return PromptSnapshot(kind: .command, text: TextSanitizer.clean(p.text), cursor: p.cursor, suggestion: suggestion.map(TextSanitizer.clean),
                                  candidates: candidates, message: message)
        case .filter:
            var message: String?
            if let f = RowFilter(p.text) {
                message = f.inverse ? "rows NOT matching" : "rows matching"
                if let pane = top?.focused as? ListPane, pane.hasMore, pane.request.resource.supportsServerSearch, f.isPlainTerm {
                    message! += " · Enter searches the server too"
                }
            }
            return PromptSnapshot(kind: .filter, text: TextSanitizer.clean(p.text), cursor: p.cursor, suggestion: nil, candidates: [], message: message)
        }
    }
}
