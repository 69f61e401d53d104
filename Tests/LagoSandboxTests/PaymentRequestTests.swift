import Foundation
import Testing
import LagoSandbox

/// `POST /payment_requests` and its lists against BEHAVIOUR.md C1/C11: Lago's refusal order,
/// the invoices left as they were, the charge after commit, the filters and the seeded history.
@Suite("Payment requests", .serialized)
struct PaymentRequestTests {
    /// An overdue customer of the seed: its external id, overdue invoice ids and email.
    struct Overdue {
        var customer: String
        var invoices: [[String: Any]]
        var ids: [String] { invoices.compactMap { $0.string("lago_id") } }
    }

    /// Customers with overdue invoices, newest customers first, filtered by `where`.
    static func overdueCustomers(_ client: SandboxClient, where keep: ([String: Any]) -> Bool = { _ in true }) async throws -> [Overdue] {
        let invoices = try await client.get("/invoices?payment_overdue=true&per_page=1000").json.list("invoices")
        var seen: [String] = []
        var byCustomer: [String: [[String: Any]]] = [:]
        for invoice in invoices {
            let customer = invoice.object("customer")
            guard let id = customer.string("external_id"), keep(customer) else { continue }
            if byCustomer[id] == nil { seen.append(id) }
            byCustomer[id, default: []].append(invoice)
        }
        return seen.map { Overdue(customer: $0, invoices: byCustomer[$0]!) }
    }

    static func create(_ client: SandboxClient, customer: String, invoices: Any, email: String? = nil) async throws -> SandboxClient.Reply {
        var params: [String: Any] = ["external_customer_id": customer, "lago_invoice_ids": invoices]
        if let email { params["email"] = email }
        return try await client.send("POST", "/payment_requests", body: ["payment_request": params])
    }

    @Test("create: the request for what is still owed, email defaulting to the customer's, invoices untouched until the charge")
    func createsPending() async throws {
        try await withSandbox { client in
            // A customer without a payment provider: Lago emails it and nothing is charged.
            let target = try #require(try await Self.overdueCustomers(client) { $0.object("billing_configuration")["payment_provider"] is NSNull }.first)
            let before = try await client.get("/customers/\(target.customer)/payment_requests").json.list("payment_requests").count
            let reply = try await Self.create(client, customer: target.customer, invoices: target.ids)
            #expect(reply.status == 200, "\(reply.text)")
            let request = reply.json.object("payment_request")
            let owed = target.invoices.reduce(0) { $0 + ($1.int("total_due_amount_cents") ?? -1) }
            #expect(request.int("amount_cents") == owed)
            #expect(request.string("amount_currency") == target.invoices[0].string("currency"))
            #expect(request.string("payment_status") == "pending")
            let customer = try await client.get("/customers/\(target.customer)").json.object("customer")
            #expect(request.string("email") == customer.string("email"))
            #expect(request.object("customer").string("external_id") == target.customer)
            #expect(Set(request.list("invoices").compactMap { $0.string("lago_id") }) == Set(target.ids))
            for id in target.ids {
                let invoice = try await client.get("/invoices/\(id)").json.object("invoice")
                #expect(invoice["payment_overdue"] as? Bool == true && invoice.string("payment_status") != "succeeded")
            }
            let listed = try await client.get("/customers/\(target.customer)/payment_requests").json.list("payment_requests")
            #expect(listed.count == before + 1 && listed.first?.string("lago_id") == request.string("lago_id"))
            let shown = try await client.get("/payment_requests/\(request.string("lago_id") ?? "")")
            #expect(shown.status == 200 && shown.json.object("payment_request").string("lago_id") == request.string("lago_id"))
            let logged = try await client.get("/activity_logs?activity_types[]=payment_request.created&external_customer_id=\(target.customer)")
            #expect(logged.json.list("activity_logs").contains { $0.string("resource_id") == request.string("lago_id") })
            // An explicit email wins over the customer's.
            let other = try await Self.create(client, customer: target.customer, invoices: [target.ids[0]], email: "ap@example.test")
            #expect(other.json.object("payment_request").string("email") == "ap@example.test")
        }
    }

