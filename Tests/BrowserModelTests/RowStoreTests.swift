import Foundation
import Testing
@testable import BrowserModel

/// The compact row store, the arena filter and the resident-JSON window of list panes
/// (issue 8: a list keeps every row compactly and full records only near the cursor).
@MainActor
@Suite struct RowStoreTests {
    static func row(_ id: String, _ cells: [String], key: String? = nil, role: StatusRole = .normal) -> CompactRow {
        var values: [CellValue] = []
        for (i, text) in cells.enumerated() {
            let key: SortKey
            if text.isEmpty {
                key = .none
            } else if i == 1 {
                key = .number(Decimal(string: text) ?? 0)
            } else {
                key = .text(text)
            }
            values.append(CellValue(text: text, sortKey: key, role: i == 0 ? .danger : .normal))
        }
        return CompactRow(id: id, lookupKey: key ?? id, cells: values, role: role)
    }

    @Test func storeReadsBackWhatWasStored() {
        var store = RowStore(columnCount: 3)
        let a = store.append(Self.row("inv_1", ["ZX-1", "12.50", "Straße"], key: "cus_1", role: .muted), page: 1)
        let b = store.append(Self.row("inv_2", ["", "3", "Ünïcødé 🎉"]), page: 2)
        #expect(store.id(a) == "inv_1")
        #expect(store.id(a, is: "inv_1"))
        #expect(!store.id(a, is: "inv_"))
        #expect(store.lookupKey(a) == "cus_1")
        #expect(store.lookupKey(b) == "inv_2")
        #expect(store.cells(a) == ["ZX-1", "12.50", "Straße"])
        #expect(store.cells(b) == ["", "3", "Ünïcødé 🎉"])
        #expect(store.rowRole(a) == .muted)
        #expect(store.cellRoles(a) == [.danger, .normal, .normal])
        #expect(store.page(b) == 2)
        #expect(store.haystack(b) == " 3 ünïcødé 🎉 inv_2")
        #expect(store.sortKey(a, column: 0) == .text("ZX-1"))
        #expect(store.sortKey(a, column: 1) == .number(Decimal(string: "12.50")!))
        #expect(store.sortKey(b, column: 0) == .none)
        #expect(store.slot(forID: "inv_2") == b)
        // Upper-case ids cannot be read back from the lower-cased filter text: stored apart.
        let upper = store.append(Self.row("INV_Ü9", ["Ä", "1", "x"]), page: 3)
        #expect(store.id(upper) == "INV_Ü9")
        #expect(store.slot(forID: "INV_Ü9") == upper)
        #expect(store.slot(forID: "inv_ü9") == nil)
        #expect(store.page(upper) == 3)
        #expect(store.cells(upper) == ["Ä", "1", "x"])
        #expect(store.slot(forID: "inv_3") == nil)
        // A newer copy of a record becomes the one its id finds; the old slot is kept.
        let c = store.append(Self.row("inv_1", ["ZX-1", "13", "Straße"]), page: 1)
        #expect(store.slot(forID: "inv_1") == c)
        #expect(store.newestSlot(sameIDAs: a) == c)
        #expect(store.changedColumns(a, c) == [1])
        let again = Self.row("inv_1", ["ZX-1", "13", "Straße"])
        #expect(store.record(c, equals: store.encode(again, page: 1), haystack: again.haystack))
        #expect(!store.record(a, equals: store.encode(again, page: 1), haystack: again.haystack))
        // Cells that differ from the filter text only in ASCII upper case are kept as lengths
        // and a mask over it: same lengths and case, other letters must still differ.
        let ascii = store.append(Self.row("inv_7", ["AbC dE", "7", "x"]), page: 1)
        #expect(store.cells(ascii) == ["AbC dE", "7", "x"])
        #expect(store.sortKey(ascii, column: 0) == .text("AbC dE"))
        let other = Self.row("inv_7", ["AbD dE", "7", "x"])
        #expect(!store.record(ascii, equals: store.encode(other, page: 1), haystack: other.haystack))
        let euro = store.append(Self.row("inv_9", ["-€12.50 ÀÉ", "9", "Déjà Vu"]), page: 1)
        #expect(store.cells(euro) == ["-€12.50 ÀÉ", "9", "Déjà Vu"])
        let lower = store.append(Self.row("inv_8", ["plain", "8", ""]), page: 1)
        #expect(store.cells(lower) == ["plain", "8", ""])
        #expect(store.changedColumns(ascii, lower) == [0, 1, 2])
    }

    @Test func idIndexFindsEveryRowOfALargeStore() {
        var store = RowStore(columnCount: 1)
        for i in 0..<5_000 { _ = store.append(Self.row("id-\(i)", ["row \(i)"]), page: i / 100 + 1) }
        #expect((0..<5_000).allSatisfy { store.slot(forID: "id-\($0)") == Int32($0) })
        #expect(store.slot(forID: "id-5000") == nil)
    }

