import Foundation
import Testing
@testable import LagoSandbox

@Suite("Actions: preconditions and side effects")
struct ActionTests {
    static func invoices(_ client: SandboxClient, _ query: String = "") async throws -> [[String: Any]] {
        try await client.get("/invoices?per_page=100000\(query)").json.list("invoices")
    }

    @Test("finalize numbers a draft, sets today's issuing date and the due date; later finalize is 404")
    func finalize() async throws {
        try await withSandbox { client in
            let draft = try #require(try await Self.invoices(client, "&status=draft").first { $0.string("invoice_type") == "subscription" })
            let id = try #require(draft.string("lago_id"))
            #expect(draft.string("number")?.hasSuffix("-DRAFT") == true)
            #expect(draft["payment_due_date"] is NSNull)
            let reply = try await client.send("PUT", "/invoices/\(id)/finalize")
            #expect(reply.status == 200)
            let invoice = reply.json.object("invoice")
            #expect(invoice.string("status") == "finalized")
            #expect(invoice.string("number")?.hasSuffix("-DRAFT") == false)
            #expect(invoice["sequential_id"] is NSNumber)
            #expect(invoice.string("payment_due_date") != nil)
            #expect(!(invoice["fees"] as? [Any] ?? []).isEmpty)
            let again = try await client.send("PUT", "/invoices/\(id)/finalize")
            #expect(again.status == 404)
            #expect(again.json.string("code") == "invoice_not_found")
            let counters = try await client.controlGet("counters")
            #expect(counters.object("mutations_per_record").int("invoice:\(id)") == 1)
            #expect(counters.object("requests_per_route").int("PUT /invoices/{lago_id}/finalize") == 2)
        }
    }

    @Test("void works on any finalized invoice (even paid) and refuses others with 405 not_voidable")
    func void() async throws {
        try await withSandbox { client in
            let paid = try #require(try await Self.invoices(client, "&status=finalized&payment_status=succeeded").first)
            let reply = try await client.send("POST", "/invoices/\(paid.string("lago_id")!)/void")
            #expect(reply.status == 200)
            #expect(reply.json.object("invoice").string("status") == "voided")
            #expect(reply.json.object("invoice").int("total_due_amount_cents") == 0)
            #expect(reply.json.object("invoice").string("payment_status") == "succeeded")
            let again = try await client.send("POST", "/invoices/\(paid.string("lago_id")!)/void")
            #expect(again.status == 405)
            #expect(again.json.string("code") == "not_voidable")
            let draft = try #require(try await Self.invoices(client, "&status=draft").first)
            #expect(try await client.send("POST", "/invoices/\(draft.string("lago_id")!)/void").json.string("code") == "not_voidable")
        }
    }

    @Test("retry_payment: empty 200, then the sandbox's provider settles or keeps failing per customer")
    func retryPayment() async throws {
        try await withSandbox { client in
            // cust_000001's card always fails (and it has a provider): its invoices stay failed.
            let evil = try await client.get("/customers/cust_000001/invoices?per_page=100&status=finalized").json.list("invoices")
            let failing = try #require(evil.first { $0.string("payment_status") != "succeeded" })
            let reply = try await client.send("POST", "/invoices/\(failing.string("lago_id")!)/retry_payment")
            #expect(reply.status == 200)
            #expect(reply.body.isEmpty)
            let after = try await client.get("/invoices/\(failing.string("lago_id")!)").json.object("invoice")
            #expect(after.string("payment_status") == "failed")

            let candidates = try await Self.invoices(client, "&status=finalized&payment_status=failed")
            var settled = false
            for invoice in candidates where invoice.object("customer").object("billing_configuration")["payment_provider"] is String {
                let id = invoice.string("lago_id")!
                _ = try await client.send("POST", "/invoices/\(id)/retry_payment")
                let now = try await client.get("/invoices/\(id)").json.object("invoice")
                if now.string("payment_status") == "succeeded" {
                    #expect(now["payment_overdue"] as? Bool == false)
                    settled = true
                    let payments = try await client.get("/payments?invoice_id=\(id)").json.list("payments")
                    #expect(payments.contains { $0.string("payment_status") == "succeeded" })
                    let paidAgain = try await client.send("POST", "/invoices/\(id)/retry_payment")
                    #expect(paidAgain.status == 405)
                    #expect(paidAgain.json.string("code") == "invalid_status")
                    break
                }
            }
            #expect(settled, "some customer's card should go through")
        }
    }