    @Test("create charges a customer with a payment provider after answering: a failing card fails the request and its invoices")
    func chargesAfterCommit() async throws {
        try await withSandbox { client in
            let failing = try #require(try await Self.overdueCustomers(client) { !($0.object("billing_configuration")["payment_provider"] is NSNull) }.first)
            let reply = try await Self.create(client, customer: failing.customer, invoices: failing.ids)
            let request = reply.json.object("payment_request")
            #expect(reply.status == 200 && request.string("payment_status") == "pending")
            let id = try #require(request.string("lago_id"))
            let now = try await client.get("/payment_requests/\(id)").json.object("payment_request").string("payment_status")
            let payments = try await client.get("/payments?invoice_id=\(failing.ids[0])").json.list("payments")
            let payment = try #require(payments.first { $0.string("lago_payable_id") == id })
            #expect(payment.string("payable_type") == "PaymentRequest")
            #expect(Set(payment["invoice_ids"] as? [String] ?? []) == Set(failing.ids))
            #expect(payment.string("payment_status") == now)
            if now == "succeeded" {
                for id in failing.ids {
                    let invoice = try await client.get("/invoices/\(id)").json.object("invoice")
                    #expect(invoice.string("payment_status") == "succeeded" && invoice["payment_overdue"] as? Bool == false)
                }
            } else {
                #expect(now == "failed")
            }
        }
    }

