import Foundation
import LagoTesting
import Testing
@testable import LagoAPI

/// The typed calls (the catalogue-driven `list`/`record`, actions, usage, analytics) send the
/// right method, path, query and body, and decode what comes back.
@Suite struct ModelEndpointCallTests {
    let transport = ScriptedTransport()

    static let invoiceJSON = #"{"lago_id":"inv-1","number":"ACM-001","status":"finalized","payment_status":"pending","currency":"EUR","total_amount_cents":1500}"#

    @Test func invoiceListSendsFiltersAndPaging() async throws {
        transport.on(.get, "/invoices", json: #"{"invoices":[\#(Self.invoiceJSON)],"meta":{"current_page":2,"next_page":null,"prev_page":1,"total_pages":2,"total_count":101}}"#)
        let client = try transport.makeClient()
        let page = try await client.list(.invoices, filters: [("status", ["finalized"]), ("payment_overdue", ["true"])], page: 2,
                                         perPage: 100, as: Invoice.self)
        #expect(page.items.map(\.number) == ["ACM-001"])
        #expect(page.items.first?.totalAmount?.formatted == "€15.00")
        #expect(page.meta.totalCount == 101)
        let call = try #require(transport.calls.first)
        #expect(call.method == .get)
        #expect(call.path == "/invoices")
        #expect(call.query("statuses[]") == "finalized")
        #expect(call.query("payment_overdue") == "true")
        #expect(call.query("page") == "2")
        #expect(call.query("per_page") == "100")
    }

    @Test func invalidFiltersAreRefusedBeforeAnyRequest() async throws {
        let client = try transport.makeClient()
        await #expect(throws: LagoQueryError.self) {
            _ = try await client.list(.invoices, filters: [("status", ["generating"])], as: Invoice.self)
        }
        await #expect(throws: LagoQueryError.self) {
            _ = try await client.record(.customers, key: "", as: Customer.self)
        }
        #expect(transport.calls.isEmpty)
    }

    @Test func recordLookupsUseTheirIdentifierAndEncodeIt() async throws {
        transport.on(.get, "/customers/", json: #"{"customer":{"lago_id":"c-1","external_id":"acme/eu 1","name":"Acme"}}"#)
        transport.on(.get, "/plans/", json: #"{"plan":{"lago_id":"p-1","code":"pro","amount_cents":4900,"amount_currency":"USD"}}"#)
        let client = try transport.makeClient()
        let customer = try await client.record(.customers, key: "acme/eu 1", as: Customer.self)
        #expect(customer.displayName == "Acme")
        let plan = try await client.record(.plans, key: "pro", as: Plan.self)
        #expect(plan.amount?.formatted == "$49.00")
        #expect(transport.calls.map(\.path) == ["/customers/acme%2Feu%201", "/plans/pro"])
    }

    @Test func singleRecordsMayComeWrappedOrBare() async throws {
        transport.on(.get, "/wallet_transactions/t-1", json: #"{"wallet_transaction":{"lago_id":"t-1","amount":"5.0"}}"#)
        transport.on(.get, "/payments/p-1", json: #"{"lago_id":"p-1","amount_cents":700,"amount_currency":"JPY"}"#)
        let client = try transport.makeClient()
        #expect(try await client.record(.walletTransactions, key: "t-1", as: WalletTransaction.self).amount == 5)
        #expect(try await client.record(.payments, key: "p-1", as: Payment.self).amount?.formatted == "¥700")
    }

    @Test func walletTransactionsAreListedUnderTheirWallet() async throws {
        transport.on(.get, "/wallets/1a901a90-1a90-1a90-1a90-1a901a901a90/wallet_transactions", json: #"{"wallet_transactions":[],"meta":{"current_page":0,"total_pages":0,"total_count":0}}"#)
        let client = try transport.makeClient()
        let page = try await client.list(.walletTransactions, filters: [("wallet_id", ["1a901a90-1a90-1a90-1a90-1a901a901a90"]), ("transaction_status", ["granted"])],
                                         as: WalletTransaction.self)
        #expect(page.items.isEmpty)
        #expect(transport.calls.first?.query("transaction_status") == "granted")
    }

    @Test func billingEntitiesComeWithoutMeta() async throws {
        transport.on(.get, "/billing_entities", json: #"{"billing_entities":[{"lago_id":"b1","code":"acme"},{"lago_id":"b2","code":"eu"}]}"#)
        let client = try transport.makeClient()
        #expect(try await client.list(.billingEntities, as: BillingEntity.self).items.map(\.code) == ["acme", "eu"])
        #expect(transport.calls.first?.query("page") == nil && transport.calls.first?.query("per_page") == nil,
                "billing entities are not paginated")
    }

    @Test func invoiceActionsReturnTheUpdatedInvoice() async throws {
        transport.on(.put, "/invoices/inv-1/finalize", json: #"{"invoice":\#(Self.invoiceJSON)}"#)
        transport.on(.put, "/invoices/inv-1/refresh", json: #"{"invoice":\#(Self.invoiceJSON)}"#)
        transport.on(.post, "/invoices/inv-1/void", json: #"{"invoice":{"lago_id":"inv-1","number":"ACM-001","status":"voided"}}"#)
        let client = try transport.makeClient()
        #expect(try await client.finalizeInvoice(lagoId: "inv-1").status == .finalized)
        #expect(try await client.refreshInvoice(lagoId: "inv-1").lagoId == "inv-1")
        #expect(try await client.voidInvoice(lagoId: "inv-1").status == .voided)
        #expect(try await client.voidInvoice(lagoId: "inv-1", generateCreditNote: true, creditAmountCents: 500).status == .voided)
        let voids = transport.calls(.post, "/invoices/inv-1/void")
        #expect(voids.first?.request.body == nil)
        let body = try #require(voids.last?.request.body)
        #expect(String(decoding: body, as: UTF8.self) == #"{"credit_amount":500,"generate_credit_note":true}"#)
        #expect(transport.calls.map(\.method) == [.put, .put, .post, .post])
    }

    @Test func refusalsKeepLagoCodes() async throws {
        transport.on(.put, "/invoices/inv-1/finalize", replies: [.lagoError(status: 404, code: "invoice_not_found", error: "Not Found")])
        let client = try transport.makeClient()
        let error = await #expect(throws: LagoError.self) {
            _ = try await client.finalizeInvoice(lagoId: "inv-1")
        }
        #expect(error?.message.contains("draft") == true, "the refusal explains itself: \(error?.message ?? "")")
        #expect(transport.calls.count == 1, "a refused mutation is not retried")
    }

    @Test func retryPaymentReReadsTheInvoiceOnce() async throws {
        transport.on(.post, "/invoices/inv-1/retry_payment", json: "")
        transport.on(.get, "/invoices/inv-1", json: #"{"invoice":\#(Self.invoiceJSON)}"#)
        let client = try transport.makeClient()
        let invoice = try await client.retryInvoicePayment(lagoId: "inv-1")
        #expect(invoice?.lagoId == "inv-1")
        #expect(transport.calls.map { "\($0.method.rawValue) \($0.path)" } == ["POST /invoices/inv-1/retry_payment", "GET /invoices/inv-1"])
    }

    @Test func retryPaymentSucceedsEvenWhenTheReReadFails() async throws {
        transport.on(.post, "/invoices/inv-1/retry_payment", json: "")
        transport.on(.get, "/invoices/inv-1", replies: [.lagoError(status: 404, code: "invoice_not_found")])
        let client = try transport.makeClient()
        let invoice = try await client.retryInvoicePayment(lagoId: "inv-1")
        #expect(invoice == nil)
        #expect(transport.calls(.post, "/invoices").count == 1)
    }

    @Test func topUpSendsCreditsAsDecimalStrings() async throws {
        transport.on(.post, "/wallet_transactions", json: """
            {"wallet_transactions":[
              {"lago_id":"t1","lago_wallet_id":"w1","status":"pending","transaction_status":"purchased","transaction_type":"inbound","amount":"20.5","credit_amount":"20.5"},
              {"lago_id":"t2","lago_wallet_id":"w1","status":"settled","transaction_status":"granted","transaction_type":"inbound","amount":"10.0","credit_amount":"10.0"}]}
            """)
        let client = try transport.makeClient()
        let transactions = try await client.topUpWallet(walletId: "w1", paidCredits: Decimal(string: "20.5"), grantedCredits: 10)
        #expect(transactions.map(\.transactionStatus) == [.purchased, .granted])
        #expect(transactions.map(\.status) == [.pending, .settled])
        let call = try #require(transport.calls.first)
        #expect(call.method == .post)
        #expect(call.path == "/wallet_transactions")
        let body = String(decoding: try #require(call.request.body), as: UTF8.self)
        #expect(body == #"{"wallet_transaction":{"granted_credits":"10","paid_credits":"20.5","wallet_id":"w1"}}"#)
    }

    @Test func topUpRefusesNothingToAddBeforeSending() async throws {
        let client = try transport.makeClient()
        await #expect(throws: LagoQueryError.self) { _ = try await client.topUpWallet(walletId: "w1", paidCredits: 0, grantedCredits: nil) }
        await #expect(throws: LagoQueryError.self) { _ = try await client.topUpWallet(walletId: "w1", paidCredits: -5, grantedCredits: 10) }
        await #expect(throws: LagoQueryError.self) { _ = try await client.topUpWallet(walletId: "", paidCredits: 5, grantedCredits: nil) }
        #expect(transport.calls.isEmpty)
    }

    @Test func topUpWithUnknownOutcomeIsNotRetried() async throws {
        transport.on(.post, "/wallet_transactions", replies: [.error(.network("connection reset"))])
        let client = try transport.makeClient()
        await #expect(throws: LagoError.self) { _ = try await client.topUpWallet(walletId: "w1", paidCredits: 5, grantedCredits: nil) }
        #expect(transport.calls.count == 1)
    }

    @Test func usageEndpoints() async throws {
        let usage = #"{"from_datetime":"2024-01-01T00:00:00Z","to_datetime":"2024-01-31T23:59:59Z","issuing_date":"2024-01-31","currency":"EUR","amount_cents":5,"total_amount_cents":6,"charges_usage":[]}"#
        transport.on(.get, "/customers/c1/current_usage", json: #"{"customer_usage":\#(usage)}"#)
        transport.on(.get, "/customers/c1/projected_usage", json: #"{"customer_projected_usage":{"currency":"EUR","amount_cents":5,"projected_amount_cents":9}}"#)
        transport.on(.get, "/customers/c1/past_usage", json: #"{"usage_periods":[\#(usage)],"meta":{"current_page":1,"total_pages":1,"total_count":1}}"#)
        transport.on(.get, "/subscriptions/s1/lifetime_usage", json: #"{"lifetime_usage":{"lago_id":"l1","current_usage_amount_cents":300,"usage_thresholds":[{"amount_cents":1000,"completion_ratio":0.3,"reached_at":null}]}}"#)
        let client = try transport.makeClient()
        #expect(try await client.currentUsage(externalCustomerId: "c1", externalSubscriptionId: "s1").totalAmount?.formatted == "€0.06")
        #expect(try await client.projectedUsage(externalCustomerId: "c1", externalSubscriptionId: "s1").projectedAmount?.formatted == "€0.09")
        #expect(try await client.pastUsage(externalCustomerId: "c1", externalSubscriptionId: "s1", periodsCount: 2).items.count == 1)
        let lifetime = try await client.lifetimeUsage(externalSubscriptionId: "s1")
        #expect(lifetime.usageThresholds?.first?.completionRatio == Decimal(string: "0.3"))
        #expect(transport.calls.map { $0.query("external_subscription_id") } == ["s1", "s1", "s1", nil])
        #expect(transport.calls(.get, "/customers/c1/past_usage").first?.query("periods_count") == "2")
    }

    @Test func analyticsEndpoints() async throws {
        transport.on(.get, "/analytics/overdue_balance", json: #"{"overdue_balances":[{"month":"2023-11-01T00:00:00.000Z","amount_cents":"1000.0","currency":"EUR","lago_invoice_ids":["i1"]}]}"#)
        transport.on(.get, "/analytics/gross_revenue", json: #"{"gross_revenues":[{"month":"2023-11-01T00:00:00.000Z","amount_cents":"250000.0","currency":"USD","invoices_count":3}]}"#)
        transport.on(.get, "/analytics/mrr", json: #"{"mrrs":[{"month":"2023-11-01T00:00:00.000Z","amount_cents":9900,"currency":"KWD"}]}"#)
        transport.on(.get, "/analytics/invoice_collection", json: #"{"invoice_collections":[{"month":"2023-11-01T00:00:00.000Z","payment_status":"succeeded","invoices_count":2,"amount_cents":100,"currency":"JPY"}]}"#)
        let client = try transport.makeClient()
        #expect(try await client.overdueBalance(currency: "eur", months: 3).first?.amount?.formatted == "€10.00")
        #expect(try await client.grossRevenue().first?.amount?.formatted == "$2,500.00")
        #expect(try await client.mrr().first?.amount?.formatted == "KWD 9.900")
        #expect(try await client.invoiceCollection().first?.paymentStatus == .succeeded)
        let overdue = try #require(transport.calls.first)
        #expect(overdue.query("currency") == "EUR")
        #expect(overdue.query("months") == "3")
        #expect(overdue.query("page") == nil, "analytics are not paginated")
    }

    @Test func genericListsFollowEveryPage() async throws {
        transport.on(.get, "/taxes", replies: [
            .json(#"{"taxes":[{"lago_id":"t1","code":"vat"}],"meta":{"current_page":1,"next_page":2,"total_pages":2,"total_count":2}}"#),
            .json(#"{"taxes":[{"lago_id":"t2","code":"gst"}],"meta":{"current_page":2,"prev_page":1,"total_pages":2,"total_count":2}}"#),
        ])
        let client = try transport.makeClient()
        var codes: [String] = []
        for try await page in try client.allRecords(.taxes, perPage: 1, as: Tax.self) {
            codes += page.items.map(\.code)
        }
        #expect(codes == ["vat", "gst"])
    }
}
