import Foundation
import LagoAPI
import LagoSandbox
import LagoTesting
import Testing
@testable import BrowserModel

/// The analytics the browser reads (its exact parse of Lago's floats and decimal strings and
/// its monthly totals) equal sums computed here, independently, from the sandbox's invoices,
/// fees and credit notes as its REST API serves them — so the charts are the invoices' own
/// arithmetic, and they move when an invoice does.
@Suite(.serialized) struct AnalyticsFiguresTests {
    struct Key: Hashable { var month: String; var currency: String; var group: String? = nil }

    static func get(_ client: LagoClient, _ path: String, _ query: [URLQueryItem] = []) async throws -> JSONValue {
        try JSONValue.parse(try await client.send(.get, path, query: query).body)
    }

    static func all(_ client: LagoClient, _ path: String, root: String, _ query: [URLQueryItem] = []) async throws -> [JSONValue] {
        var items: [JSONValue] = []
        var page = 1
        while true {
            let json = try await get(client, path, query + [URLQueryItem(name: "page", value: String(page)), URLQueryItem(name: "per_page", value: "100")])
            items += json.array(root)
            guard let next = json.int64("meta.next_page") else { return items }
            page = Int(next)
        }
    }

    /// What the browser makes of one series: its rows summed per month, currency and group.
    static func served(_ client: LagoClient, _ series: AnalyticsSeries, months: Int = 24) async throws -> [Key: Int64] {
        let json = try await get(client, series.path, series.query(months: months))
        var sums: [Key: Int64] = [:]
        for row in AnalyticsRow.rows(json, series: series) { sums[Key(month: row.month, currency: row.currency, group: row.group), default: 0] += row.cents }
        return sums.filter { $0.value != 0 }
    }

    static func window(_ months: Int) -> Set<String> { Set(AnalyticsReport.monthKeys(endingAt: Date(), count: months)) }

    @Test func grossRevenueCollectionOverdueAndUsageEqualTheInvoicesSums() async throws {
        try await SandboxHarness.with { sandbox in
            let client = sandbox.client
            let window = Self.window(24)
            let invoices = try await Self.all(client, "/invoices", root: "invoices")
            let notes = try await Self.all(client, "/credit_notes", root: "credit_notes")
            var refunds: [String: Int64] = [:]
            for note in notes { refunds[note.string("lago_invoice_id") ?? "", default: 0] += note.int64("refund_amount_cents") ?? 0 }

            var gross: [Key: Int64] = [:], collection: [Key: Int64] = [:], overdue: [String: Int64] = [:]
            for invoice in invoices {
                let month = String((invoice.string("issuing_date") ?? "").prefix(7))
                let currency = invoice.string("currency") ?? ""
                if invoice.bool("payment_overdue") == true { overdue[currency, default: 0] += invoice.int64("total_due_amount_cents") ?? 0 }
                guard invoice.string("status") == "finalized", window.contains(month) else { continue }
                let total = invoice.int64("total_amount_cents") ?? 0
                if invoice.string("payment_dispute_lost_at") == nil {
                    gross[Key(month: month, currency: currency), default: 0] += total - (refunds[invoice.string("lago_id") ?? ""] ?? 0)
                }
                collection[Key(month: month, currency: currency, group: invoice.string("payment_status")), default: 0] += total
            }
            #expect(!gross.isEmpty)
            #expect(try await Self.served(client, .grossRevenue) == gross.filter { $0.value != 0 })
            #expect(try await Self.served(client, .invoiceCollection) == collection.filter { $0.value != 0 })
            var servedOverdue: [String: Int64] = [:]
            for row in AnalyticsRow.rows(try await Self.get(client, AnalyticsSeries.overdueBalance.path), series: .overdueBalance) {
                servedOverdue[row.currency, default: 0] += row.cents
            }
            #expect(servedOverdue == overdue.filter { $0.value != 0 })

            // Invoiced usage: every charge fee (whatever its invoice's status) less its share of
            // coupons, by the month the fee was created, metric code and currency.
            var usage: [Key: Decimal] = [:]
            for invoice in invoices {
                let id = try #require(invoice.string("lago_id"))
                guard let full = try await Self.get(client, "/invoices/" + id)["invoice"] else { continue }
                for fee in full.array("fees") where fee.string("item.type") == "charge" {
                    let month = String((fee.string("created_at") ?? "").prefix(7))
                    guard window.contains(month), let amount = fee.int64("amount_cents"),
                          let coupons = LagoNumber.decimal(fee.string("precise_coupons_amount_cents") ?? "0") else { continue }
                    usage[Key(month: month, currency: fee.string("amount_currency") ?? "", group: fee.string("item.code")), default: 0] += Decimal(amount) - coupons
                }
            }
            let rounded = usage.compactMapValues { value -> Int64? in AnalyticsRow.cents(.number("\(value)")) }.filter { $0.value != 0 }
            #expect(try await Self.served(client, .invoicedUsage) == rounded)
        }
    }

