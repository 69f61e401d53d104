import Foundation
@testable import BrowserModel
@testable import TerminalUI
import LagoTesting

/// Lago-shaped JSON records and a browser wired to the in-memory data source, for scripted
/// terminal sessions.
enum ModelFixtures {
    static let hostileName = #"Evil\u001b[2J\u001b]52;c;cm0gLXJm\u0007Corp\u009b31m"#

    static func customer(_ n: Int, name: String) -> String {
        #"{"lago_id":"c\#(n)","external_id":"cus_\#(n)","name":"\#(name)","email":"c\#(n)@example.com","currency":"USD","created_at":"2024-01-0\#(n % 9 + 1)T10:00:00Z"}"#
    }

    static func subscription(_ id: String, customer: String, status: String = "active", name: String) -> String {
        #"{"lago_id":"s_\#(id)","external_id":"\#(id)","external_customer_id":"\#(customer)","lago_customer_id":"c1","name":"\#(name)","plan_code":"pro","status":"\#(status)","started_at":"2024-01-01T00:00:00Z"}"#
    }

    static func invoice(_ id: String, number: String, customer: String = "cus_1", customerName: String = "Acme",
                        status: String = "finalized", payment: String = "pending", total: Int = 125_000) -> String {
        #"{"lago_id":"\#(id)","number":"\#(number)","status":"\#(status)","payment_status":"\#(payment)","currency":"USD","total_amount_cents":\#(total),"total_due_amount_cents":\#(total),"payment_overdue":false,"payment_due_date":"2026-11-01","issuing_date":"2026-10-01","invoice_type":"subscription","customer":{"lago_id":"c1","external_id":"\#(customer)","name":"\#(customerName)"},"fees":[{"lago_id":"f1","amount_cents":100000,"amount_currency":"USD","units":"10.0","item":{"name":"API calls","code":"api"}}],"sub_total_excluding_taxes_amount_cents":125000,"taxes_amount_cents":0,"total_paid_amount_cents":0}"#
    }

    static func wallet(_ id: String, customer: String = "cus_1", status: String = "active", name: String) -> String {
        #"{"lago_id":"\#(id)","name":"\#(name)","external_customer_id":"\#(customer)","lago_customer_id":"c1","status":"\#(status)","currency":"USD","rate_amount":"1.0","credits_balance":"10.0","balance_cents":1000,"ongoing_balance_cents":1000,"priority":50,"paid_top_up_min_amount_cents":null,"paid_top_up_max_amount_cents":null}"#
    }

    static let usage = #"{"from_datetime":"2026-11-01T00:00:00Z","to_datetime":"2026-11-30T23:59:59Z","issuing_date":"2026-11-30","currency":"USD","amount_cents":500,"taxes_amount_cents":0,"total_amount_cents":500,"lago_invoice_id":null,"charges_usage":[{"units":"4.0","events_count":4,"amount_cents":500,"amount_currency":"USD","charge":{"lago_id":"ch1","charge_model":"standard","invoice_display_name":null},"billable_metric":{"lago_id":"bm1","name":"API calls","code":"api_calls","aggregation_type":"count_agg"},"filters":[],"grouped_usage":[]}]}"#

    /// A browser over: Acme (two subscriptions, invoices in several states, a wallet) and
    /// customers with CJK, emoji, RTL and escape-sequence names.
    @MainActor
    static func browser(environment: EnvironmentKind = .test, readOnly: Bool = false) async -> (BrowserModel, InMemoryDataSource) {
        let ds = InMemoryDataSource()
        await ds.add(.customers, [customer(1, name: "Acme"), customer(2, name: "株式会社テスト"), customer(3, name: "Café 😀 Ltd"),
                                  customer(4, name: "شركة الاختبار"), customer(5, name: hostileName), customer(6, name: "Globex")])
        await ds.add(.subscriptions, [subscription("sub_1", customer: "cus_1", name: "Pro"), subscription("sub_2", customer: "cus_1", status: "pending", name: "Starter")])
        await ds.add(.invoices, [
            invoice("inv_draft", number: "INV-0042", status: "draft"),
            invoice("inv_fail", number: "INV-0041", payment: "failed", total: 9_900),
            invoice("inv_paid", number: "INV-0040", payment: "succeeded"),
            invoice("inv_jp", number: "JP-0001", customer: "cus_2", customerName: "株式会社テスト"),
        ])
        await ds.add(.wallets, [wallet("w_1", name: "Prepaid")])
        await ds.scriptUsage("sub_1", [.success(usage)])
        var config = BrowserConfiguration()
        config.selectionDebounce = .zero
        config.perPage = 20
        config.downloadDirectory = FileManager.default.temporaryDirectory
        let profile = ProfileInfo(name: environment == .live ? "eu-live" : "sandbox", environment: environment, readOnly: readOnly,
                                  apiHost: "127.0.0.1", webAppURL: URL(string: "https://app.getlago.com"))
        let model = BrowserModel(session: BrowserSession(profile: profile, dataSource: ds), configuration: config, clock: ManualBrowserClock())
        return (model, ds)
    }

    /// A started test driver over that browser.
    @MainActor
    static func driver(rows: Int = 60, columns: Int = 200, environment: EnvironmentKind = .test, readOnly: Bool = false) async -> (TerminalTestDriver, InMemoryDataSource, [URL]) {
        let (model, ds) = await browser(environment: environment, readOnly: readOnly)
        let opened = OpenedURLs()
        let view = BrowserView(model: model, openURL: { opened.urls.append($0) }, clock: { Date(timeIntervalSince1970: 1_795_348_800) })
        let driver = TerminalTestDriver(app: view, rows: rows, columns: columns, idle: { await model.idle() }, apiCalls: { await ds.calls })
        await driver.start()
        return (driver, ds, opened.urls)
    }
}

@MainActor
final class OpenedURLs { var urls: [URL] = [] }
