import Foundation
import LagoAPI
import LagoSandbox
import LagoTesting
import Testing
@testable import BrowserModel

/// "Ask to pay" in the browser against the sandbox: marked overdue invoices of a customer give
/// one payment request (the sandbox's list proves which invoices and email it holds, and that
/// it was made once), the customer's payment requests tab shows it, a typed email is checked
/// first, invoices Lago would refuse are left out with the reason, several customers give one
/// request each, and a Lago without the feature is said calmly with nothing sent.
@MainActor
@Suite(.serialized) struct PaymentRequestSandboxTests {
    nonisolated static let referenceDate = Date(timeIntervalSince1970: 1_795_262_400)

    /// The sandbox's invoices, raw.
    static func invoices(_ harness: SandboxHarness, _ query: [URLQueryItem]) async throws -> [JSONValue] {
        let response = try await harness.client.send(.get, "/invoices", query: query + [URLQueryItem(name: "per_page", value: "100")])
        return try JSONValue.parse(response.body).array("invoices")
    }

    /// The sandbox's payment requests of one customer.
    static func paymentRequests(_ harness: SandboxHarness, customer: String) async throws -> [JSONValue] {
        let response = try await harness.client.send(.get, "/payment_requests", query: [URLQueryItem(name: "external_customer_id", value: customer)])
        return try JSONValue.parse(response.body).array("payment_requests")
    }

    /// A customer with at least two overdue invoices and one that is not, and its invoices.
    static func customerWithOverdueAndOther(_ harness: SandboxHarness) async throws -> (id: String, invoices: [JSONValue]) {
        let overdue = try await invoices(harness, [URLQueryItem(name: "payment_overdue", value: "true")])
        var counts: [String: Int] = [:]
        for i in overdue { if let c = i.string("customer.external_id") { counts[c, default: 0] += 1 } }
        for (customer, n) in counts.sorted(by: { $0.key < $1.key }) where n >= 2 {
            let all = try await invoices(harness, [URLQueryItem(name: "external_customer_id", value: customer)])
            if all.contains(where: { $0["payment_overdue"] != .bool(true) }) { return (customer, all) }
        }
        throw TestFailure("no customer with two overdue invoices and another one in the seed")
    }

    struct TestFailure: Error, CustomStringConvertible {
        var description: String
        init(_ d: String) { description = d }
    }

    /// Opens the customer's own screen with its invoices focused.
    static func openCustomerInvoices(_ live: SandboxFlowTests.Live, _ customer: String) async throws -> ListPane {
        await live.command("customers ?\(customer)")
        await live.press("enter")
        try #require(live.model.top?.kind == .customer, "\(live.rows.map(\.cells)) \(live.model.snapshot().toasts.map(\.text)) \(live.focused.filter ?? "-")")
        await live.press("tab")
        return try #require(live.model.top?.focused as? ListPane)
    }

    @Test func markedOverdueInvoicesBecomeOneRequestShownInTheCustomersTab() async throws {
        let harness = try await SandboxHarness.start(options: SandboxOptions(customers: 30, referenceDate: Self.referenceDate))
        let live = try await SandboxFlowTests.start(server: harness.server, client: harness.client)
        defer { Task { await live.stop(); await harness.stop() } }
        let (customer, all) = try await Self.customerWithOverdueAndOther(harness)
        let before = try await Self.paymentRequests(harness, customer: customer)
        let pane = try await Self.openCustomerInvoices(live, customer)
        #expect(pane.request.resource == .invoices)
        await live.press("*")
        #expect(pane.markCount == all.count)

        await live.press("$")
        var dialog = try #require(live.model.snapshot().dialog)
        let overdueIDs = Set(all.filter { $0["payment_overdue"] == .bool(true) }.compactMap { $0.string("lago_id") })
        let notOverdue = all.count - overdueIDs.count
        let email = try #require(all.first?.string("customer.email"))
        #expect(dialog.title.hasPrefix("Ask to pay · "))
        #expect(dialog.fields.map(\.value) == [email], "the customer's email is prefilled")
        #expect(dialog.lines.contains { $0.text.hasPrefix("Ask ") && $0.text.contains("\(overdueIDs.count) overdue invoices") })
        #expect(dialog.lines.contains { $0.text == "\(notOverdue) skipped:" })
        #expect(dialog.buttons == ["Cancel", "Send request"])

        // A typed address is checked before anything is sent.
        await live.model.press(Array(repeating: "backspace", count: email.count))
        await live.model.type("ap at example")
        await live.press("tab", "right", "enter")
        dialog = try #require(live.model.snapshot().dialog)
        #expect(dialog.fields.first?.error?.contains("must not contain spaces") == true, "\(dialog.fields)")
        #expect(try await Self.paymentRequests(harness, customer: customer).count == before.count, "nothing sent for a bad email")
        await live.press("shift-tab", "shift-tab")
        await live.model.press(Array(repeating: "backspace", count: 13))
        await live.model.type("ap@example.test")
        await live.press("tab", "right", "enter")

        dialog = try #require(live.model.snapshot().dialog)
        #expect(dialog.title == "Payment request sent", "\(dialog.lines.map(\.text))")
        #expect(dialog.lines.first?.text.contains("to ap@example.test") == true)
        let after = try await Self.paymentRequests(harness, customer: customer)
        #expect(after.count == before.count + 1, "exactly one request")
        let created = try #require(after.first { r in !before.contains { $0.string("lago_id") == r.string("lago_id") } })
        #expect(Set(created.array("invoices").compactMap { $0.string("lago_id") }) == overdueIDs)
        #expect(created.string("email") == "ap@example.test")

        // The customer's payment requests tab lists it (refreshed after the action).
        await live.press("enter")
        let requests = try #require(live.model.top?.customerGroup?.paymentRequests)
        let snapshot = requests.snapshot(focused: false)
        guard case let .table(table) = snapshot.content else { Issue.record("no table"); return }
        #expect(table.rows.count == after.count)
        let numbers = created.array("invoices").compactMap { $0.string("number") }
        #expect(table.rows.contains { row in numbers.allSatisfy { n in row.cells.contains { $0.contains(n) } } }, "\(table.rows.map(\.cells))")
    }

