import Foundation
import LagoAPI

/// Bulk actions on the marked invoices of the focused list: the same keys as the single
/// actions (`P`, `F`, `R`, `D`) act on the marks when there are any. One confirmation (count,
/// totals per currency, skipped with Lago's reasons, Cancel focused, the count typed on a
/// live profile), a progress panel (Esc stops starting new ones), then a result screen.
extension BrowserModel {
    /// The bulk action `action` would start on the focused list's marks, if any.
    func bulkTarget(_ action: ActionID) -> (BulkAction, ListPane)? {
        guard let bulk = BulkAction(action), let pane = markableList, pane.markCount > 0 else { return nil }
        return (bulk, pane)
    }

    /// Availability of a bulk action: enabled when at least one marked invoice qualifies.
    func bulkAvailability(_ bulk: BulkAction, _ pane: ListPane) -> Availability {
        if bulkRun != nil { return .disabled("a bulk action is already running") }
        let plan = BulkPlan(action: bulk, marked: pane.markedRecords())
        if !plan.items.isEmpty { return .enabled }
        return .disabled("none of the \(pane.markCount) marked invoices qualify: " + (plan.skipReasons.first?.reason ?? "nothing marked"))
    }

    func confirmBulk(_ bulk: BulkAction, _ pane: ListPane) {
        guard bulkRun == nil else { toast(.warning, "A bulk action is already running"); return }
        let plan = BulkPlan(action: bulk, marked: pane.markedRecords())
        guard !plan.items.isEmpty else {
            showMessage("Nothing to \(bulk.title)", plan.summaryLines.map { StyledText(TextSanitizer.clean($0), role: .muted) })
            return
        }
        var lines = plan.summaryLines.enumerated().map { i, line in StyledText(TextSanitizer.clean(line), role: i == 0 ? .normal : .muted) }
        lines.append(StyledText("Sent \(env.configuration.bulkConcurrency) at a time, each invoice once; Esc stops starting new ones.", role: .muted))
        let count = String(plan.items.count)
        let live = profile.environment == .live && bulk.mutates
        if live {
            lines.insert(StyledText("LIVE profile \(profile.name): this changes real billing data.", role: .danger), at: 0)
        }
        let button = bulk.title.prefix(1).uppercased() + bulk.title.dropFirst() + " \(count)"
        var d = DialogState(kind: .confirm, title: "\(bulk.title.prefix(1).uppercased() + bulk.title.dropFirst()) · \(count) marked invoices",
                            lines: lines, buttons: ["Cancel", button], focus: .button(0), dangerous: bulk.mutates, purpose: .bulk(plan, requiredText: live ? count : nil))
        if live { d.fields = [DialogState.Field(label: "Type \(count) to confirm (live profile)", placeholder: count)] }
        dialog = d
    }

    /// Starts the run confirmed in the dialog.
    func startBulk(_ plan: BulkPlan) {
        let stop = BulkStopSignal()
        let runner = BulkRunner(plan: plan, concurrency: env.configuration.bulkConcurrency)
        let taskID = addTask("\(plan.action.title) · \(plan.items.count) invoices", state: .running("starting"))
        bulkRun = BulkRunState(runner: runner, stop: stop, taskID: taskID)
        showBulkProgress()
        let executor = bulkExecutor(plan.action)
        let progress: @Sendable (BulkRunner) async -> Void = { [weak self] runner in await self?.bulkProgressed(runner) }
        tracker.run { [weak self] in
            let final = await executor.run(runner, stop: stop, progress: progress)
            self?.finishBulk(final)
        }
    }

    func bulkProgressed(_ runner: BulkRunner) {
        guard bulkRun != nil else { return }
        bulkRun?.runner = runner
        showBulkProgress()
    }

