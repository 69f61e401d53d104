import Foundation
import Testing
@testable import BrowserModel

@MainActor
@Suite struct ActionFlowTests {
    /// Dashboard → invoices pane of Acme, cursor on `id`.
    static func onInvoice(_ id: String, environment: EnvironmentKind = .test, readOnly: Bool = false) async -> Harness {
        let h = await Harness.standard(environment: environment, readOnly: readOnly)
        await h.start()
        await h.press("enter", "tab")
        await h.select(id)
        return h
    }

    @Test func footerHintsComeFromTheRegistryWithReasons() async {
        let h = await ActionFlowTests.onInvoice("inv_draft")
        let hints = h.snapshot.footerHints
        let finalize = hints.first { $0.title == "finalize" }
        #expect(finalize?.key == "F" && finalize?.enabled == true && finalize?.dangerous == true)
        let void = hints.first { $0.title == "void" }
        #expect(void?.enabled == false)
        #expect(void?.disabledReason == "only finalized invoices can be voided")
        #expect(hints.contains { $0.title == "quick filter" })
        #expect(!hints.contains { $0.title == "top up" })
    }

    @Test func confirmationShowsIdentityAndAmountWithCancelFocused() async {
        let h = await ActionFlowTests.onInvoice("inv_draft")
        await h.press("F")
        let d = h.snapshot.dialog
        #expect(d?.kind == .confirm)
        #expect(d?.lines.first?.text == "Finalize draft INV-0042 for Acme, $1,250.00?")
        #expect(d?.buttons == ["Cancel", "Finalize"])
        #expect(d?.focusedButton == 0)
        #expect(d?.dangerous == true)
        await h.press("enter")
        #expect(h.snapshot.dialog == nil)
        #expect(await h.ds.count("perform") == 0)
        await h.press("F", "esc")
        #expect(h.snapshot.dialog == nil)
        #expect(await h.ds.count("perform") == 0)
    }

    @Test func confirmedFinalizeRunsOnceAndRefreshesTheRecord() async {
        let h = await ActionFlowTests.onInvoice("inv_draft")
        await h.ds.hold()
        h.model.handle(KeyPress("F"))
        h.model.handle(.right)
        h.model.handle(.enter)
        #expect(h.snapshot.dialog?.submitting == true)
        h.model.handle(.enter)          // a second Enter while in flight does nothing
        h.model.handle(KeyPress("F"))   // nor does the action key
        #expect(h.snapshot.tasks.last?.title == "Finalizing INV-0042")
        await h.ds.release()
        await h.model.idle()
        #expect(await h.ds.count("perform finalize inv_draft") == 1)
        #expect(h.snapshot.dialog == nil)
        #expect(h.snapshot.toasts.last?.text == "Finalized INV-0042")
        #expect(h.snapshot.toasts.last?.level == .success)
        #expect(await h.ds.count("get invoices inv_draft") == 1)
        let row = h.table(h.focusedPane)?.rows.first { $0.id == "inv_draft" }
        #expect(row?.cells[1] == "finalized")
        #expect(h.model.availability(of: .finalizeInvoice) == .disabled("only draft invoices can be finalized"))
    }

    /// Lago gives a finalized draft its final number; the success message names it.
    @Test func finalizeNamesTheFinalNumber() async {
        let h = await ActionFlowTests.onInvoice("inv_draft")
        let answer = #"{"lago_id":"inv_draft","number":"INV-0042-FINAL","status":"finalized","payment_status":"pending"}"#
        await h.ds.scriptMutation("finalize", .success(Data(answer.utf8)))
        await h.press("F")
        h.model.handle(.right)
        h.model.handle(.enter)
        await h.model.idle()
        #expect(h.snapshot.toasts.last?.text == "Finalized INV-0042 as INV-0042-FINAL")
        #expect(h.snapshot.tasks.last?.state == .succeeded("Finalized INV-0042 as INV-0042-FINAL"))
    }

