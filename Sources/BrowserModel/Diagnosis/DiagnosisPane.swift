import Foundation
import LagoAPI

/// "Why is this usage what it is" (`W` on a subscription): the findings of `UsageDiagnosis`
/// over the subscription's recent events and its plan's charges, each with its count, a few
/// transaction ids to open (`:event ID`) and what to do; "nothing found" when clean. Read
/// once when first shown; `ctrl-r` reads again.
@MainActor
final class DiagnosisPane: Pane {
    let id: PaneID
    let env: PaneEnvironment
    let subscriptionExternalId: String
    let label: String
    private(set) var input: UsageDiagnosisInput?
    private(set) var findings: [UsageFinding]?
    private(set) var error: String?
    private(set) var loading = false
    private var scroll = ScrollPosition()
    var viewportRows = 20
    private var generation = 0

    init(id: PaneID, env: PaneEnvironment, subscriptionExternalId: String, label: String) {
        self.id = id
        self.env = env
        self.subscriptionExternalId = subscriptionExternalId
        self.label = label
    }

    var title: String { "why?" }
    var resource: ResourceKind? { nil }
    var scopes: Set<ActionScope> { [] }
    var selectedRecord: SelectedRecord? { nil }

    func setVisible(_ visible: Bool) {
        if visible, findings == nil, !loading { load() }
    }

    func refresh() { load() }

    private func load() {
        generation += 1
        let gen = generation
        loading = true
        error = nil
        let reader = env.dataSource.usageDiagnosisReader
        let subscription = subscriptionExternalId
        let now = env.clock.now
        env.load({ try await reader.input(subscription: subscription, now: now) },
                 isCurrent: { [weak self] in self?.generation == gen }) { [weak self] result in
            guard let self else { return }
            self.loading = false
            switch result {
            case .success(let input):
                self.input = input
                self.findings = UsageDiagnosis.findings(input)
            case .failure(let error):
                self.error = describe(error)
            }
        }
    }

    /// The findings as text: a heading per finding, then what happened, what to do and examples.
    var lines: [StyledText] {
        guard let findings, let input else { return [] }
        var out: [StyledText] = []
        let checked = "Checked \(input.events.count) recent events and \(input.strayEvents.reduce(0) { $0 + $1.events.count }) sent to other ids, against plan \(input.planCode)'s \(input.charges.count) charges."
        if findings.isEmpty {
            out.append(StyledText("✓ Nothing found: these events count as they were sent.", role: .success))
            out.append(StyledText(checked, role: .muted, indent: 1))
            return out
        }
        for finding in findings {
            out.append(StyledText("● \(finding.kind.rawValue) · \(finding.subject)", role: .warning, trailing: "\(finding.count) event\(finding.count == 1 ? "" : "s")"))
            out.append(StyledText(finding.summary, indent: 1))
            out.append(StyledText("→ " + finding.advice, role: .accent, indent: 1))
            if !finding.examples.isEmpty {
                out.append(StyledText("e.g. " + finding.examples.joined(separator: ", ") + "  (:event ID opens one)", role: .muted, indent: 1))
            }
            out.append(StyledText(""))
        }
        out.append(StyledText(checked, role: .muted))
        return out
    }

    func move(_ action: ActionID) -> Bool {
        guard scroll.move(action, count: lines.count, viewport: viewportRows, wrapped: true) else { return false }
        env.changed()
        return true
    }

    func snapshot(focused: Bool) -> PaneSnapshot {
        var summary = [StyledText("Subscription " + label)]
        if let input {
            summary.append(StyledText("Period " + Format.date(LagoTimestamp.format(input.periodStart)) + " → " + Format.date(LagoTimestamp.format(input.periodEnd)) + " UTC", role: .muted))
        }
        let state: LoadState
        if let error { state = .failed(error) } else if loading { state = findings == nil ? .loading : .refreshing } else { state = .idle }
        let count = findings.map { String($0.count) } ?? ""
        return PaneSnapshot(id: id, title: "why is usage what it is", countText: count, focused: focused, state: state, stale: false,
                            filter: nil, serverSearch: nil, summary: summary,
                            content: .text(TextSnapshot(lines: lines, scrollOffset: scroll.offset, tabs: [], activeTab: 0, wraps: true)),
                            emptyMessage: findings == nil && error == nil ? "Reading events…" : nil)
    }
}
