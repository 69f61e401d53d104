import Foundation
import LagoAPI

/// Marks: `space` toggles the cursor row and moves down, `V` marks from the last marked row
/// to the cursor, `*` marks every row of the filter and server query (fetching every page
/// first), `u` clears. Only invoice lists mark (their rows carry `InvoiceFacts`).
extension ListState {
    var canMark: Bool { request.resource == .invoices }

    /// `space`: marks or unmarks the row under the cursor, then moves down.
    mutating func toggleMark() -> [ListEffect] {
        guard canMark, let slot = cursorSlot else { return [] }
        marks.toggle(store.id(slot))
        emit(.redraw)
        return setCursor(cursor + 1)
    }

    /// `V`: marks every visible row between the last `space` and the cursor (both included);
    /// without an earlier mark, the cursor row.
    mutating func markRange() -> [ListEffect] {
        guard canMark, !visible.isEmpty else { return [] }
        let from = marks.anchorID.flatMap { position(of: $0) } ?? cursor
        let range = min(from, cursor)...max(from, cursor)
        marks.insert(range.map { store.id(order[visible[$0]]) })
        marks.anchorID = store.id(order[visible[cursor]])
        return [.redraw]
    }

    /// `*`: marks every row matching the filter and the server query. With pages still on
    /// the server, they are fetched first (the title shows the progress) and the rows are
    /// marked once the last arrives.
    mutating func markAll() -> [ListEffect] {
        guard canMark else { return [] }
        guard hasMore else {
            markEveryVisibleRow()
            return [.redraw]
        }
        marks.startMarkingAll(loaded: order.count, total: totalCount)
        loadRemainingPages()
        emit(.redraw)
        return drain()
    }

    /// `u`: clears every mark (and stops a `*` under way).
    mutating func clearMarks() -> [ListEffect] {
        guard !marks.isEmpty || marks.markingAll != nil else { return [] }
        marks.removeAll()
        return [.redraw]
    }

    /// Marks the rows in view of the filter (all loaded rows when unfiltered).
    mutating func markEveryVisibleRow() {
        guard !filtering else { return }
        let ids = visible.indices.map { store.id(order[$0]) }
        marks.insert(ids)
        marks.finishMarkingAll()
    }

    /// The facts of a marked record by id, when its row is loaded.
    func facts(ofID id: String) -> InvoiceFacts? {
        store.slot(forID: id).flatMap { facts[$0] }
    }

    /// How the row `id` in `slot` shows its mark.
    func markState(id: String, slot: Int32) -> RowMark {
        guard marks.contains(id) else { return .none }
        guard let f = facts[slot] else { return .skipped }
        return BulkAction.collecting.contains { $0.availability(f).isEnabled } ? .marked : .skipped
    }

    /// Count and totals per currency of the marked records (cached until marks or rows change).
    mutating func markSummary() -> MarkSummary {
        if let cached = marks.summaryCache { return cached }
        var totals: [(currency: String, cents: Int64)] = []
        var unknown = 0, skipped = 0
        for id in marks.ids {
            guard let f = facts(ofID: id) else { unknown += 1; skipped += 1; continue }
            if !BulkAction.collecting.contains(where: { $0.availability(f).isEnabled }) { skipped += 1 }
            if let i = totals.firstIndex(where: { $0.currency == f.currency }) {
                totals[i].cents = totals[i].cents.addingReportingOverflow(f.markedCents).partialValue
            } else {
                totals.append((f.currency, f.markedCents))
            }
        }
        totals.sort { $0.currency < $1.currency }
        let summary = MarkSummary(count: marks.count, totals: totals, unknown: unknown, skipped: skipped)
        marks.summaryCache = summary
        return summary
    }

    /// Title text for marks: "12 marked · $8,412.20 · €96.10", or `*`'s progress.
    mutating func markText() -> String? {
        if let progress = marks.markingAll, !progress.complete {
            let of = progress.total.map { "/\($0)" } ?? "+"
            return "marking all… \(progress.loaded)\(of) loaded"
        }
        if marks.isEmpty { return marks.markAllStopped }
        let text = markSummary().text
        return marks.markAllStopped.map { text + " · " + $0 } ?? text
    }

    /// The marked records' JSON in list order where it is held, and the ids of the others (a
    /// page since evicted, or a row no longer in the list), for actions that need more than
    /// the row's facts (a payment request reads the customer and the overdue flag).
    mutating func markedJSON() -> (held: [JSONValue], missing: [String]) {
        var held: [JSONValue] = []
        var missing: [String] = []
        var seen = Set<String>()
        for s in order {
            let id = store.id(s)
            guard marks.contains(id) else { continue }
            seen.insert(id)
            if let json = json(ofSlot: s) { held.append(json) } else { missing.append(id) }
        }
        missing += marks.ids.sorted().filter { !seen.contains($0) }
        return (held, missing)
    }

    /// The marked records in list order (loaded ones), then any marked id no longer loaded.
    func markedRecords() -> [MarkedInvoice] {
        var out: [MarkedInvoice] = []
        var seen = Set<String>()
        for s in order {
            let id = store.id(s)
            guard marks.contains(id) else { continue }
            seen.insert(id)
            out.append(MarkedInvoice(id: id, number: store.cells(s).first ?? id, customer: customerCell(s), facts: facts[s]))
        }
        for id in marks.ids.sorted() where !seen.contains(id) {
            out.append(MarkedInvoice(id: id, number: id, customer: "", facts: nil))
        }
        return out
    }

    private func customerCell(_ slot: Int32) -> String {
        guard let i = descriptor.columns.firstIndex(where: { $0.title == "CUSTOMER" }) else { return "" }
        let cells = store.cells(slot)
        return i < cells.count ? cells[i] : ""
    }
}

/// One marked invoice as a bulk plan sees it.
public struct MarkedInvoice: Sendable, Equatable {
    public var id: String
    public var number: String
    public var customer: String
    /// Nil when the record is no longer loaded (skipped: nothing is known about it).
    public var facts: InvoiceFacts?

    public init(id: String, number: String, customer: String, facts: InvoiceFacts?) {
        self.id = id
        self.number = number
        self.customer = customer
        self.facts = facts
    }
}