    @Test func mrrIsTheMonthlySubscriptionFeesOfFinalizedInvoices() async throws {
        try await SandboxHarness.with { sandbox in
            let client = sandbox.client
            let plans = try await Self.all(client, "/plans", root: "plans")
            var interval: [String: (String, Bool)] = [:]
            for plan in plans { interval[plan.string("code") ?? ""] = (plan.string("interval") ?? "", plan.bool("pay_in_advance") ?? false) }
            var mrr: [Key: Decimal] = [:], weekly: [Key: [Decimal]] = [:]
            for invoice in try await Self.all(client, "/invoices", root: "invoices", [URLQueryItem(name: "status", value: "finalized")])
            where invoice.string("invoice_type") == "subscription" {
                guard let full = try await Self.get(client, "/invoices/" + (invoice.string("lago_id") ?? ""))["invoice"],
                      let fee = full.array("fees").first(where: { $0.string("item.type") == "subscription" }),
                      let plan = full.array("subscriptions").first?.string("plan_code"), let (every, advance) = interval[plan],
                      let amount = fee.int64("amount_cents"), let coupons = LagoNumber.decimal(fee.string("precise_coupons_amount_cents") ?? "0"),
                      let rate = LagoNumber.decimal(fee.string("taxes_rate") ?? "0") else { continue }
                let net = (Decimal(amount) - coupons)
                var value = net + net * rate / 100
                var rounded = Decimal(), raw = value * 100
                NSDecimalRound(&rounded, &raw, 0, .down)
                value = rounded / 100
                let issuing = String((full.string("issuing_date") ?? "").prefix(7))
                let spread = ["monthly": 1, "quarterly": 3, "semiannual": 6, "yearly": 12][every]
                let currency = full.string("currency") ?? ""
                if let spread {
                    for n in 0..<spread {
                        let month = spread == 1 ? issuing : Self.shift(issuing, by: advance ? n : -(n + 1))
                        mrr[Key(month: month, currency: currency), default: 0] += value / Decimal(spread)
                    }
                } else {
                    weekly[Key(month: issuing, currency: currency, group: fee.string("lago_subscription_id")), default: []].append(value)
                }
            }
            // A weekly plan counts as its average fee in the month × 4.33.
            for (key, values) in weekly {
                mrr[Key(month: key.month, currency: key.currency), default: 0] += values.reduce(0, +) / Decimal(values.count) * Decimal(string: "4.33")!
            }
            let window = Self.window(24)
            let served = try await Self.served(client, .mrr)
            let inWindow = served.filter { key, _ in window.contains(key.month) }
            #expect(!inWindow.isEmpty)
            #expect(Set(inWindow.keys) == Set(mrr.filter { window.contains($0.key.month) && (AnalyticsRow.cents(.number("\($0.value)")) ?? 0) != 0 }.keys))
            // Splitting a year in twelve and averaging weeks may lose a cent or two of a month.
            for (key, cents) in inWindow {
                let expected = AnalyticsRow.cents(.number("\(mrr[key] ?? 0)")) ?? 0
                #expect(abs(cents - expected) <= 2, "\(key): served \(cents), invoices say \(expected)")
            }
        }
    }

    static func shift(_ month: String, by offset: Int) -> String {
        let parts = month.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 2 else { return month }
        let index = parts[0] * 12 + (parts[1] - 1) + offset
        return String(format: "%04d-%02d", index / 12, index % 12 + 1)
    }

    @Test func premiumSeriesAnswerFeatureUnavailableOnAFreeLago() async throws {
        try await SandboxHarness.with(options: SandboxOptions(premium: false)) { sandbox in
            for series in [AnalyticsSeries.mrr, .invoicedUsage, .invoiceCollection] {
                await #expect(throws: LagoError.self) { _ = try await sandbox.client.send(.get, series.path) }
            }
            _ = try await sandbox.client.send(.get, AnalyticsSeries.grossRevenue.path)
            _ = try await sandbox.client.send(.get, AnalyticsSeries.overdueBalance.path)
        }
    }

    @Test func amountsAreReadExactlyFromFloatsStringsAndNulls() throws {
        #expect(AnalyticsRow.cents(.number("3000.0")) == 3000)
        #expect(AnalyticsRow.cents(.string("1000.0")) == 1000)
        #expect(AnalyticsRow.cents(.string("770.5")) == 771)
        #expect(AnalyticsRow.cents(.string("-770.5")) == -771)
        #expect(AnalyticsRow.cents(.number("123456789012345.0")) == 123_456_789_012_345)
        #expect(AnalyticsRow.cents(.null) == nil)
        let json = try JSONValue.parse(#"{"mrrs":[{"month":"2024-04-01T00:00:00.000Z","amount_cents":null,"currency":null},{"month":"2024-05-01T00:00:00.000Z","amount_cents":"9007199254740993.0","currency":"eur"}]}"#)
        let rows = AnalyticsRow.rows(json, series: .mrr)
        #expect(rows == [AnalyticsRow(month: "2024-05", currency: "EUR", group: nil, cents: 9_007_199_254_740_993)])
    }

    @Test func monthOverMonthChangeInTenthsOfAPercent() {
        #expect(AnalyticsReport.change(from: 1000, to: 1123) == "+12.3%")
        #expect(AnalyticsReport.change(from: 1000, to: 960) == "-4.0%")
        #expect(AnalyticsReport.change(from: 1000, to: 1000) == "±0.0%")
        #expect(AnalyticsReport.change(from: 0, to: 5) == nil)
        #expect(AnalyticsReport.change(from: 3, to: 2) == "-33.3%")
    }
}