    /// The arena scan keeps exactly the rows the per-row filter keeps, across chunk boundaries,
    /// for plain text (Unicode lower-casing included), inverted filters and regular expressions.
    @Test func arenaFilterHasTheSemanticsOfThePerRowFilter() {
        var store = RowStore(columnCount: 2)
        var haystacks: [String] = []
        let words = ["Straße", "İstanbul", "ΣΟΦΙΑ", "Acme Corp", "globex", "ZX0001", "zx0010", "Ünïcødé 🎉", "日本語", "a b"]
        // Long enough rows to fill more than one 1 MiB chunk.
        let padding = String(repeating: "p", count: 90)
        for i in 0..<12_000 {
            let row = Self.row("r\(i)", ["\(words[i % words.count]) \(i)", padding])
            haystacks.append(row.haystack)
            _ = store.append(row, page: i / 50 + 1)
        }
        #expect(store.haystacks.chunks.count > 1)
        let order: [Int32] = (0..<Int32(12_000)).reversed()
        let scan = FilterScan(store: store, order: order)
        for text in ["straße", "STRASSE", "İstanbul", "σοφια", "acme", "ZX00", "zx0001", "1199", "é 🎉", "日本", "a b", "e 1", "!globex", "!p", "^acme", "corp \\d+$", "zz", "r11999", "pp r0"] {
            let filter = RowFilter(text)!
            let expected = order.indices.filter { filter.matches(lowercased: haystacks[Int(order[$0])]) }
            #expect(scan.matchingRows(filter, rows: 0..<order.count, cancellable: false) == expected, "filter \(text)")
            #expect(scan.matchingRows(filter, rows: 100..<160, cancellable: false) == expected.filter { (100..<160).contains($0) }, "filter \(text) on a range")
        }
    }

    @Test func backgroundFilterOnALargeListMatchesTheOldSemantics() async {
        let h = await Harness(configure: { $0.perPage = 500 }) { ds in
            await ds.add(.customers, (1...2_500).map { Fixture.customer($0, name: $0 % 7 == 0 ? "Ünïon Straße \($0)" : "Customer \($0)") })
        }
        await h.command("customers")
        for _ in 0..<10 { await h.press("G") }
        #expect(h.focusedPane.countText == "2500")
        await h.press("/")
        await h.type("STRASSE")
        #expect(h.focusedPane.countText.hasPrefix("0/"))
        for _ in 0..<7 { await h.press("backspace") }
        await h.type("ünïon straße 14")
        #expect(h.column(0).first == "Ünïon Straße 14")
        #expect(h.focusedPane.countText == "\((1...2_500).filter { $0 % 7 == 0 && String($0).hasPrefix("14") }.count)/2500")
        await h.press("escape", "/")
        await h.type("!customer")
        #expect(h.focusedPane.countText == "\(2_500 / 7)/2500")
        await h.press("escape", "/")
        await h.type("^ünïon.*7$")
        #expect(h.focusedPane.countText == "\((1...2_500).filter { $0 % 7 == 0 && $0 % 10 == 7 }.count)/2500")
    }

    /// A customers list of `count` rows in pages of `perPage`, paged through to its end with
    /// `G` until every page is loaded.
    static func pagedThrough(customers count: Int, perPage: Int) async throws -> (Harness, ListPane) {
        let h = await Harness(configure: { $0.perPage = perPage }) { ds in
            await ds.add(.customers, (1...count).map { Fixture.customer($0) })
        }
        await h.command("customers")
        let pane = try #require(h.model.top?.focused as? ListPane)
        for _ in 0..<(count / perPage + 2) where pane.hasMore { await h.press("G") }
        return (h, pane)
    }

    @Test func pagingThroughTenThousandRowsKeepsFewPagesOfJSON() async throws {
        let (h, pane) = try await Self.pagedThrough(customers: 10_000, perPage: 100)
        await h.press("G")
        #expect(pane.rowCount == 10_000)
        #expect(pane.diagnostics.residentPageCount <= ListPane.residentPageLimit)
        #expect(pane.diagnostics.residentRecordCount <= ListPane.residentPageLimit * 100 + ResidentWindow.singleLimit)
        #expect(pane.selectedRecord?.id == "c10000")
        // Every row still draws, from the compact store.
        await h.press("g")
        #expect(h.column(0).first == "Customer 1")
    }

