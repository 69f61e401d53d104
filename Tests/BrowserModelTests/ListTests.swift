import Foundation
import Testing
@testable import BrowserModel

@MainActor
@Suite struct ListTests {
    static func many(_ n: Int, totals: Bool = true) async -> Harness {
        await Harness { ds in
            await ds.add(.customers, (1...n).map { Fixture.customer($0) })
            if !totals { await ds.setReportsTotals(false) }
        }
    }

    @Test func filterIsCaseInsensitiveRegexAndInvertible() async {
        let h = await Harness.standard()
        await h.start()
        await h.press("/")
        await h.type("GLOB")
        #expect(h.column(0) == ["Globex"])
        #expect(h.focusedPane.countText == "1/3")
        await h.press("enter")
        #expect(h.focusedPane.filter == "GLOB")
        await h.press("/", "ctrl-u")
        await h.type("^(acme|initech)")
        #expect(h.column(0) == ["Acme", "Initech"])
        await h.press("ctrl-u")
        await h.type("!acme")
        #expect(h.column(0) == ["Globex", "Initech"])
        await h.press("esc")
        #expect(h.focusedPane.filter == "GLOB")
        #expect(h.column(0) == ["Globex"])
    }

    @Test func rowFilterRules() {
        #expect(RowFilter("") == nil)
        #expect(RowFilter("!") == nil)
        #expect(RowFilter("inv-00[0-9]+")!.matches("INV-0042 draft"))
        #expect(!RowFilter("!draft")!.matches("INV-0042 draft"))
        #expect(RowFilter("a(b")!.matches("xa(bx"))
        #expect(RowFilter("acme")!.isPlainTerm)
        #expect(!RowFilter("ac.me")!.isPlainTerm)
        #expect(!RowFilter("!acme")!.isPlainTerm)
    }

    @Test func filterEnterSearchesTheServerForWhatIsNotLoaded() async {
        let h = await ListTests.many(45)
        await h.start()
        #expect(h.focusedPane.countText == "45")
        await h.press("/")
        await h.type("customer 44")
        #expect(h.column(0).isEmpty)
        #expect(h.snapshot.prompt?.message?.contains("Enter searches the server") == true)
        await h.press("enter")
        #expect(await h.ds.count("list customers p1 search=customer 44") == 1)
        #expect(h.focusedPane.serverSearch == "customer 44")
        #expect(h.column(0) == ["Customer 44"])
        await h.command("search")
        #expect(h.focusedPane.serverSearch == nil)
    }

    @Test(.timeLimit(.minutes(1))) func cachedFullTextHitsShowWhileTheServerSearches() async {
        let h = await ListTests.many(45)
        await h.start()
        await h.ds.setCachedSearchHits(.customers, [Fixture.customer(44)])
        await h.ds.hold()
        h.model.handle(.serverSearch("44"))
        while await h.ds.count("list customers p1 search=44") == 0 { await Task.yield() }
        while h.column(0) != ["Customer 44"] { await Task.yield() }
        #expect(h.focusedPane.stale)
        await h.ds.release()
        await h.model.idle()
        #expect(h.column(0) == ["Customer 44"])
        #expect(!h.focusedPane.stale)
        #expect(await h.ds.count("fts customers 44") == 1)
    }

    @Test func serverSearchIsRefusedWhereTheAPIHasNone() async {
        let h = await Harness.standard()
        await h.start()
        await h.command("plans")
        h.model.handle(.serverSearch("pro"))
        await h.model.idle()
        #expect(h.snapshot.toasts.last?.text.contains("cannot be searched on the server") == true)
    }

