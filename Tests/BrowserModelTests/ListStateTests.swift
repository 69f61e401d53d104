import Foundation
import Testing
@testable import BrowserModel

/// `ListState` driven by scripted pages, with no tasks and no clock: each transition's
/// effects are read as values.
@Suite struct ListStateTests {
    static let now = Date(timeIntervalSince1970: 1_795_262_400)

    /// Invoices `first..<first+count`: even ones failed in USD, odd ones succeeded in EUR.
    static func page(_ first: Int, _ count: Int, paymentOf: (Int) -> String = { $0 % 2 == 0 ? "failed" : "succeeded" },
                     currencyOf: (Int) -> String = { $0 % 2 == 0 ? "USD" : "EUR" }) -> [Data] {
        (first..<first + count).map { i in
            Data(Fixture.invoice("inv_\(i)", number: "INV-\(1000 + i)", customer: "cus_\(i % 3)", payment: paymentOf(i),
                                 total: 10_000 + i, currency: currencyOf(i)).utf8)
        }
    }

    static func loads(_ effects: [ListEffect]) -> [Int] {
        effects.compactMap { if case let .load(page, _, _, _) = $0 { return page } else { return nil } }
    }

    /// Feeds page `page` of `pages` pages of `perPage` invoices as the answer to its load.
    static func deliver(_ state: inout ListState, page: Int, of pages: Int, perPage: Int = 10,
                        paymentOf: @escaping (Int) -> String = { $0 % 2 == 0 ? "failed" : "succeeded" }) -> [ListEffect] {
        let items = Self.page((page - 1) * perPage, perPage, paymentOf: paymentOf)
        let built = state.maker.rows(items, page: page)
        let result = ListPageResult(items: items, page: page, nextPage: page < pages ? page + 1 : nil, totalCount: pages * perPage)
        var effects = state.pageArrived(result, built: built, page: page, generation: state.generation, now: now)
        effects += state.loadFinished(page: page, generation: state.generation, error: nil)
        return effects
    }

    static func invoices() -> ListState {
        ListState(request: ListRequest(.invoices), descriptor: .of(.invoices))
    }

    @Test func loadingIsEffectsThePaneRuns() {
        var state = Self.invoices()
        #expect(Self.loads(state.start()) == [1])
        #expect(Self.loads(state.start()).isEmpty, "a second start loads nothing")
        let effects = Self.deliver(&state, page: 1, of: 3)
        #expect(state.rowCount == 10)
        // Ten rows in a twenty-row viewport: the next page is asked for at once.
        #expect(Self.loads(effects) == [2])
        #expect(effects.contains { if case .loadSucceeded = $0 { return true } else { return false } })
        #expect(state.diagnostics.requestsStarted == 2)
    }

    @Test func answersToAnOlderQueryAreDropped() {
        var state = Self.invoices()
        _ = state.start()
        let old = state.generation
        _ = state.setRequest(ListRequest(.invoices, filters: [ListFilter("status", "draft")]))
        let items = Self.page(0, 5)
        let effects = state.pageArrived(ListPageResult(items: items, page: 1, nextPage: nil, totalCount: 5),
                                        built: state.maker.rows(items, page: 1), page: 1, generation: old, now: Self.now)
        #expect(effects.isEmpty)
        #expect(state.rowCount == 0)
    }

    @Test func spaceMarksAndMovesDownAndTheTitleTotalsPerCurrency() {
        var state = Self.invoices()
        _ = state.start()
        _ = Self.deliver(&state, page: 1, of: 1)
        _ = state.toggleMark()
        _ = state.toggleMark()
        #expect(state.cursor == 2)
        #expect(state.marks.ids == ["inv_0", "inv_1"])
        // inv_0 is a failed USD invoice (due $100.00), inv_1 a paid EUR one (€100.01, skipped).
        #expect(state.markText() == "2 marked · €100.01 · $100.00 · 1 skipped")
        _ = state.toggleMark()
        _ = state.setCursor(0)
        _ = state.toggleMark()
        #expect(state.marks.ids == ["inv_1", "inv_2"])
        #expect(Self.rowMarks(state)[0...2] == [.none, .skipped, .marked])
    }

    static func rowMarks(_ state: ListState) -> [RowMark] { state.visibleRowSnapshots().map(\.mark) }

