import Foundation
import LagoAPI

/// The history tab: the record's activity logs (`GET /activity_logs?resource_ids[]=…`), read
/// when the tab is first shown and again on refresh. A Lago without the feature answers 403
/// `feature_unavailable`, shown as a calm line in place of the history.
extension DetailPane {
    /// Resources whose records Lago logs activity for, and so get a history tab.
    static let historyResources: Set<ResourceKind> = [.customers, .subscriptions, .invoices, .wallets, .plans]

    func loadHistory() {
        guard let id = json.string("lago_id") else { history = .failed("this record has no lago_id to look up"); return }
        history = history ?? .loading
        let ds = env.dataSource
        let record = recordID
        env.tracker.run { [weak self] in
            let state: HistoryDocument.State
            do {
                let data = try await ds.activityLogs(query: ListRequest(.activityLogs, filters: [ListFilter("resource_ids", id)]).queryItems)
                let json = try JSONValue.parse(data)
                if case let .array(items) = json { state = .loaded(items) } else { state = .loaded(json.array("activity_logs")) }
            } catch BrowserDataError.notSupported {
                state = .unavailable
            } catch {
                state = .failed(userMessage(for: error))
            }
            guard let self, self.recordID == record else { return }
            self.history = state
            self.env.changed()
        }
    }
}