    @Test("download: first call is an empty 200, then file_url points at a PDF the sandbox serves")
    func download() async throws {
        try await withSandbox { client in
            let draft = try #require(try await Self.invoices(client, "&status=draft").first { $0.string("invoice_type") == "subscription" })
            let id = draft.string("lago_id")!
            #expect(try await client.send("POST", "/invoices/\(id)/download").status == 404)
            _ = try await client.send("PUT", "/invoices/\(id)/finalize")
            let first = try await client.send("POST", "/invoices/\(id)/download")
            #expect(first.status == 200 && first.body.isEmpty)
            let second = try await client.send("POST", "/invoices/\(id)/download")
            let invoice = second.json.object("invoice")
            #expect(invoice["fees"] == nil && invoice["customer"] == nil)
            let url = try #require(invoice.string("file_url").flatMap(URL.init(string:)))
            let pdf = try await client.send("GET", "", key: "", root: url)
            #expect(pdf.status == 200)
            #expect(pdf.headers["content-type"] == "application/pdf")
            #expect(pdf.text.hasPrefix("%PDF-1.4"))
            #expect(pdf.text.contains(invoice.string("number")!))
        }
    }

    @Test("refresh: drafts recompute (new events count), finalized are a no-op, others 403")
    func refresh() async throws {
        try await withSandbox { client in
            let draft = try #require(try await Self.invoices(client, "&status=draft").first { $0.string("invoice_type") == "subscription" })
            let id = draft.string("lago_id")!
            let full = try await client.get("/invoices/\(id)").json.object("invoice")
            let period = try #require((full["billing_periods"] as? [[String: Any]])?.first)
            let subscription = try #require(period.string("external_subscription_id"))
            let from = try #require(period.string("charges_from_datetime"))
            let before = try #require(full.int("fees_amount_cents"))
            for n in 0..<50 {
                let event: [String: Any] = ["event": ["transaction_id": "late-\(n)", "external_subscription_id": subscription,
                                                      "code": "api_calls", "timestamp": from, "properties": [:] as [String: Any]]]
                #expect(try await client.send("POST", "/events", body: event).status == 200)
            }
            let refreshed = try await client.send("PUT", "/invoices/\(id)/refresh").json.object("invoice")
            #expect(refreshed.string("status") == "draft")
            #expect(try #require(refreshed.int("fees_amount_cents")) >= before)
            let feesUnits = (refreshed["fees"] as? [[String: Any]] ?? []).filter { ($0["item"] as? [String: Any])?["code"] as? String == "api_calls" }
            let previousUnits = (full["fees"] as? [[String: Any]] ?? []).filter { ($0["item"] as? [String: Any])?["code"] as? String == "api_calls" }
            #expect(Double(feesUnits.first?.string("units") ?? "0")! == Double(previousUnits.first?.string("units") ?? "0")! + 50)

            let credit = try #require(try await Self.invoices(client, "&invoice_type=credit").first)
            let refused = try await client.send("PUT", "/invoices/\(credit.string("lago_id")!)/refresh")
            #expect(refused.status == 403)
            #expect(refused.json.string("code") == "feature_unavailable")
        }
    }