    @Test func jumpingToARowWhosePageIsNotHeldReadsItBack() async throws {
        let (h, pane) = try await Self.pagedThrough(customers: 200, perPage: 10)
        #expect(pane.rowCount == 200)
        #expect(pane.diagnostics.residentPageCount <= ListPane.residentPageLimit)
        let listedBefore = await h.ds.count("list customers p1")
        let rereadsBefore = pane.diagnostics.rereadsStarted
        h.model.handle(KeyPress("g"))
        // At once: the row is shown and known, its record is not (actions wait for it).
        #expect(h.selectedID == "c1")
        #expect(pane.selectedID == "c1")
        #expect(pane.selectedRecord == nil)
        #expect(h.column(0).first == "Customer 1")
        await h.model.idle()
        #expect(pane.selectedRecord?.id == "c1")
        #expect(pane.selectedRecord?.json.string("email") == "c1@example.com")
        #expect(pane.diagnostics.rereadsStarted > rereadsBefore)
        #expect(await h.ds.count("list customers p1") == listedBefore + 1)
        #expect(pane.diagnostics.residentPageCount <= ListPane.residentPageLimit)
        #expect(pane.rowCount == 200)
    }

    @Test func aRecordThatMovedOffItsPageIsReadOnItsOwn() async throws {
        let (h, pane) = try await Self.pagedThrough(customers: 100, perPage: 10)
        // New customers push customer 1 onto page 2 on the server.
        await h.ds.add(.customers, (101...110).map { Fixture.customer($0, name: "New \($0)") }, atFront: true)
        await h.press("g")
        #expect(h.selectedID == "c1")
        #expect(pane.selectedRecord?.id == "c1")
        #expect(await h.ds.count("get customers cus_1") == 1)
        // The rows themselves did not move: that waits for a refresh.
        #expect(h.column(0).first == "Customer 1")
    }

    @Test func overlappingPagesShowEachRecordOnce() async throws {
        let h = await Harness(configure: { $0.perPage = 10 }) { ds in
            await ds.add(.customers, (1...60).map { Fixture.customer($0) })
            await ds.setReportsTotals(false)
        }
        await h.command("customers")
        let pane = try #require(h.model.top?.focused as? ListPane)
        #expect(pane.rowCount == 30)
        // One new record at the front: page 4 now starts with customer 30 again.
        await h.ds.add(.customers, [Fixture.customer(61, name: "Newest")], atFront: true)
        for _ in 0..<10 where pane.hasMore { await h.press("G") }
        #expect(pane.rowCount == 60)
        await h.press("g")
        var ids: [String] = []
        for _ in 0..<60 {
            if let id = pane.selectedID { ids.append(id) }
            h.model.handle(.down)
        }
        #expect(ids == (1...60).map { "c\($0)" })
    }

    @Test func refreshingAChangingListKeepsTheStoreBounded() async throws {
        let h = await Harness(configure: { $0.perPage = 10 }) { ds in
            await ds.add(.customers, (1...20).map { Fixture.customer($0) })
        }
        await h.command("customers")
        let pane = try #require(h.model.top?.focused as? ListPane)
        await h.select("c7")
        pane.compactionSlack = 16
        for round in 0..<30 {
            await h.ds.update(.customers, #"{"lago_id":"c3","external_id":"cus_3","name":"Renamed \#(round)","email":"c3@example.com","currency":"USD"}"#)
            for n in [5, 12, 18] {
                await h.ds.update(.customers, #"{"lago_id":"c\#(n)","external_id":"cus_\#(n)","name":"Customer \#(n) v\#(round)","email":"c\#(n)@example.com","currency":"USD"}"#)
            }
            await h.press("ctrl-r")
        }
        #expect(pane.rowCount == 20)
        #expect(h.selectedID == "c7")
        #expect(pane.selectedRecord?.id == "c7")
        #expect(h.column(0).contains("Renamed 29"))
        #expect(h.column(0).contains("Customer 18 v29"))
        // 120 replaced rows were stored; compaction keeps the store near its live size.
        #expect(pane.diagnostics.storeSlotCount <= 2 * 20 + 16 + 4)
    }

    /// The dashboard's customer panes follow a customer whose record had to be read back.
    @Test func dashboardFollowsACustomerWhoseRecordWasReadBack() async throws {
        let h = await Harness(configure: { $0.perPage = 10 }) { ds in
            await ds.add(.customers, (1...120).map { Fixture.customer($0) })
            await ds.add(.invoices, [Fixture.invoice("inv_a", number: "INV-A", customer: "cus_1"),
                                     Fixture.invoice("inv_z", number: "INV-Z", customer: "cus_120")])
        }
        await h.start()
        let customers = try #require(h.model.top?.panes.first as? ListPane)
        for _ in 0..<20 where customers.hasMore { await h.press("G") }
        await h.press("G")
        #expect(customers.selectedID == "c120")
        #expect(h.column(0, of: h.pane("dashboard.invoices")) == ["INV-Z"])
        h.model.handle(KeyPress("g"))
        #expect(customers.selectedRecord == nil)
        await h.model.idle()
        #expect(customers.selectedRecord?.id == "c1")
        #expect(h.column(0, of: h.pane("dashboard.invoices")) == ["INV-A"])
        #expect(customers.diagnostics.residentPageCount <= ListPane.residentPageLimit)
    }
}
