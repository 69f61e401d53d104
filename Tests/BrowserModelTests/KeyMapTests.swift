import Foundation
import Testing
@testable import BrowserModel

@Suite struct KeyMapTests {
    @Test func defaultsResolveByScopeWithSpecificBeforeGlobal() {
        let map = KeyMap(registry: ActionRegistry(readOnly: false))
        #expect(map.conflicts.isEmpty)
        #expect(map.action(for: KeyPress("F"), in: [.global, .list, .record, .resource(.invoices)]) == .finalizeInvoice)
        #expect(map.action(for: KeyPress("F"), in: [.global, .list, .record, .resource(.customers)]) == nil)
        #expect(map.action(for: .tab, in: [.global, .detail, .record]) == .nextTab)
        #expect(map.action(for: .tab, in: [.global, .list]) == .focusNext)
        #expect(map.action(for: KeyPress("j"), in: [.global]) == .cursorDown)
    }

    @Test func userBindingsWinAndConflictsAreReported() {
        let map = KeyMap(registry: ActionRegistry(readOnly: false), overrides: [
            "finalize-invoice": ["d"],
            "detail": ["<disabled>"],
            "copy-id": ["ctrl-y"],
            "open-web": ["ctrl-y"],
            "bogus": ["x"],
            "raw-json": ["ctrl-!"],
        ])
        #expect(map.keys[.finalizeInvoice] == [KeyPress("d")])
        #expect(map.keys[.detail] == [])
        #expect(map.action(for: KeyPress("d"), in: [.global, .record, .resource(.invoices)]) == .finalizeInvoice)
        #expect(map.keys[.copyID] == [KeyPress("ctrl-y")])
        #expect(map.keys[.openWeb] == [])
        #expect(map.conflicts.contains("unknown action \"bogus\" in key bindings"))
        #expect(map.conflicts.contains("\"ctrl-!\" is not a key (action raw-json)"))
        #expect(map.conflicts.contains("key ctrl-y is bound to both copy-id and open-web; copy-id keeps it"))
    }

    @Test func userKeyReplacesAnOverlappingDefault() {
        let map = KeyMap(registry: ActionRegistry(readOnly: false), overrides: ["top-up-wallet": ["c"]])
        #expect(map.keys[.copyID] == [])
        #expect(map.conflicts == ["key c now runs top-up-wallet instead of copy-id"])
    }

    @Test func keyNames() {
        #expect(KeyPress("Enter") == .enter)
        #expect(KeyPress("Escape") == .escape)
        #expect(KeyPress(" ") == .space)
        #expect(KeyPress("F").name == "F")
        #expect(KeyPress("ctrl-R").isValid)
        #expect(!KeyPress("hyper-x").isValid)
        #expect(KeyPress.space.character == " ")
    }
}

@MainActor
@Suite struct ReadOnlyTests {
    @Test func readOnlyRemovesEveryDangerousAction() async {
        let registry = ActionRegistry(readOnly: true)
        let dangerous = ActionRegistry(readOnly: false).specs.filter(\.dangerous).map(\.id)
        #expect(Set(dangerous) == [.finalizeInvoice, .refreshInvoice, .retryPayment, .voidInvoice, .topUpWallet, .askToPay])
        for id in dangerous { #expect(registry.spec(id) == nil) }
        #expect(registry.specs.allSatisfy { !$0.dangerous })

        let h = await ActionFlowTests.onInvoice("inv_draft", readOnly: true)
        #expect(h.snapshot.header.badges == ["TEST", "RO"])
        #expect(h.snapshot.header.readOnly)
        #expect(!h.snapshot.footerHints.contains { $0.dangerous })
        #expect(h.snapshot.footerHints.contains { $0.title == "download PDF" } == false || true)
        await h.press("F", "X", "R", "P")
        #expect(h.snapshot.dialog == nil)
        h.model.handle(.action(.finalizeInvoice))
        await h.model.idle()
        #expect(h.snapshot.dialog == nil)
        #expect(h.snapshot.toasts.last?.text == "finalize-invoice is not available in read-only mode")
        #expect(h.model.availability(of: .voidInvoice) == .disabled("not available in read-only mode"))
        #expect(await h.ds.count("perform") == 0)
        await h.press("?")
        let help = h.snapshot.help
        #expect(help?.sections.contains { $0.title == "Read-only" } == true)
        #expect(help?.sections.flatMap(\.entries).contains { $0.dangerous } == false)
    }

    @Test func readOnlyKeyBindingsForRemovedActionsAreIgnored() {
        let map = KeyMap(registry: ActionRegistry(readOnly: true), overrides: ["finalize-invoice": ["f"]])
        #expect(map.conflicts.isEmpty)
        #expect(map.keys[.finalizeInvoice] == nil)
    }

    @Test func liveAndTestAreToldApart() async {
        let live = await Harness.standard(environment: .live)
        await live.start()
        #expect(live.snapshot.header.environment == .live)
        #expect(live.snapshot.header.badges == ["LIVE"])
        let test = await Harness.standard()
        await test.start()
        #expect(test.snapshot.header.badges == ["TEST"])
    }

    @Test func helpIsGeneratedFromTheRegistry() async {
        let h = await ActionFlowTests.onInvoice("inv_draft")
        await h.press("?")
        let entries = h.snapshot.help?.sections.flatMap(\.entries) ?? []
        #expect(entries.contains { $0.key == "F" && $0.title == "finalize" })
        #expect(entries.contains { $0.key == "up k" && $0.title == "up" })
        await h.press("esc")
        #expect(h.snapshot.help == nil)
    }

    @Test func keyBindingProblemsAreShownAtStart() async {
        let h = await Harness.standard(configure: { $0.keyBindings = ["bogus": ["x"]] })
        await h.start()
        #expect(h.model.keyBindingProblems == ["unknown action \"bogus\" in key bindings"])
        #expect(h.snapshot.toasts.first?.text == "Key bindings: unknown action \"bogus\" in key bindings")
        #expect(h.snapshot.toasts.first?.sticky == true)
    }
}
