import Foundation
import LagoAPI
import LagoSandbox
import Testing
@testable import BrowserModel
@testable import TerminalUI

/// The history tab against the sandbox: an action taken earlier in the same session shows up
/// as a field-by-field change, and a Lago without activity logs shows a calm line instead.
@MainActor
@Suite(.serialized) struct HistorySandboxTests {
    /// Opens the first draft subscription invoice, finalizes it from its detail view and returns its number.
    static func finalizeADraft(_ d: TerminalTestDriver, _ client: LagoClient) async throws -> String {
        let drafts = try JSONValue.parse(try await client.send(.get, "/invoices", query: [URLQueryItem(name: "status", value: "draft"),
                                                                                          URLQueryItem(name: "invoice_type", value: "subscription")]).body)
        let first = try #require(drafts.array("invoices").first?.string("number"), "the seed has a draft subscription invoice")
        await d.press(":")
        await d.type("inv status=draft invoice_type=subscription /\(first)")
        await d.press("enter")
        await d.expectLine(first)
        await d.press("enter")
        await d.expectLine("invoice │ fields │ history │ raw JSON")
        await d.press("F")
        await d.expectDialog("Finalize invoice", containing: "Finalize draft \(first)")
        await d.press("tab", "enter")
        await d.expectNoDialog()
        await d.expectLine("Finalized \(first)")
        return first
    }

    @Test func historyShowsTheFinalizeDoneEarlierInTheSession() async throws {
        let s = try await BrowserSandboxSessionTests().start(rows: 40, columns: 120)
        defer { Task { await s.server.stop() } }
        let d = s.driver
        _ = try await Self.finalizeADraft(d, s.client)
        await d.press("tab", "tab")
        await d.expectLine("invoice.updated")
        await d.expectLine("status: draft → finalized")
        #expect(d.line(containing: "invoice.updated")?.contains("API") == true, "\(d.screen.dump())")
    }

    @Test func aLagoWithoutActivityLogsShowsACalmLine() async throws {
        let s = try await BrowserSandboxSessionTests().start(rows: 40, columns: 120, options: SandboxOptions(customers: 40, premium: false))
        defer { Task { await s.server.stop() } }
        let d = s.driver
        await d.press(":")
        await d.type("inv")
        await d.press("enter")
        await d.expectLine("invoices [")
        await d.press("enter")
        await d.expectLine("invoice │ fields │ history │ raw JSON")
        await d.press("tab", "tab")
        await d.expectLine("History is not available on this Lago plan")
        await d.expectNoLine("feature_unavailable")
    }
}

extension HistorySandboxTests {
    /// `:activity` lists the account's activity, filtered by type, newest first: the finalize
    /// done a moment ago is on top.
    @Test func activityListsTheAccountsChangesWithFilters() async throws {
        let s = try await BrowserSandboxSessionTests().start(rows: 40, columns: 160)
        defer { Task { await s.server.stop() } }
        let d = s.driver
        _ = try await Self.finalizeADraft(d, s.client)
        await d.press(":")
        await d.type("activity type=invoice.updated")
        await d.press("enter")
        await d.expectLine("activity logs [")
        await d.expectLine("invoice.updated")
        await d.expectNoLine("customer.created")
        #expect(s.transport.calls.contains { $0.contains("/activity_logs?") && $0.contains("activity_types%5B%5D=invoice.updated") || $0.contains("activity_types[]=invoice.updated") },
                "\(s.transport.calls.joined(separator: "\n"))")
    }
}
