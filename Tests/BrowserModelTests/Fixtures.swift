import Foundation
import LagoTesting
@testable import BrowserModel

/// JSON builders for the records the tests need, shaped like Lago's responses.
enum Fixture {
    static func customer(_ n: Int, name: String? = nil) -> String {
        """
        {"lago_id":"c\(n)","external_id":"cus_\(n)","name":"\(name ?? "Customer \(n)")","email":"c\(n)@example.com","currency":"USD","created_at":"2024-01-0\(n % 9 + 1)T10:00:00Z"}
        """
    }

    static func subscription(_ id: String, customer: String, status: String = "active", name: String? = nil) -> String {
        """
        {"lago_id":"s_\(id)","external_id":"\(id)","external_customer_id":"\(customer)","lago_customer_id":"c1","name":\(name.map { "\"\($0)\"" } ?? "null"),"plan_code":"pro","status":"\(status)","started_at":"2024-01-01T00:00:00Z"}
        """
    }

    static func invoice(_ id: String, number: String, customer: String = "cus_1", customerName: String = "Acme",
                        status: String = "finalized", payment: String = "pending", total: Int = 125_000, due: Int? = nil,
                        currency: String = "USD", overdue: Bool = false, dueDate: String = "2026-11-01", issuing: String = "2026-10-01") -> String {
        """
        {"lago_id":"\(id)","number":"\(number)","status":"\(status)","payment_status":"\(payment)","currency":"\(currency)","total_amount_cents":\(total),"total_due_amount_cents":\(due ?? total),"payment_overdue":\(overdue),"payment_due_date":"\(dueDate)","issuing_date":"\(issuing)","invoice_type":"subscription","customer":{"lago_id":"c1","external_id":"\(customer)","name":"\(customerName)"},
         "fees":[{"lago_id":"f1","amount_cents":100000,"amount_currency":"\(currency)","units":"10.0","item":{"name":"API calls","code":"api"}},{"lago_id":"f2","amount_cents":25000,"amount_currency":"\(currency)","units":"1","item":{"name":"Seats","code":"seats"}}],
         "sub_total_excluding_taxes_amount_cents":125000,"taxes_amount_cents":0,"total_paid_amount_cents":0}
        """
    }

    static func wallet(_ id: String, customer: String = "cus_1", status: String = "active", rate: String = "2.0",
                       min: Int? = nil, max: Int? = nil, name: String = "Main") -> String {
        """
        {"lago_id":"\(id)","name":"\(name)","external_customer_id":"\(customer)","lago_customer_id":"c1","status":"\(status)","currency":"USD","rate_amount":"\(rate)","credits_balance":"10.0","balance_cents":2000,"ongoing_balance_cents":2000,"priority":50,"paid_top_up_min_amount_cents":\(min.map(String.init) ?? "null"),"paid_top_up_max_amount_cents":\(max.map(String.init) ?? "null")}
        """
    }

    static func usage(units: String = "4.0", amount: Int = 500, total: Int? = nil) -> String {
        """
        {"from_datetime":"2026-11-01T00:00:00Z","to_datetime":"2026-11-30T23:59:59Z","issuing_date":"2026-11-30","currency":"USD","amount_cents":\(amount),"taxes_amount_cents":0,"total_amount_cents":\(total ?? amount),"lago_invoice_id":null,
         "charges_usage":[{"units":"\(units)","events_count":4,"amount_cents":\(amount),"amount_currency":"USD","charge":{"lago_id":"ch1","charge_model":"standard","invoice_display_name":null},"billable_metric":{"lago_id":"bm1","name":"API calls","code":"api_calls","aggregation_type":"count_agg"},
           "filters":[{"units":"3.0","amount_cents":300,"invoice_display_name":null,"values":{"region":["eu"]}},{"units":"1.0","amount_cents":200,"invoice_display_name":null,"values":null}],"grouped_usage":[]},
          {"units":"2","events_count":2,"amount_cents":0,"amount_currency":"USD","charge":{"lago_id":"ch2","charge_model":"standard","invoice_display_name":"Storage"},"billable_metric":{"lago_id":"bm2","name":"Storage","code":"storage","aggregation_type":"sum_agg"},"filters":[],"grouped_usage":[]}]}
        """
    }
}