    @Test func refusalShowsLagosReason() async {
        let h = await ActionFlowTests.onInvoice("inv_fail")
        await h.ds.scriptMutation("retry", .failure(.refused(status: 405, code: "payment_processor_is_currently_handling_payment", message: "Method Not Allowed")))
        await h.press("P")
        #expect(h.snapshot.dialog?.lines.first?.text == "Retry payment of $1,250.00 for INV-0041 (Acme)?")
        await h.press("tab", "enter")
        let d = h.snapshot.dialog
        #expect(d?.kind == .message)
        #expect(d?.title == "Lago refused")
        #expect(d?.lines.map(\.text).contains("Method Not Allowed (405 payment_processor_is_currently_handling_payment)") == true)
        #expect(await h.ds.count("get invoices inv_fail") == 1)
        await h.press("enter")
        #expect(h.snapshot.dialog == nil)
        #expect(h.model.availability(of: .retryPayment) == .enabled)
    }

    @Test(.timeLimit(.minutes(1))) func unknownOutcomeRereadsBeforeOfferingAgain() async {
        let h = await ActionFlowTests.onInvoice("inv_draft")
        await h.ds.scriptMutation("finalize", .failure(.outcomeUnknown("the connection broke after sending")))
        await h.ds.holdReads()
        h.model.handle(KeyPress("F"))
        h.model.handle(.right)
        h.model.handle(.enter)
        while await h.ds.count("get invoices inv_draft") == 0 { await Task.yield() }
        #expect(h.snapshot.dialog?.title == "Outcome unknown")
        #expect(h.model.availability(of: .finalizeInvoice) == .disabled("last action's outcome is unknown; re-reading the invoice"))
        h.model.handle(.enter)   // acknowledge the message
        h.model.handle(KeyPress("F"))
        #expect(h.snapshot.dialog == nil)
        await h.ds.releaseReads()
        await h.model.idle()
        #expect(h.model.availability(of: .finalizeInvoice) == .enabled)  // the re-read says it is still a draft
        #expect(await h.ds.count("perform finalize") == 1)
    }

    @Test func liveVoidRequiresTypingTheInvoiceNumber() async {
        let h = await ActionFlowTests.onInvoice("inv_paid", environment: .live)
        await h.press("X")
        let d = h.snapshot.dialog
        #expect(d?.lines.dropFirst().first?.text == "Void INV-0040 for Acme, $1,250.00?")
        #expect(d?.fields.first?.label == "Type INV-0040 to confirm (live profile)")
        #expect(d?.focusedButton == 0)
        await h.press("right", "enter")        // focus Void, press it without typing
        #expect(h.snapshot.dialog?.error == "Type INV-0040 exactly to confirm")
        #expect(await h.ds.count("perform") == 0)
        await h.press("shift-tab", "shift-tab") // back to the field
        #expect(h.snapshot.dialog?.fields.first?.focused == true)
        await h.type("INV-0040")
        await h.press("tab", "tab", "enter")
        #expect(await h.ds.count("perform void inv_paid") == 1)
        #expect(h.snapshot.toasts.last?.text == "Voided INV-0040")
    }

    @Test func actionsWorkFromTheDetailViewToo() async {
        let h = await ActionFlowTests.onInvoice("inv_draft")
        await h.press("enter")
        #expect(h.snapshot.footerHints.contains { $0.title == "finalize" && $0.enabled })
        await h.press("F", "right", "enter")
        #expect(await h.ds.count("perform finalize inv_draft") == 1)
        guard case let .text(t) = h.focusedPane.content else { Issue.record("not a detail view"); return }
        // The invoice document's header carries the re-read status.
        #expect(t.lines.contains { $0.text.hasPrefix("Invoice ") && $0.trailing == "finalized" })
    }

    @Test func dashboardInvoiceQuickFilters() async {
        let h = await ActionFlowTests.onInvoice("inv_draft")
        await h.press("t")
        #expect(h.column(0) == ["INV-0041"])
        // The customer's balances come first, the quick filters last.
        #expect(h.focusedPane.summary.last?.text == "All [Outstanding] Succeeded Draft Overdue Voided Disputed")
        await h.press("t", "t")
        #expect(h.column(0) == ["INV-0042"])
    }

