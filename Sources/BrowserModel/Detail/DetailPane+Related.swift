import Foundation
import LagoAPI

/// The records an invoice's document shows besides the invoice: payments made against it,
/// credit notes issued on it and its billing entity's name. Fetched after the invoice, each on
/// its own, so one refusal (a key without payment permission) leaves the rest of the document.
extension DetailPane {
    func loadRelated(force: Bool) {
        guard resourceKind == .invoices, let lagoId = json.string("lago_id") else { return }
        let ds = env.dataSource
        let number = json.string("number")
        let entity = json.string("billing_entity_code")
        let record = recordID
        env.tracker.run { [weak self] in
            var related = InvoiceRelated(loaded: true)
            related.payments = await Self.firstPage(ds, ListRequest(.payments, filters: [ListFilter("invoice_id", lagoId)]), force: force)
            if let number {
                related.creditNotes = await Self.firstPage(ds, ListRequest(.creditNotes, filters: [ListFilter("invoice_number", number)]), force: force)
            }
            if let entity { related.billingEntity = await Self.record(ds, .billingEntities, key: entity) }
            guard let self, self.recordID == record else { return }
            self.related = related
            self.env.changed()
        }
    }

    /// The first page of a list (its freshest copy), or nil when it cannot be read.
    nonisolated static func firstPage(_ ds: any BrowserDataSource, _ request: ListRequest, force: Bool) async -> [JSONValue]? {
        var items: [Data]?
        do {
            for try await page in ds.listPage(request, page: 1, perPage: 100, forceRefresh: force) { items = page.items }
        } catch {
            return nil
        }
        return items?.compactMap { try? JSONValue.parse($0) }
    }

    nonisolated static func record(_ ds: any BrowserDataSource, _ resource: ResourceKind, key: String) async -> JSONValue? {
        guard let data = try? await ds.record(resource, key: key, forceRefresh: false) else { return nil }
        return try? JSONValue.parse(data)
    }
}