    /// The progress panel: n/N, successes, refusals with Lago's codes, unknown outcomes. It
    /// can be hidden (the run goes on, its progress in the task list) to keep browsing.
    func showBulkProgress() {
        guard let run = bulkRun else { return }
        let r = run.runner
        let title = r.plan.action.title.prefix(1).uppercased() + r.plan.action.title.dropFirst()
        updateTask(run.taskID, .running(r.progressText), fraction: r.total == 0 ? nil : Double(r.completed) / Double(r.total))
        guard !run.hidden else { changed(); return }
        var lines = [StyledText(r.progressText)]
        if run.stop.isStopped { lines.append(StyledText("Stopping: nothing new starts; waiting for the requests in flight.", role: .warning)) }
        else { lines.append(StyledText("Esc stops starting new ones (those in flight finish and are reported).", role: .muted)) }
        var focus = DialogState.Focus.button(1)
        if case .bulkProgress? = dialog?.purpose, let current = dialog?.focus { focus = current }
        dialog = DialogState(kind: .message, title: "\(title) · \(r.completed)/\(r.total)", lines: lines,
                             buttons: ["Stop", "Hide"], focus: focus, dangerous: false, purpose: .bulkProgress)
        changed()
    }

    /// Keys of the progress panel: Esc stops, Enter presses the focused button (Stop or Hide).
    func bulkProgressKey(_ key: KeyPress) {
        guard var d = dialog else { return }
        switch key {
        case .escape: stopBulk()
        case .left, .right, .tab, .backTab:
            if case let .button(b) = d.focus { d.focus = .button(1 - b) }
            dialog = d
        case .enter:
            if d.focus == .button(0) { stopBulk() } else { hideBulkProgress() }
        default: break
        }
    }

    /// Esc (or Stop) in the progress panel.
    func stopBulk() {
        bulkRun?.stop.stop()
        showBulkProgress()
    }

    func hideBulkProgress() {
        bulkRun?.hidden = true
        dialog = nil
        toast(.info, "The bulk run goes on; its progress is in the task list")
    }

    func finishBulk(_ runner: BulkRunner) {
        if let run = bulkRun {
            updateTask(run.taskID, runner.succeeded == runner.total ? .succeeded(runner.progressText) : .failed(runner.progressText), fraction: 1)
        }
        bulkRun = nil
        if case .bulkProgress? = dialog?.purpose { dialog = nil }
        lastBulkResults = runner.results
        let action = runner.plan.action
        let pane = BulkResultPane(id: PaneID("bulk-results"), action: action, results: runner.results, summary: runner.progressText)
        push(BrowserScreen(kind: .detail, layout: .single, panes: [pane], parentCrumbs: top?.crumbs ?? [], viewKey: "bulk-results") { _ in ["\(action.title) results"] })
        toast(runner.succeeded == runner.total ? .success : .warning, "\(action.title): " + runner.progressText)
        refreshListsBelowResults()
        changed()
    }

    /// The lists the run changed are re-read (marks stay; rows no longer eligible show as skipped).
    private func refreshListsBelowResults() {
        guard stack.count > 1 else { return }
        for case let pane as ListPane in stack[stack.count - 2].panes { pane.refresh() }
        stack[stack.count - 2].overdue?.loadTotals()
    }

    /// `:w FILE`: the last bulk run's results as NDJSON.
    func writeBulkResults(to path: String) {
        guard let results = lastBulkResults else { toast(.warning, "No bulk results to save yet"); return }
        let url = URL(fileURLWithPath: (path as NSString).expandingTildeInPath)
        do {
            try Data(results.map { $0.ndjsonLine + "\n" }.joined().utf8).write(to: url, options: .atomic)
            toast(.success, "Saved \(results.count) results to \(TextSanitizer.clean(url.path))")
        } catch {
            toast(.error, "Could not save \(TextSanitizer.clean(url.path)): \(TextSanitizer.clean(error.localizedDescription))")
        }
    }