    @Test func sortByColumnAndRememberedPerView() async {
        let h = await Harness.standard()
        await h.start()
        await h.command("inv")
        await h.press("s")
        #expect(h.column(0) == ["GLO-0001", "INV-0039", "INV-0040", "INV-0041", "INV-0042"])
        await h.press("S")
        #expect(h.column(0) == ["INV-0042", "INV-0041", "INV-0040", "INV-0039", "GLO-0001"])
        #expect(h.table(h.focusedPane)?.sort == SortIndicator(column: 0, ascending: false))
        await h.command("cus")
        await h.command("inv")
        #expect(h.table(h.focusedPane)?.sort == SortIndicator(column: 0, ascending: false))
        await h.command("sort status asc")
        #expect(h.column(1) == ["draft", "finalized", "finalized", "finalized", "voided"])
        await h.command("sort amount desc")
        #expect(h.table(h.focusedPane)?.sort?.column == 3)
    }

    @Test func lazyPagingFetchesOnlyWhatTheViewportNeedsAndPrefetches() async {
        let h = await ListTests.many(45, totals: false)
        h.model.handle(.viewport(PaneID("customers"), rows: 5))
        await h.start()
        // Page 1 (10 rows) is within one viewport-margin (10) of the end, so page 2 follows.
        #expect(await h.ds.count("list customers") == 2)
        #expect(h.focusedPane.countText == "20+")
        #expect(h.table(h.focusedPane)?.rows.count == 5)
        #expect(h.table(h.focusedPane)?.hasMore == true)
        for _ in 0..<9 { h.model.handle(.down) }
        await h.model.idle()
        #expect(await h.ds.count("list customers") == 2)
        await h.press("down")
        #expect(await h.ds.count("list customers p3") == 1)
        #expect(h.focusedPane.countText == "30+")
        await h.press("G")
        await h.press("G")
        await h.press("G")
        #expect(h.focusedPane.countText == "45")
        #expect(h.table(h.focusedPane)?.hasMore == false)
        #expect(h.selectedID == "c45")
    }

    @Test func localFilterDoesNotPullTheWholeList() async {
        let h = await ListTests.many(45)
        await h.start()
        let before = await h.ds.count("list customers")
        await h.press("/")
        await h.type("^customer 1 cus")
        await h.press("enter", "G", "G")
        #expect(h.column(0) == ["Customer 1"])
        #expect(h.focusedPane.countText == "1/45")
        #expect(await h.ds.count("list customers") == before)
    }

    @Test func cursorStaysOnItsRecordAcrossRefresh() async {
        let h = await Harness.standard()
        await h.start()
        await h.select("c2")
        await h.ds.add(.customers, [Fixture.customer(9, name: "Newco")], atFront: true)
        await h.ds.update(.customers, #"{"lago_id":"c2","external_id":"cus_2","name":"Globex","email":"new@globex.com","currency":"USD"}"#)
        await h.press("ctrl-r")
        #expect(h.column(0) == ["Newco", "Acme", "Globex", "Initech"])
        #expect(h.selectedID == "c2")
        let row = h.table(h.focusedPane)?.rows.first { $0.id == "c2" }
        #expect(row?.changedColumns.contains(2) == true)  // email
        #expect(row?.changedColumns.contains(0) == false)
    }

    @Test func staleCachedPageIsShownThenReplaced() async {
        let h = await Harness { ds in
            await ds.add(.customers, [Fixture.customer(1)])
            await ds.setCachedFirst(true)
        }
        await h.start()
        #expect(h.focusedPane.stale == false)
        #expect(h.column(0) == ["Customer 1"])
    }

    @Test func listErrorsKeepRowsAndSayWhat() async {
        let h = await Harness.standard()
        await h.start()
        await h.command("cus")
        await h.ds.failNextList(.customers, .unavailable("connection refused"))
        await h.press("ctrl-r")
        #expect(h.focusedPane.state == .failed("connection refused"))
        #expect(h.column(0).count == 3)
        #expect(h.snapshot.header.apiStatus == "connection refused")
        await h.press("ctrl-r")
        #expect(h.focusedPane.state == .idle)
        #expect(h.snapshot.header.apiStatus == nil)
    }
}