    @Test func liveConfirmationsSayItIsLive() async {
        let h = await ActionFlowTests.onInvoice("inv_fail", environment: .live)
        await h.press("P")
        #expect(h.snapshot.dialog?.lines.first?.text == "LIVE profile eu-live: this changes real billing data.")
        #expect(h.snapshot.dialog?.lines.first?.role == .danger)
    }

    @Test func testProfileVoidNeedsNoTyping() async {
        let h = await ActionFlowTests.onInvoice("inv_paid")
        await h.press("X")
        #expect(h.snapshot.dialog?.fields.isEmpty == true)
    }

    @Test func walletTopUpIsValidatedThenConfirmed() async {
        let h = await Harness.standard()
        await h.start()
        await h.press("enter", "tab", "tab", "tab")
        #expect(h.focusedPane.id.rawValue == "dashboard.wallets")
        await h.press("T")
        #expect(h.snapshot.dialog?.kind == .form)
        #expect(h.snapshot.dialog?.lines.map(\.text).contains("Paid top-up limits: min $10.00, max $500.00") == true)
        await h.type("1")
        #expect(h.snapshot.dialog?.fields[0].hint == "= $2.00")
        await h.press("tab", "tab", "tab", "enter")   // Review
        #expect(h.snapshot.dialog?.fields[0].error == "below the wallet's minimum top-up of $10.00")
        await h.press("tab")                           // from Review back to paid credits
        #expect(h.snapshot.dialog?.fields[0].focused == true)
        await h.press("backspace")
        await h.type("10")
        await h.press("tab")
        await h.type("5")
        await h.press("tab", "tab", "enter")
        let d = h.snapshot.dialog
        #expect(d?.kind == .confirm)
        #expect(d?.lines.first?.text == "Top up wallet Main of cus_1 with 10 paid credits ($20.00, invoiced) and 5 granted credits ($10.00, free)?")
        #expect(d?.focusedButton == 0)
        await h.press("right", "enter")
        #expect(await h.ds.count("perform topup w_1 paid=10 granted=5") == 1)
        await h.select("w_2")
        await h.press("T")
        #expect(h.snapshot.dialog == nil)
        #expect(h.snapshot.toasts.last?.text == "Cannot top up: only active wallets can be topped up")
    }

    @Test func disabledActionSaysWhy() async {
        let h = await ActionFlowTests.onInvoice("inv_void")
        await h.press("F")
        #expect(h.snapshot.dialog == nil)
        #expect(h.snapshot.toasts.last?.text == "Cannot finalize: only draft invoices can be finalized")
    }

    @Test func downloadRunsInTheBackgroundAndShowsThePath() async {
        let h = await ActionFlowTests.onInvoice("inv_fail")
        await h.press("D")
        #expect(await h.ds.count("download inv_fail INV-0041.pdf") == 1)
        #expect(h.snapshot.tasks.last?.state == .succeeded("saved to /tmp/lagotui-test-downloads/INV-0041.pdf"))
        #expect(h.snapshot.toasts.last?.text == "INV-0041 PDF saved to /tmp/lagotui-test-downloads/INV-0041.pdf")
    }

    @Test func downloadDirectoryDefaultsToDownloadsElseCurrentDirectory() {
        var c = BrowserConfiguration()
        c.homeDirectory = URL(fileURLWithPath: "/home/op")
        c.currentDirectory = URL(fileURLWithPath: "/work")
        #expect(c.resolvedDownloadDirectory(fileExists: { $0 == "/home/op/Downloads" }).path == "/home/op/Downloads")
        #expect(c.resolvedDownloadDirectory(fileExists: { _ in false }).path == "/work")
        c.downloadDirectory = URL(fileURLWithPath: "/pdfs")
        #expect(c.resolvedDownloadDirectory(fileExists: { _ in true }).path == "/pdfs")
    }

    @Test func copyIDAndOpenInLagoAreHostEffects() async {
        let h = await ActionFlowTests.onInvoice("inv_fail")
        await h.press("c", "o")
        #expect(h.model.takeEffects() == [.copyToClipboard("inv_fail"), .openURL(URL(string: "https://app.getlago.com/customer/c1/invoice/inv_fail/overview")!)])
    }
}
