import Foundation
import Testing
@testable import BrowserModel
import LagoTesting

@Suite struct CommandParserTests {
    @Test(arguments: CommandParser.aliases.sorted { $0.key < $1.key })
    func everyAliasParses(alias: String, target: String) throws {
        let argument = ["wallet_transactions": " w_1", "sort": " name", "write": " results.ndjson"][target] ?? ""
        let text = alias + argument
        let parsed = try CommandParser.parse(text)
        switch parsed {
        case let .list(cmd): #expect(cmd.resource.rawValue == target)
        case .usage: #expect(target == "usage")
        case .overdue: #expect(target == "overdue")
        case .analytics: #expect(target == "analytics")
        case .dashboard: #expect(target == "dashboard")
        case .profile: #expect(target == "profile")
        case .search: #expect(target == "search")
        case .help: #expect(target == "help")
        case .quit: #expect(target == "quit")
        case .sort: #expect(target == "sort")
        case .event: #expect(target == "events")
        case let .write(path):
            #expect(target == "write")
            #expect(path == "results.ndjson")
        }
    }

    @Test func everyListableResourceHasACommand() {
        let targets = Set(CommandParser.aliases.values)
        for kind in ResourceKind.allCases { #expect(targets.contains(kind.rawValue), "\(kind)") }
    }

    @Test func positionalArgumentFiltersByCustomer() throws {
        guard case let .list(cmd) = try CommandParser.parse("inv cus_123") else { Issue.record("not a list"); return }
        #expect(cmd.filters == [ListFilter("external_customer_id", "cus_123")])
    }

    @Test func keyValueArgumentsAndQuickFilters() throws {
        guard case let .list(a) = try CommandParser.parse("inv status=draft customer=cus_9") else { return }
        #expect(a.filters == [ListFilter("external_customer_id", "cus_9"), ListFilter("status", "draft")])
        guard case let .list(b) = try CommandParser.parse("invoices outstanding") else { return }
        #expect(b.quickFilter == .outstanding)
        guard case let .list(c) = try CommandParser.parse("cus ?acme /corp") else { return }
        #expect(c.search == "acme")
        #expect(c.localFilter == "corp")
        guard case let .list(d) = try CommandParser.parse("sub status=active,pending") else { return }
        #expect(d.filters == [ListFilter("status", ["active", "pending"])])
    }

    @Test func otherCommands() throws {
        #expect(try CommandParser.parse("profile eu-live") == .profile("eu-live"))
        #expect(try CommandParser.parse("usage cus_1 sub_1") == .usage(customer: "cus_1", subscription: "sub_1"))
        #expect(try CommandParser.parse("u sub_1") == .usage(customer: nil, subscription: "sub_1"))
        #expect(try CommandParser.parse("od") == .overdue)
        #expect(try CommandParser.parse("sort amount desc") == .sort(column: "amount", ascending: false))
        #expect(try CommandParser.parse("q") == .quit)
    }

    @Test func errorsSayWhatIsWrong() {
        #expect(throws: CommandError(message: "unknown command \"nope\"")) { try CommandParser.parse("nope") }
        #expect(throws: CommandError.self) { try CommandParser.parse("inv colour=red") }
        #expect(throws: CommandError(message: "wallet transactions need a wallet id: :wt WALLET_ID")) { try CommandParser.parse("wt") }
        #expect(throws: CommandError.self) { try CommandParser.parse("plans extra") }
        #expect(throws: CommandError.self) { try CommandParser.parse("sub ?term") }
    }

    @Test func completion() {
        #expect(CommandParser.completions(for: "in").prefix(3) == ["inv", "invoice", "invoices"])
        #expect(CommandParser.completions(for: "inv st") == ["status="])
        #expect(CommandParser.completions(for: "inv status=d") == ["status=draft"])
        #expect(CommandParser.completions(for: "inv ou") == ["outstanding"])
        #expect(CommandParser.completions(for: "profile e", profiles: ["eu-live", "us-test"]) == ["eu-live"])
    }

    @Test func historyKeepsNewestLastWithoutRepeats() {
        var h = CommandHistory(capacity: 3)
        for c in ["inv", "cus", "inv", "overdue", "usage sub_1"] { h.record(c) }
        #expect(h.entries == ["inv", "overdue", "usage sub_1"])
        #expect(h.suggestion(for: "us") == "usage sub_1")
        #expect(h.suggestion(for: "zz") == nil)
    }

    @Test func quickFiltersMatchLagosWebApp() {
        #expect(InvoiceQuickFilter.outstanding.filters == [ListFilter("status", "finalized"), ListFilter("payment_status", ["failed", "pending"])])
        #expect(InvoiceQuickFilter.succeeded.filters == [ListFilter("status", "finalized"), ListFilter("payment_status", "succeeded")])
        #expect(InvoiceQuickFilter.overdue.filters == [ListFilter("payment_overdue", "true")])
        #expect(InvoiceQuickFilter.disputed.filters == [ListFilter("payment_dispute_lost", "true")])
        let r = InvoiceQuickFilter.outstanding.apply(to: ListRequest(.invoices, filters: [ListFilter("external_customer_id", "c")]))
        #expect(r.queryItems.map { "\($0.name)=\($0.value ?? "")" } == ["external_customer_id=c", "payment_statuses[]=failed", "payment_statuses[]=pending", "statuses[]=finalized"])
        #expect(InvoiceQuickFilter.matching(r) == .outstanding)
    }
}

@MainActor
@Suite struct CommandFlowTests {
    @Test func listCommandsOpenFullScreenListsWithFilters() async {
        let h = await Harness.standard()
        await h.start()
        await h.command("inv status=draft")
        #expect(h.snapshot.breadcrumbs == ["invoices"])
        #expect(h.column(0) == ["INV-0042"])
        await h.command("inv cus_2")
        #expect(h.column(0) == ["GLO-0001"])
        #expect(h.focusedPane.title == "invoices · cus_2")
        await h.command("inv outstanding")
        #expect(h.column(0) == ["INV-0041", "GLO-0001"])
        #expect(h.focusedPane.summary.first?.text.contains("[Outstanding]") == true)
        await h.press("t")
        #expect(h.column(0) == ["INV-0040"])
        await h.command("wallets")
        #expect(h.column(0) == ["Main", "Old"])
        await h.command("cus")
        #expect(h.focusedPane.countText == "3")
        await h.press("esc")
        #expect(h.snapshot.breadcrumbs == ["customers"])
        #expect(h.snapshot.body.layout == .dashboard)
    }

