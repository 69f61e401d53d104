import Foundation


/// `L`: the link to hand a customer, copied with OSC 52: an invoice's payment URL, a
/// customer's portal URL. `o` then opens it. Lago's refusal (no payment provider, a paid
/// invoice) is said in its own words.
extension BrowserModel {
    /// The link `L` asks Lago for, for `record`; nil for other resources.
    static func customerLink(for record: SelectedRecord) -> CustomerLink? {
        switch record.resource {
        case .invoices: return .payment(invoiceId: record.id)
        case .customers: return record.json.string("external_id").map { .portal(externalCustomerId: $0) }
        default: return nil
        }
    }

    func copyLink(_ record: SelectedRecord) {
        guard let link = Self.customerLink(for: record) else { toast(.warning, "Only invoices and customers have links"); return }
        let key = ActionRules.key(.copyLink, record.id)
        guard !inFlight.contains(key) else { return }
        inFlight.insert(key)
        let ds = env.dataSource
        let what = link.title + " of " + record.displayName
        tracker.run { [weak self] in
            let outcome: Result<URL, any Error>
            do { outcome = .success(try await ds.link(link)) } catch { outcome = .failure(error) }
            guard let self else { return }
            self.inFlight.remove(key)
            switch outcome {
            case let .success(url):
                self.lastLink = (record.id, url)
                self.effects.append(.copyToClipboard(url.absoluteString))
                self.toast(.success, "Copied the \(what) (o opens it)")
            case let .failure(error):
                self.toast(.warning, "No \(what): \(describe(error))")
            }
            self.changed()
        }
    }
}

extension CustomerLink {
    /// "payment URL", "portal URL".
    var title: String {
        switch self {
        case .payment: return "payment URL"
        case .portal: return "portal URL"
        }
    }
}