    @Test func anInvoiceNotOverdueSaysWhyAndSeveralCustomersGetOneRequestEach() async throws {
        let harness = try await SandboxHarness.start(options: SandboxOptions(customers: 30, referenceDate: Self.referenceDate))
        let live = try await SandboxFlowTests.start(server: harness.server, client: harness.client)
        defer { Task { await live.stop(); await harness.stop() } }
        await live.command("inv payment_status=succeeded")
        #expect(live.model.availability(of: .askToPay).reason?.contains("payment already succeeded") == true)
        await live.press("$")
        #expect(live.model.snapshot().dialog == nil)
        #expect(live.model.snapshot().toasts.contains { $0.text.contains("Lago asks only for overdue invoices") })

        // Overdue invoices of several customers and currencies: one request per pair.
        await live.command("inv payment_overdue=true")
        let pane = try #require(live.model.top?.focused as? ListPane)
        await live.press("*")
        let overdue = try await Self.invoices(harness, [URLQueryItem(name: "payment_overdue", value: "true")])
        #expect(pane.markCount == overdue.count)
        let plan = PaymentRequestPlan(invoices: overdue)
        try #require(plan.requests.count > BrowserModel.editableEmails, "the seed has overdue invoices of many customers")
        let customers = Set(plan.requests.map(\.externalCustomerId))
        var before: [String: Int] = [:]
        for c in customers { before[c] = try await Self.paymentRequests(harness, customer: c).count }
        await live.press("$")
        let dialog = try #require(live.model.snapshot().dialog)
        #expect(dialog.fields.count == BrowserModel.editableEmails)
        #expect(dialog.buttons.last == "Send \(plan.requests.count) requests")
        #expect(dialog.lines.contains { $0.text.hasPrefix("\(plan.requests.count) payment requests for \(plan.invoiceCount) overdue invoices") })
        await live.press("tab", "tab", "tab", "tab", "right", "enter")
        let result = try #require(live.model.snapshot().dialog)
        #expect(result.title == "\(plan.requests.count) payment requests sent", "\(result.lines.map(\.text))")
        for c in customers {
            let mine = plan.requests.filter { $0.externalCustomerId == c }.count
            #expect(try await Self.paymentRequests(harness, customer: c).count == before[c]! + mine, "\(c)")
        }
    }

    @Test func withoutThePremiumPlanItIsSaidCalmlyAndNothingIsSent() async throws {
        let harness = try await SandboxHarness.start(options: SandboxOptions(customers: 30, referenceDate: Self.referenceDate, premium: false))
        let live = try await SandboxFlowTests.start(server: harness.server, client: harness.client)
        defer { Task { await live.stop(); await harness.stop() } }
        let (customer, _) = try await Self.customerWithOverdueAndOther(harness)
        let before = try await Self.paymentRequests(harness, customer: customer)
        _ = try await Self.openCustomerInvoices(live, customer)
        await live.press("*", "$", "tab", "right", "enter")
        let dialog = try #require(live.model.snapshot().dialog)
        #expect(dialog.title == "Payment requests")
        #expect(dialog.lines.first?.text == "Payment requests are not available on this Lago plan (premium feature).")
        #expect(dialog.lines.first?.role == .warning, "a plan limit, not an error")
        #expect(try await Self.paymentRequests(harness, customer: customer).count == before.count)
    }
}