    /// The I/O of a browser bulk run: the data source, and the browser clock for pauses.
    func bulkExecutor(_ action: BulkAction) -> BulkExecutor {
        let ds = env.dataSource
        let directory = env.configuration.resolvedDownloadDirectory()
        let pause = ClockPause(clock: env.clock)
        return BulkExecutor(
            send: { invoice in
                if action == .download {
                    do {
                        let url = try await ds.downloadInvoicePDF(lagoId: invoice.id, fileName: BulkAction.pdfFileName(invoice.number),
                                                                  directory: directory, progress: { _ in })
                        return .done(detail: url.path)
                    } catch {
                        return BulkAction.classify(error, mutation: false)
                    }
                }
                guard let mutation = action.mutation(lagoId: invoice.id) else { return .failed(message: "not an action") }
                do {
                    let data = try await ds.perform(mutation)
                    let number = data.flatMap { try? JSONValue.parse($0) }?.string("number")
                    return .done(detail: action == .finalize ? number.map { "final number " + TextSanitizer.clean($0) } : nil)
                } catch {
                    return BulkAction.classify(error, mutation: true)
                }
            },
            reread: { invoice in
                do {
                    let data = try await ds.record(.invoices, key: invoice.id, forceRefresh: true)
                    return .read(InvoiceFacts(try JSONValue.parse(data)))
                } catch {
                    return .failed(message: describe(error))
                }
            },
            wait: { seconds in await pause.pause(seconds) })
    }
}

extension BulkAction {
    /// How a failed send counts: refused (Lago said no), rate limited (not processed: sent
    /// again later), unknown (may have been applied: re-read, never re-sent), or failed
    /// (a download; nothing changed).
    public static func classify(_ error: any Error, mutation: Bool) -> BulkRunner.SendResult {
        guard let e = error as? BrowserDataError else {
            return mutation ? .unknown(message: describe(error)) : .failed(message: describe(error))
        }
        switch e {
        case let .refused(status, code, message): return .refused(status: status, code: code, message: TextSanitizer.clean(message))
        case let .rateLimited(retryAfter, _): return .rateLimited(retryAfter: retryAfter)
        case let .notSupported(message): return .refused(status: 403, code: "feature_unavailable", message: TextSanitizer.clean(message))
        case .outcomeUnknown, .unavailable:
            // A 5xx or a lost connection after sending: it may have been applied.
            return mutation ? .unknown(message: describe(e)) : .failed(message: describe(e))
        }
    }

    /// "INV-0042.pdf": the number with anything but letters, digits, - and _ replaced.
    public static func pdfFileName(_ number: String) -> String {
        String(number.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "_" }) + ".pdf"
    }
}

/// A bulk run under way: the runner's latest state and its stop signal.
struct BulkRunState {
    var runner: BulkRunner
    let stop: BulkStopSignal
    /// Its line in the task list.
    let taskID: Int
    /// The progress panel was hidden to keep browsing.
    var hidden = false
}

/// Pauses on the browser clock (so tests step Retry-After by hand), cancellable.
@MainActor
final class ClockPause {
    private let clock: any BrowserClock
    private var waiting: [Int: (timer: any BrowserTimer, resume: CheckedContinuation<Void, Never>)] = [:]
    private var next = 0

    init(clock: any BrowserClock) { self.clock = clock }

    func pause(_ seconds: Double) async {
        let id = next
        next += 1
        await withTaskCancellationHandler {
            await withCheckedContinuation { (c: CheckedContinuation<Void, Never>) in
                let timer = clock.schedule(after: .milliseconds(Int((seconds * 1000).rounded()))) { [weak self] in self?.finish(id) }
                waiting[id] = (timer, c)
            }
        } onCancel: {
            Task { @MainActor [weak self] in self?.finish(id) }
        }
    }

    private func finish(_ id: Int) {
        guard let entry = waiting.removeValue(forKey: id) else { return }
        entry.timer.cancel()
        entry.resume.resume()
    }
}
