import Foundation
import LagoAPI
import Testing
@testable import BrowserModel

/// Mutations under faults: every action is applied at most once whatever the network does,
/// the user is told when the outcome is unknown, and the record is re-read first.
@MainActor
@Suite(.serialized) struct MutationSafetyTests {
    // MARK: the messages (the bug api-core found)

    @Test func outcomeUnknownIsSaidOnce() {
        let error = CachedLagoDataSource.map(LagoError.outcomeUnknown("invoice"), mutation: true)
        #expect(error == .outcomeUnknown("check the invoice before retrying"))
        #expect(error.message == "outcome unknown: check the invoice before retrying")
        let network = CachedLagoDataSource.map(LagoError.network("connection reset by peer"), mutation: true)
        #expect(network.message == "outcome unknown: network error: connection reset by peer")
    }

    @Test func refusalsCarryLagosHumanMessageNotTheHTTPReason() {
        let voided = CachedLagoDataSource.map(LagoError.api(status: 405, code: "not_voidable", error: "Method Not Allowed", details: [:]),
                                              mutation: true)
        #expect(voided.message == "invoice cannot be voided: only finalized invoices can be voided (405 not_voidable)")
        let validation = CachedLagoDataSource.map(
            LagoError.api(status: 422, code: "validation_errors", error: "Unprocessable Entity", details: ["paid_credits": ["amount_below_minimum"]]),
            mutation: true)
        #expect(validation.message == "validation failed: paid_credits is below the wallet's minimum top-up (422 validation_errors)")
        #expect(!validation.message.contains("Unprocessable Entity"))
    }

    // MARK: the sandbox underneath

    /// Every action with the response cut off after the server applied it (truncated body)
    /// or the connection reset before it answered: never applied twice, always "outcome unknown".
    @Test(arguments: ["truncate:1.0", "reset:1.0"])
    func eachActionAppliedAtMostOnceWhenTheConnectionBreaks(_ fault: String) async throws {
        let live = try await LiveBrowser()
        defer { Task { await live.stop() } }
        var invoices: [String: String] = [:]   // status → lago_id
        for (label, command) in [("draft", "inv status=draft"), ("finalized", "inv status=finalized"),
                                 ("failed", "inv status=finalized payment_status=failed")] {
            await live.command(command)
            if let id = live.rows.first?.id { invoices[label] = id }
        }
        await live.command("wallets")
        let wallet = live.rows.first { $0.cells.contains("active") }?.id
        try await live.setFaults(fault)
        var attempted: [(BrowserMutation, String)] = []
        if let id = invoices["draft"] { attempted.append((.finalizeInvoice(lagoId: id), "invoice:\(id)")) }
        if let id = invoices["failed"] { attempted.append((.retryInvoicePayment(lagoId: id), "invoice:\(id)")) }
        if let id = invoices["finalized"], id != invoices["failed"] { attempted.append((.voidInvoice(lagoId: id), "invoice:\(id)")) }
        if let wallet { attempted.append((.topUpWallet(walletId: wallet, paidCredits: 5, grantedCredits: nil), "wallet_transaction")) }
        #expect(attempted.count >= 3, "the seed offers finalized, failed and wallet records")
        for (mutation, _) in attempted {
            do {
                _ = try await live.source.perform(mutation)
                Issue.record("\(mutation) succeeded through a \(fault) fault")
            } catch let error as BrowserDataError {
                guard case .outcomeUnknown = error else { Issue.record("\(mutation): \(error)"); continue }
                #expect(error.message.hasPrefix("outcome unknown: "))
                #expect(!error.message.dropFirst(17).contains("outcome unknown"), "\(error.message)")
            }
        }
        try await live.setFaults("")
        let applied = try await live.mutations()
        for (mutation, key) in attempted {
            let count = key == "wallet_transaction"
                ? applied.filter { $0.key.hasPrefix("wallet_transaction:") }.values.reduce(0, +)
                : applied[key] ?? 0
            #expect(count <= 1, "\(mutation) applied \(count) times under \(fault)")
        }
        let routes = try await live.requestsPerRoute()
        for name in ["PUT /invoices/{lago_id}/finalize", "POST /invoices/{lago_id}/retry_payment", "POST /invoices/{lago_id}/void",
                     "POST /wallet_transactions"] {
            #expect((routes[name] ?? 0) <= 1, "\(name) sent \(routes[name] ?? 0) times")
        }
    }