    @Test("refusals in Lago's order: 400 without root, 404 customer, 404 no invoice of theirs, 405 invoices_not_overdue")
    func refusals() async throws {
        try await withSandbox { client in
            let overdue = try await Self.overdueCustomers(client)
            let target = try #require(overdue.first)
            let stranger = try #require(overdue.dropFirst().first)
            let missingRoot = try await client.send("POST", "/payment_requests", body: ["external_customer_id": target.customer])
            #expect(missingRoot.status == 400)
            let unknown = try await Self.create(client, customer: "cus_nobody", invoices: target.ids)
            #expect(unknown.status == 404 && unknown.json.string("code") == "customer_not_found")
            // Another customer's invoices are dropped silently; none left is 404.
            let foreign = try await Self.create(client, customer: target.customer, invoices: stranger.ids)
            #expect(foreign.status == 404 && foreign.json.string("code") == "invoice_not_found")
            // A scalar is dropped by `permit(lago_invoice_ids: [])`.
            let scalar = try await Self.create(client, customer: target.customer, invoices: target.ids[0])
            #expect(scalar.status == 404 && scalar.json.string("code") == "invoice_not_found")
            // Mixed with a foreign id, the customer's own invoice is used.
            let mixed = try await Self.create(client, customer: target.customer, invoices: [target.ids[0]] + stranger.ids)
            #expect(mixed.status == 200)
            #expect(mixed.json.object("payment_request").list("invoices").compactMap { $0.string("lago_id") } == [target.ids[0]])
            let current = try #require(try await client.get("/invoices?external_customer_id=\(target.customer)&payment_overdue=false").json
                .list("invoices").first?.string("lago_id"), "the overdue customer has an invoice that is not overdue")
            let notOverdue = try await Self.create(client, customer: target.customer, invoices: [target.ids[0], current])
            #expect(notOverdue.status == 405 && notOverdue.json.string("code") == "invoices_not_overdue")
            #expect(notOverdue.json.string("error") == "Method Not Allowed")
        }
    }

    @Test("a free Lago refuses creation with 403 feature_unavailable but still lists requests")
    func premiumGate() async throws {
        var options = SandboxOptions()
        options.premium = false
        try await withSandbox(options) { client in
            let target = try #require(try await Self.overdueCustomers(client).first)
            let reply = try await Self.create(client, customer: target.customer, invoices: target.ids)
            #expect(reply.status == 403)
            #expect(reply.json.string("code") == "feature_unavailable" && reply.json.string("error") == "Forbidden")
            #expect(try await client.get("/payment_requests").status == 200)
        }
    }

    @Test("lists: newest first, filters by customer, payment_status, currency and billing entity; unknown customer 200 empty vs 404")
    func lists() async throws {
        try await withSandbox { client in
            let all = try await client.get("/payment_requests?per_page=100").json
            let requests = all.list("payment_requests")
            try #require(requests.count >= 2, "the seed holds a few payment requests")
            #expect(all.object("meta").int("total_count") == requests.count)
            let created = requests.compactMap { $0.string("created_at") }
            #expect(created == created.sorted(by: >))
            let paged = try await client.get("/payment_requests?per_page=1&page=2").json
            #expect(paged.list("payment_requests").first?.string("lago_id") == requests[1].string("lago_id"))
            #expect(paged.object("meta").int("total_pages") == requests.count)
            for status in ["pending", "failed"] {
                let filtered = try await client.get("/payment_requests?payment_status=\(status)").json.list("payment_requests")
                #expect(filtered.count == requests.filter { $0.string("payment_status") == status }.count)
            }
            #expect(try await client.get("/payment_requests?payment_status=2").json.list("payment_requests").count
                    == requests.filter { $0.string("payment_status") == "failed" }.count)
            #expect(try await client.get("/payment_requests?payment_status=unpaid").json.list("payment_requests").isEmpty)
            let currency = try #require(requests[0].string("amount_currency"))
            #expect(try await client.get("/payment_requests?currency=\(currency)").json.list("payment_requests").count
                    == requests.filter { $0.string("amount_currency") == currency }.count)
            #expect(try await client.get("/payment_requests?currency=\(currency.lowercased())").json.list("payment_requests").isEmpty)
            let customer = try #require(requests[0].object("customer").string("external_id"))
            let mine = try await client.get("/payment_requests?external_customer_id=\(customer)").json.list("payment_requests")
            #expect(!mine.isEmpty && mine.allSatisfy { $0.object("customer").string("external_id") == customer })
            let scoped = try await client.get("/customers/\(customer)/payment_requests").json.list("payment_requests")
            #expect(scoped.compactMap { $0.string("lago_id") } == mine.compactMap { $0.string("lago_id") })
            let nobody = try await client.get("/payment_requests?external_customer_id=cus_nobody")
            #expect(nobody.status == 200 && nobody.json.list("payment_requests").isEmpty)
            let scopedNobody = try await client.get("/customers/cus_nobody/payment_requests")
            #expect(scopedNobody.status == 404 && scopedNobody.json.string("code") == "customer_not_found")
            let entity = try #require(requests[0].object("customer").string("billing_entity_code"))
            #expect(!(try await client.get("/payment_requests?billing_entity_codes[]=\(entity)").json.list("payment_requests").isEmpty))
            let badEntity = try await client.get("/payment_requests?billing_entity_codes[]=nope")
            #expect(badEntity.status == 404 && badEntity.json.string("code") == "billing_entity_not_found")
            let missing = try await client.get("/payment_requests/00000000-0000-4000-8000-000000000000")
            #expect(missing.status == 404 && missing.json.string("code") == "payment_request_not_found")
        }
    }

    @Test("the seeded requests belong to overdue showcase customers and are in the activity log")
    func seededHistory() async throws {
        try await withSandbox { client in
            let requests = try await client.get("/payment_requests").json.list("payment_requests")
            let logged = try await client.get("/activity_logs?activity_types[]=payment_request.created&per_page=100").json.list("activity_logs")
            for request in requests {
                #expect(request.list("invoices").allSatisfy { $0["payment_overdue"] as? Bool == true })
                #expect(logged.contains { $0.string("resource_id") == request.string("lago_id") && $0.string("resource_type") == "PaymentRequest" })
            }
        }
    }
}