    @Test("top-ups: granted settles and raises the balance; paid stays pending with a credit invoice; 422 codes")
    func topUps() async throws {
        try await withSandbox { client in
            let wallets = try await client.get("/wallets").json.list("wallets")
            let wallet = try #require(wallets.first { $0.string("status") == "active" })
            let id = wallet.string("lago_id")!
            let balance = try #require(wallet.int("balance_cents"))
            let granted = try await client.send("POST", "/wallet_transactions", body: ["wallet_transaction": ["wallet_id": id, "granted_credits": "10"]])
            #expect(granted.status == 200)
            #expect(granted.json["meta"] == nil)
            let grantedTx = try #require(granted.json.list("wallet_transactions").first)
            #expect(grantedTx.string("status") == "settled" && grantedTx.string("transaction_status") == "granted")
            let rate = Double(wallet.string("rate_amount")!)!
            let currency = wallet.string("currency")
            let raised = try await client.get("/wallets/\(id)").json.object("wallet")
            #expect(raised.int("balance_cents") == balance + Int(10 * rate * (currency == "JPY" ? 1 : 100)))

            let paid = try await client.send("POST", "/wallet_transactions",
                                             body: ["wallet_transaction": ["wallet_id": id, "paid_credits": "2500", "granted_credits": "0", "ignore_paid_top_up_limits": true]])
            let paidTxs = paid.json.list("wallet_transactions")
            #expect(paidTxs.count == 1)
            #expect(paidTxs[0].string("status") == "pending" && paidTxs[0]["lago_invoice_id"] is NSNull)
            let unchanged = try await client.get("/wallets/\(id)").json.object("wallet")
            #expect(unchanged.int("balance_cents") == raised.int("balance_cents"))
            let tx = try await client.get("/wallet_transactions/\(paidTxs[0].string("lago_id")!)").json.object("wallet_transaction")
            let invoiceId = try #require(tx.string("lago_invoice_id"))
            let invoice = try await client.get("/invoices/\(invoiceId)").json.object("invoice")
            #expect(invoice.string("invoice_type") == "credit" && invoice.string("status") == "finalized" && invoice.string("payment_status") == "pending")

            let unknown = try await client.send("POST", "/wallet_transactions", body: ["wallet_transaction": ["wallet_id": UUID().uuidString.lowercased(), "paid_credits": "1"]])
            #expect(unknown.status == 422)
            #expect(unknown.json.object("error_details")["wallet_id"] as? [String] == ["wallet_not_found"])
            if let terminated = wallets.first(where: { $0.string("status") == "terminated" }) {
                let refused = try await client.send("POST", "/wallet_transactions", body: ["wallet_transaction": ["wallet_id": terminated.string("lago_id")!, "granted_credits": "1"]])
                #expect(refused.json.object("error_details")["wallet_id"] as? [String] == ["wallet_is_terminated"])
            }
            let invalid = try await client.send("POST", "/wallet_transactions", body: ["wallet_transaction": ["wallet_id": id, "paid_credits": "ten"]])
            #expect(invalid.json.object("error_details")["paid_credits"] as? [String] == ["invalid_paid_credits", "invalid_amount"])
        }
    }

    @Test("current usage is computed from events: posting one raises units; inactive subscriptions get 405")
    func currentUsage() async throws {
        try await withSandbox { client in
            let path = "/customers/cust_000001/current_usage?external_subscription_id=sub_000001_1"
            let before = try await client.get(path).json.object("customer_usage")
            let charges = before["charges_usage"] as? [[String: Any]] ?? []
            let calls = try #require(charges.first { ($0["billable_metric"] as? [String: Any])?["code"] as? String == "api_calls" })
            let units = Double(calls.string("units")!)!
            let event: [String: Any] = ["event": ["transaction_id": "usage-test-1", "external_subscription_id": "sub_000001_1", "code": "api_calls"]]
            #expect(try await client.send("POST", "/events", body: event).status == 200)
            let after = try await client.get(path).json.object("customer_usage")
            let callsAfter = (after["charges_usage"] as? [[String: Any]] ?? []).first { ($0["billable_metric"] as? [String: Any])?["code"] as? String == "api_calls" }
            #expect(Double(callsAfter?.string("units") ?? "0") == units + 1)
            let missing = try await client.get("/customers/cust_000001/current_usage")
            #expect(missing.status == 405)
            #expect(missing.json.string("code") == "no_active_subscription")
        }
    }

    @Test("live events keep arriving and change current usage")
    func liveEvents() async throws {
        try await withSandbox(SandboxOptions(customers: 5, liveEventsPerSecond: 200)) { client in
            let first = try #require(try await client.controlGet("stats").int("events"))
            var latest = first
            for _ in 0..<200 where latest == first {
                await Task.yield()
                latest = try #require(try await client.controlGet("stats").int("events"))
            }
            #expect(latest > first)
        }
    }
}