    @Test func rangeMarksFromTheLastMarkToTheCursor() {
        var state = Self.invoices()
        _ = state.start()
        _ = Self.deliver(&state, page: 1, of: 1)
        _ = state.setCursor(2)
        _ = state.toggleMark()
        _ = state.setCursor(6)
        _ = state.markRange()
        #expect(state.marks.ids == Set((2...6).map { "inv_\($0)" }))
    }

    @Test func marksSurviveSortFilterAndARefreshThatMakesOneIneligible() {
        var state = Self.invoices()
        _ = state.start()
        _ = Self.deliver(&state, page: 1, of: 1)
        _ = state.setCursor(4)
        _ = state.toggleMark()   // inv_4: failed, USD
        _ = state.setSort(SortSpec(column: 0, ascending: false))
        #expect(state.marks.contains("inv_4"))
        _ = state.setFilter("INV-1004")
        #expect(state.visible.count == 1)
        #expect(Self.rowMarks(state) == [.marked])
        _ = state.setFilter(nil)
        // A refresh shows inv_4 paid: it stays marked, shown as skipped.
        _ = state.refresh()
        _ = Self.deliver(&state, page: 1, of: 1, paymentOf: { $0 == 4 ? "succeeded" : ($0 % 2 == 0 ? "failed" : "succeeded") })
        #expect(state.marks.ids == ["inv_4"])
        let row = state.visibleRowSnapshots().first { $0.id == "inv_4" }
        #expect(row?.mark == .skipped)
        #expect(state.markText() == "1 marked · $100.04 · 1 skipped")
    }

    @Test func starMarksEveryPageOfTheQueryWithProgress() {
        var state = Self.invoices()
        _ = state.start()
        _ = state.setViewportRows(3)
        _ = Self.deliver(&state, page: 1, of: 4, perPage: 20)
        let effects = state.markAll()
        #expect(Self.loads(effects) == [2], "the next page is fetched even though the cursor is far from the end")
        #expect(state.markText() == "marking all… 20/80 loaded")
        #expect(state.marks.isEmpty)
        for page in 2...4 { _ = Self.deliver(&state, page: page, of: 4, perPage: 20) }
        #expect(state.marks.count == 80)
        #expect(state.marks.isMarkingAll == false)
        // 40 failed USD invoices (10,000 + even i cents) and 40 paid EUR ones (odd i).
        var usd: Int64 = 0, eur: Int64 = 0
        for i in 0..<80 {
            let cents = Int64(10_000 + i)
            if i % 2 == 0 { usd += cents } else { eur += cents }
        }
        let summary = state.markSummary()
        #expect(summary.totals.map { $0.currency } == ["EUR", "USD"])
        #expect(summary.totals.map { $0.cents } == [eur, usd])
        #expect(summary.skipped == 40)
    }

    @Test func starWithAFilterMarksOnlyTheMatches() {
        var state = Self.invoices()
        _ = state.start()
        _ = Self.deliver(&state, page: 1, of: 2)
        _ = state.setFilter("failed")
        _ = state.markAll()
        _ = Self.deliver(&state, page: 2, of: 2)
        #expect(state.marks.count == 10)
        #expect(state.marks.ids.allSatisfy { Int($0.dropFirst(4))! % 2 == 0 })
    }

    @Test func clearingMarksStopsAStarUnderWay() {
        var state = Self.invoices()
        _ = state.start()
        _ = Self.deliver(&state, page: 1, of: 3)
        _ = state.markAll()
        _ = state.clearMarks()
        _ = Self.deliver(&state, page: 2, of: 3)
        #expect(state.marks.isEmpty)
        #expect(state.markText() == nil)
    }

    @Test func otherResourcesDoNotMark() {
        var state = ListState(request: ListRequest(.customers), descriptor: .of(.customers))
        _ = state.start()
        #expect(state.toggleMark().isEmpty)
        #expect(state.marks.isEmpty)
    }

    @Test func markedRecordsCarryTheirFactsForThePlan() {
        var state = Self.invoices()
        _ = state.start()
        _ = Self.deliver(&state, page: 1, of: 1)
        _ = state.toggleMark()
        _ = state.toggleMark()
        let plan = BulkPlan(action: .retryPayment, marked: state.markedRecords())
        #expect(plan.items.map { $0.id } == ["inv_0"])
        #expect(plan.items.first?.number == "INV-1000")
        #expect(plan.items.first?.customer == "Acme")
        #expect(plan.skipped.map { $0.reason } == ["payment already succeeded"])
        #expect(plan.totalsText == "$100.00")
    }
}
