import Foundation

/// The marked records of a list, by record id (so marks survive scrolling, sorting,
/// filtering and refreshes, which move rows but never change ids), with `*`'s progress while
/// it fetches every page of the query.
struct MarkSet: Equatable {
    /// Progress of `*`: rows loaded so far of the query's total, when Lago says it.
    struct MarkAllProgress: Equatable {
        var loaded: Int
        var total: Int?
        /// True once every page is loaded (the visible rows are then marked).
        var complete = false
    }

    private(set) var ids: Set<String> = []
    /// The record last marked or unmarked with `space` (`V` marks from there to the cursor).
    var anchorID: String?
    private(set) var markingAll: MarkAllProgress?
    /// Why the last `*` stopped before the end, shown in the title until marks change.
    private(set) var markAllStopped: String?
    /// The totals, computed once per change of marks or rows.
    var summaryCache: MarkSummary?

    var count: Int { ids.count }
    var isEmpty: Bool { ids.isEmpty }
    var isMarkingAll: Bool { markingAll != nil && markingAll?.complete == false }
    var readyToMarkAll: Bool { markingAll?.complete == true }

    func contains(_ id: String) -> Bool { ids.contains(id) }

    mutating func toggle(_ id: String) {
        if ids.remove(id) == nil { ids.insert(id) }
        anchorID = id
        changed()
    }

    mutating func insert<S: Sequence>(_ newIDs: S) where S.Element == String {
        ids.formUnion(newIDs)
        changed()
    }

    mutating func removeAll() {
        ids = []
        anchorID = nil
        markingAll = nil
        changed()
    }

    mutating func startMarkingAll(loaded: Int, total: Int?) {
        markingAll = MarkAllProgress(loaded: loaded, total: total)
        changed()
    }

    /// Pages arrived or a load ended while `*` runs.
    mutating func pagesChanged(loaded: Int, total: Int?, complete: Bool, failed: Bool) {
        guard var progress = markingAll, !progress.complete else { return }
        if failed {
            markingAll = nil
            markAllStopped = "marking stopped at \(loaded) rows: a page could not be loaded"
            return
        }
        progress.loaded = loaded
        progress.total = total
        progress.complete = complete
        markingAll = progress
    }

    /// `*` has marked its rows.
    mutating func finishMarkingAll() { markingAll = nil }

    /// A new query: `*` of the old one stops (marks stay).
    mutating func stopMarkingAll() { markingAll = nil }

    mutating func invalidateSummary() { summaryCache = nil }

    private mutating func changed() {
        markAllStopped = nil
        summaryCache = nil
    }
}

/// The marked rows' count, their totals per currency, and how many are eligible for no bulk
/// action (shown as skipped).
struct MarkSummary: Equatable {
    var count: Int
    /// Cents per ISO 4217 code, in the order the currencies were first met.
    var totals: [(currency: String, cents: Int64)]
    /// Marked records whose facts are not loaded (a refresh dropped them from the query).
    var unknown: Int
    var skipped: Int

    static func == (a: MarkSummary, b: MarkSummary) -> Bool {
        a.count == b.count && a.unknown == b.unknown && a.skipped == b.skipped
            && a.totals.map(\.currency) == b.totals.map(\.currency) && a.totals.map(\.cents) == b.totals.map(\.cents)
    }

    /// "12 marked · $8,412.20 · €96.10" (money exact, formatted per ISO 4217).
    var text: String {
        var parts = ["\(count) marked"] + totals.map { Format.money(cents: $0.cents, currency: $0.currency) }
        if skipped > 0 { parts.append("\(skipped) skipped") }
        return parts.joined(separator: " · ")
    }
}

/// How a row shows its mark.
public enum RowMark: Sendable, Equatable {
    case none
    /// Marked, and some bulk action applies to it.
    case marked
    /// Marked, but no bulk collection action applies any more (a refresh showed it paid, for
    /// one): it stays marked and the plans list it as skipped.
    case skipped
}
