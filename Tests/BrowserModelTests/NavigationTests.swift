import Foundation
import Testing
@testable import BrowserModel

@MainActor
@Suite struct NavigationTests {
    @Test func dashboardLoadsCustomersAndTheSelectedCustomersPanes() async {
        let h = await Harness.standard()
        await h.start()
        let s = h.snapshot
        #expect(s.breadcrumbs == ["customers"])
        #expect(s.body.layout == .dashboard)
        #expect(s.body.panes.map(\.id.rawValue) == ["customers", "dashboard.subscriptions", "dashboard.invoices", "dashboard.usage", "dashboard.wallets", "dashboard.payment_requests"])
        #expect(h.column(0, of: h.pane("customers")) == ["Acme", "Globex", "Initech"])
        #expect(h.column(0, of: h.pane("dashboard.invoices")) == ["INV-0042", "INV-0041", "INV-0040", "INV-0039"])
        #expect(h.column(0, of: h.pane("dashboard.wallets")) == ["Main", "Old"])
        #expect(h.pane("customers")?.countText == "3")
    }

    @Test func drillDownAndBackWithBreadcrumbs() async {
        let h = await Harness.standard()
        await h.start()
        await h.press("enter")
        #expect(h.snapshot.breadcrumbs == ["customers", "Acme", "subscriptions"])
        await h.press("tab")
        #expect(h.snapshot.breadcrumbs == ["customers", "Acme", "invoices"])
        await h.press("enter")
        #expect(h.snapshot.breadcrumbs == ["customers", "Acme", "invoices", "INV-0042"])
        #expect(h.snapshot.body.layout == .single)
        #expect(await h.ds.count("get invoices inv_draft") == 1)
        await h.press("esc")
        #expect(h.snapshot.breadcrumbs == ["customers", "Acme", "invoices"])
        await h.press("esc")
        #expect(h.snapshot.breadcrumbs == ["customers"])
        #expect(h.focusedPane.id.rawValue == "customers")
    }

    @Test func selectingAnotherCustomerReloadsItsPanes() async {
        let h = await Harness.standard()
        await h.start()
        await h.press("down")
        #expect(h.column(0, of: h.pane("dashboard.invoices")) == ["GLO-0001"])
        #expect(h.pane("dashboard.wallets")?.emptyMessage == "No wallets")
    }

    @Test func enterOnSubscriptionOpensItsUsageAndWalletOpensTransactions() async {
        let h = await Harness.standard()
        await h.start()
        await h.press("enter", "enter")
        #expect(h.snapshot.breadcrumbs == ["customers", "Acme", "subscriptions", "Pro", "usage"])
        #expect(h.focusedPane.title == "usage")
        await h.press("esc", "tab", "tab", "tab")
        #expect(h.focusedPane.id.rawValue == "dashboard.wallets")
        await h.press("enter")
        #expect(h.snapshot.breadcrumbs == ["customers", "Acme", "wallets", "Main", "transactions"])
        #expect(await h.ds.count("list wallet_transactions p1") == 1)
    }

    @Test func customerFromFullListOpensItsOwnScreen() async {
        let h = await Harness.standard()
        await h.start()
        await h.command("cus")
        #expect(h.snapshot.breadcrumbs == ["customers"])
        await h.press("enter")
        #expect(h.snapshot.body.layout == .stacked)
        #expect(h.snapshot.breadcrumbs == ["customers", "Acme", "subscriptions"])
        await h.press("tab", "enter")
        #expect(h.snapshot.breadcrumbs == ["customers", "Acme", "invoices", "INV-0042"])
    }

    @Test func detailViewOpensOnTheInvoiceThenFieldsAndRawJSON() async {
        let h = await Harness.standard()
        await h.start()
        await h.press("enter", "tab", "enter")
        guard case let .text(document) = h.focusedPane.content else { Issue.record("not text"); return }
        #expect(document.tabs == ["invoice", "fields", "history", "raw JSON"])
        #expect(document.activeTab == 0)
        #expect(document.lines.contains { $0.text == "API calls · 10 units" && $0.trailing == "$1,000.00" })
        #expect(document.lines.contains { $0.text == "Total" && $0.trailing == "$1,250.00" })
        #expect(document.lines.contains { $0.text == "Amount due" && $0.trailing == "$1,250.00" })
        await h.press("tab")
        guard case let .text(fields) = h.focusedPane.content else { return }
        #expect(fields.activeTab == 1)
        #expect(fields.lines.contains { $0.text == "number: INV-0042" })
        #expect(fields.lines.contains { $0.text == "customer:" })
        #expect(fields.lines.contains { $0.text == "name: Acme" && $0.indent == 1 })
        await h.press("y")
        guard case let .text(raw) = h.focusedPane.content else { return }
        #expect(raw.activeTab == 3)
        #expect(raw.lines.contains { $0.text.contains("\"number\": \"INV-0042\"") })
    }

    @Test func apiTextNeverReachesTheTerminalAsControlSequences() async {
        let h = await Harness { ds in
            await ds.add(.customers, [#"{"lago_id":"c1","external_id":"cus_1","name":"Evil\u001b[31mCorp\u0007"}"#])
        }
        await h.start()
        let name = h.column(0, of: h.pane("customers")).first ?? ""
        #expect(!name.unicodeScalars.contains { $0.value < 0x20 })
        #expect(name.hasPrefix("Evil"))
    }
}