@MainActor
struct Harness {
    let model: BrowserModel
    let ds: InMemoryDataSource
    let clock: ManualBrowserClock

    init(environment: EnvironmentKind = .test, readOnly: Bool = false, configure: (inout BrowserConfiguration) -> Void = { _ in },
         seed: (InMemoryDataSource) async -> Void) async {
        let ds = InMemoryDataSource()
        await seed(ds)
        var config = BrowserConfiguration()
        config.selectionDebounce = .zero
        config.perPage = 10
        config.profiles = ["test", "eu-live"]
        config.downloadDirectory = URL(fileURLWithPath: "/tmp/lagotui-test-downloads")
        configure(&config)
        clock = ManualBrowserClock()
        self.ds = ds
        model = BrowserModel(session: BrowserSession(profile: ProfileInfo(name: environment == .live ? "eu-live" : "test", environment: environment, readOnly: readOnly,
                                                                          apiHost: "api.getlago.com", webAppURL: URL(string: "https://app.getlago.com")),
                                                     dataSource: ds),
                             configuration: config, clock: clock)
    }

    /// Standard data: 3 customers; Acme (cus_1) with two subscriptions, invoices in several states, two wallets.
    static func standard(environment: EnvironmentKind = .test, readOnly: Bool = false, configure: (inout BrowserConfiguration) -> Void = { _ in }) async -> Harness {
        await Harness(environment: environment, readOnly: readOnly, configure: configure) { ds in
            await ds.add(.customers, [Fixture.customer(1, name: "Acme"), Fixture.customer(2, name: "Globex"), Fixture.customer(3, name: "Initech")])
            await ds.add(.subscriptions, [Fixture.subscription("sub_1", customer: "cus_1", name: "Pro"), Fixture.subscription("sub_2", customer: "cus_1", status: "pending")])
            await ds.add(.invoices, [
                Fixture.invoice("inv_draft", number: "INV-0042", status: "draft", payment: "pending"),
                Fixture.invoice("inv_fail", number: "INV-0041", status: "finalized", payment: "failed"),
                Fixture.invoice("inv_paid", number: "INV-0040", status: "finalized", payment: "succeeded"),
                Fixture.invoice("inv_void", number: "INV-0039", status: "voided", payment: "pending"),
                Fixture.invoice("inv_other", number: "GLO-0001", customer: "cus_2", customerName: "Globex"),
            ])
            await ds.add(.wallets, [Fixture.wallet("w_1", min: 1000, max: 50000), Fixture.wallet("w_2", status: "terminated", name: "Old")])
            await ds.scriptUsage("sub_1", [.success(Fixture.usage())])
        }
    }

    func start() async {
        model.start()
        await model.idle()
    }

    func press(_ keys: String...) async { await model.press(keys) }

    func type(_ text: String) async { await model.type(text) }

    func command(_ text: String) async { await model.command(text) }

    var snapshot: BrowserSnapshot { model.snapshot() }

    var focusedPane: PaneSnapshot { model.focusedPaneSnapshot }

    func pane(_ id: String) -> PaneSnapshot? { snapshot.body.panes.first { $0.id.rawValue == id } }

    func table(_ pane: PaneSnapshot) -> TableSnapshot? {
        if case let .table(t) = pane.content { return t }
        return nil
    }

    /// Cell `column` of each visible row of the focused pane.
    func column(_ index: Int, of pane: PaneSnapshot? = nil) -> [String] {
        table(pane ?? focusedPane)?.rows.map { $0.cells[index] } ?? []
    }

    var selectedID: String? { table(focusedPane)?.rows.first { $0.selected }?.id }

    /// Moves the focused list's cursor onto the row with `id`.
    func select(_ id: String) async {
        for _ in 0..<50 {
            if selectedID == id { break }
            model.handle(.down)
        }
        await model.idle()
    }
}