    /// Server errors and rate limits on actions: an action is never re-sent after a 5xx (it may
    /// have been applied), so each route is hit once and each record changed at most once;
    /// the user gets a named error for every attempt.
    @Test(arguments: ["500:1.0", "503:1.0", "429:1.0"])
    func serverErrorsOnActionsAreNeverResent(_ fault: String) async throws {
        let live = try await LiveBrowser()
        defer { Task { await live.stop() } }
        await live.command("inv status=draft")
        let draft = live.rows.first?.id
        await live.command("wallets")
        let wallet = live.rows.first { $0.cells.contains("active") }?.id
        try #require(draft != nil && wallet != nil, "the seed offers a draft invoice and an active wallet")
        try await live.setFaults(fault)
        for mutation in [BrowserMutation.finalizeInvoice(lagoId: draft!), .topUpWallet(walletId: wallet!, paidCredits: 5, grantedCredits: nil)] {
            do {
                _ = try await live.source.perform(mutation)
                Issue.record("\(mutation) succeeded through \(fault)")
            } catch let error as BrowserDataError {
                #expect(!error.message.isEmpty)
            }
        }
        try await live.setFaults("")
        let routes = try await live.requestsPerRoute()
        let applied = try await live.mutations()
        if fault.hasPrefix("429") {
            // Not applied by the server, so a retry after Retry-After is safe; never applied twice.
            #expect(applied.values.allSatisfy { $0 <= 1 }, "\(applied)")
        } else {
            #expect(routes["PUT /invoices/{lago_id}/finalize"] == 1, "\(fault): \(routes)")
            #expect(routes["POST /wallet_transactions"] == 1, "\(fault): \(routes)")
            #expect(applied.values.allSatisfy { $0 <= 1 }, "\(applied)")
        }
    }

    /// Through the browser: an unknown outcome says so, disables the action until the record
    /// has been re-read, and repeated Enter / double key presses send one request.
    @Test func unknownOutcomeInTheBrowserRereadsBeforeOfferingAgain() async throws {
        let live = try await LiveBrowser()
        defer { Task { await live.stop() } }
        await live.command("inv outstanding")
        guard let invoice = live.rows.first else { Issue.record("no outstanding invoice in the seed"); return }
        try await live.setFaults("truncate:1.0")
        // Open the confirmation twice, move to the action button and hammer Enter.
        live.model.handle(KeyPress("X"))
        live.model.handle(KeyPress("X"))
        live.model.handle(.right)
        for _ in 0..<5 { live.model.handle(.enter) }
        await live.model.idle()
        let dialog = live.snapshot.dialog
        #expect(dialog?.title == "Outcome unknown", "\(String(describing: dialog))")
        let text = dialog?.lines.map(\.text).joined(separator: "\n") ?? ""
        #expect(text.contains("outcome unknown: check the invoice before retrying"), "\(text)")
        #expect(!text.contains("outcome unknown: outcome unknown"), "\(text)")
        try await live.setFaults("")
        let routes = try await live.requestsPerRoute()
        #expect(routes["POST /invoices/{lago_id}/void"] == 1, "\(routes)")
        #expect(try await live.mutations()["invoice:\(invoice.id)"] ?? 0 <= 1)
        // The record was re-read after the unknown outcome (a GET of that invoice followed).
        #expect((routes["GET /invoices/{lago_id}"] ?? 0) >= 1, "\(routes)")
        await live.press("enter")   // dismiss
        #expect(live.snapshot.dialog == nil)
        // It is now voided; voiding is no longer offered (the re-read status is used).
        await live.press("X")
        let after = live.snapshot
        #expect(after.dialog?.title != "Void invoice" || after.dialog == nil, "\(String(describing: after.dialog))")
        let routesAfter = try await live.requestsPerRoute()
        #expect(routesAfter["POST /invoices/{lago_id}/void"] == 1)
        // The re-read failed under the fault too; the automatic retry re-reads it once the
        // server answers, without ctrl-r, and the record shows what Lago now says.
        if !live.model.pendingRechecks.isEmpty {
            try #require(await live.fireNextTimer() != nil, "a re-read retry is scheduled")
            #expect(live.model.pendingRechecks.isEmpty, "re-read by itself once the server answered")
        }
        await live.press("esc")
        let record = try await live.source.record(.invoices, key: invoice.id, forceRefresh: true)
        #expect(String(decoding: record, as: UTF8.self).contains("\"voided\""), "the void was applied exactly once and is what Lago says")
        #expect(try await live.requestsPerRoute()["POST /invoices/{lago_id}/void"] == 1)
    }

    /// Repeated Enter on a confirmation with the server slow to answer: one request.
    @Test func repeatedEnterWhileSendingSendsOnce() async throws {
        let live = try await LiveBrowser()
        defer { Task { await live.stop() } }
        await live.command("inv status=finalized payment_status=failed")
        guard live.rows.first != nil else { Issue.record("no failed payment in the seed"); return }
        try await live.setFaults("latency:300ms")
        await live.press("P")
        live.model.handle(.right)
        for _ in 0..<10 { live.model.handle(.enter); live.model.handle(KeyPress("P")) }
        await live.model.idle()
        try await live.setFaults("")
        let routes = try await live.requestsPerRoute()
        #expect(routes["POST /invoices/{lago_id}/retry_payment"] == 1, "\(routes)")
    }
}