    @Test func badCommandShowsAWarningAndChangesNothing() async {
        let h = await Harness.standard()
        await h.start()
        await h.command("inv colour=red")
        #expect(h.snapshot.toasts.last?.level == .warning)
        #expect(h.snapshot.breadcrumbs == ["customers"])
    }

    @Test func profileCommandAsksTheHostToSwitch() async {
        let h = await Harness.standard()
        await h.start()
        await h.command("profile eu-live")
        #expect(h.model.takeEffects() == [.switchProfile("eu-live")])
        await h.command("profile nowhere")
        #expect(h.model.takeEffects().isEmpty)
        h.model.notify("profile eu-live: no API key", level: .error)
        #expect(h.snapshot.toasts.last?.text == "profile eu-live: no API key")
        #expect(h.snapshot.toasts.last?.sticky == true)
        let ds = InMemoryDataSource()
        await ds.add(.customers, [Fixture.customer(7, name: "Live Co")])
        h.model.replaceSession(BrowserSession(profile: ProfileInfo(name: "eu-live", environment: .live, readOnly: true, apiHost: "api.eu.getlago.com"), dataSource: ds))
        await h.model.idle()
        #expect(h.snapshot.header.badges == ["LIVE", "RO"])
        #expect(h.column(0, of: h.pane("customers")) == ["Live Co"])
    }

    @Test func promptCompletionAndHistory() async {
        let h = await Harness.standard()
        await h.start()
        await h.command("inv status=draft")
        await h.press(":")
        await h.type("inv st")
        #expect(h.snapshot.prompt?.suggestion == "atus=draft")
        await h.press("tab")
        #expect(h.snapshot.prompt?.text == "inv status=draft")
        await h.press("esc", ":", "up")
        #expect(h.snapshot.prompt?.text == "inv status=draft")
        await h.press("esc", ":")
        await h.type("ove")
        await h.press("tab")
        #expect(h.snapshot.prompt?.text == "overdue ")
        await h.press("enter")
        #expect(h.snapshot.breadcrumbs == ["overdue"])
    }

    @Test func usageCommandUsesArgumentsOrTheSelection() async {
        let h = await Harness.standard()
        await h.start()
        await h.command("usage cus_1 sub_1")
        #expect(h.snapshot.breadcrumbs == ["sub_1", "usage"])
        #expect(await h.ds.count("usage sub_1") >= 1)
        await h.command("dashboard")
        await h.press("enter")
        await h.command("usage")
        #expect(h.snapshot.breadcrumbs == ["Pro", "usage"])
    }
}
