import ArgumentParser
import BrowserModel
import Foundation
import LagoAPI

/// `lagotui bulk retry-payment|finalize|refresh|download [export filters]`: the browser's bulk
/// actions for scripts. The invoices are read with export's filters, judged with the same
/// plan code as the browser (each invoice by the single action's Lago rule), and sent by the
/// same state machine: bounded concurrency, 429 slowing down, unknown outcomes re-read and
/// never re-sent. Results are NDJSON on stdout, one line per invoice.
public struct BulkCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "bulk",
        abstract: "Retry payments, finalize or refresh drafts, or download PDFs of many invoices at once.",
        discussion: """
            Actions: \(BulkAction.allCases.map(\.rawValue).joined(separator: ", ")). The invoices are those \
            `lagotui export invoices` would give with the same filters. The plan (count, totals per \
            currency, skipped invoices with Lago's reasons) goes to stderr; with --dry-run it stops \
            there and stdout has one line per invoice with outcome "planned" or "skipped". Without \
            --yes it asks on a terminal (type the count) and refuses without one; a live profile \
            always needs --yes. Results: one NDJSON line per invoice (lago_id, number, customer, \
            outcome, code, message). Exit 0 when all succeeded, 1 when some were refused, unknown \
            or not sent; the exit-code table otherwise.
            """
    )

    @OptionGroup public var global: GlobalOptions

    @Argument(help: "retry-payment, finalize, refresh or download.")
    public var action: String

    @OptionGroup(title: "Filters") public var filters: FilterOptions

    @Flag(name: .customLong("dry-run"), help: "Print the plan and send nothing.")
    public var dryRun = false

    @Flag(name: .long, help: "Do not ask for confirmation (required on a live profile and without a terminal).")
    public var yes = false

    @Option(name: .long, help: "Requests in flight (1-16, default 4).")
    public var concurrency: Int = 4

    @Option(name: .customLong("download-dir"), help: "Where PDFs go (download; default the profile's download folder, else the current directory).")
    public var downloadDir: String?

    public init() {}

    public func validate() throws {
        guard (1...16).contains(concurrency) else { throw ValidationError("--concurrency must be from 1 to 16") }
    }

    public func run() async throws {
        guard let bulk = BulkAction(rawValue: action) else {
            throw CommandFailure(.usage, "unknown bulk action \(FilterValidation.shown(action)); actions: "
                                 + BulkAction.allCases.map(\.rawValue).joined(separator: ", "))
        }
        let query = try StreamQuery.build(.resource(.invoices), filters: filters)
        let settings = try ClientFactory.settings(global)
        if bulk.mutates && settings.readonly {
            throw CommandFailure(.usage, "\(bulk.rawValue) changes data and the profile \(settings.profileName) is read-only")
        }
        let client = try ClientFactory.makeClient(settings)
        let plan = try await Self.plan(bulk, query: query, client: client)
        let out = StandardOutputSink()
        for line in plan.summaryLines { Diagnostics.shared.line(TextSanitizer.printable(line)) }
        if dryRun {
            try Self.write(Self.planLines(plan), to: out)
            return
        }
        try await confirm(plan, live: settings.mode == .live)
        let directory = URL(fileURLWithPath: ((downloadDir ?? settings.downloadDir ?? ".") as NSString).expandingTildeInPath)
        let stop = BulkStopSignal()
        let interrupt = Task { await SignalWait.untilInterrupted(); stop.stop() }
        defer { interrupt.cancel() }
        let final = await Self.executor(bulk, client: client, directory: directory)
            .run(BulkRunner(plan: plan, concurrency: concurrency), stop: stop)
        try Self.write(final.results.map(\.ndjsonLine) + Self.skippedLines(plan), to: out)
        Diagnostics.shared.line("\(bulk.rawValue): " + final.progressText)
        if final.succeeded != final.total { throw ExitCode(ExitStatus.generic.rawValue) }
    }

    /// Reads every invoice of `query` and judges each with the single action's rule.
    static func plan(_ bulk: BulkAction, query: StreamQuery, client: LagoClient) async throws -> BulkPlan {
        var marked: [MarkedInvoice] = []
        try await ExportEngine(source: client, perPage: 100, concurrency: 4).run(query) { data in
            guard let json = try? JSONValue.parse(data), let id = json.string("lago_id") else { return }
            let customer = json.string("customer.name") ?? json.string("customer.external_id") ?? json.string("external_customer_id") ?? ""
            marked.append(MarkedInvoice(id: id, number: json.string("number") ?? id, customer: customer, facts: InvoiceFacts(json)))
        }
        return BulkPlan(action: bulk, marked: marked)
    }

    /// `--dry-run`'s lines: "planned" for each invoice that would be sent, then the skipped.
    static func planLines(_ plan: BulkPlan) -> [String] {
        plan.items.map { BulkResult.ndjsonLine($0, outcome: "planned", code: nil, message: "") } + skippedLines(plan)
    }

    /// "skipped" lines with the single action's reason (the real run prints them too).
    static func skippedLines(_ plan: BulkPlan) -> [String] {
        plan.skipped.map { BulkResult.ndjsonLine($0.invoice, outcome: "skipped", code: nil, message: $0.reason) }
    }

    private static func write(_ lines: [String], to out: StandardOutputSink) throws {
        for line in lines { try out.write(Data((line + "\n").utf8)) }
        try out.commit()
    }

    /// Asks for the count on a terminal; refuses without one, and on a live profile without --yes.
    private func confirm(_ plan: BulkPlan, live: Bool) async throws {
        guard !yes, !plan.items.isEmpty else { return }
        if live { throw CommandFailure(.usage, "the profile is live: pass --yes to \(plan.action.title) \(plan.items.count) invoices") }
        guard isatty(STDIN_FILENO) == 1, isatty(STDERR_FILENO) == 1 else {
            throw CommandFailure(.usage, "refusing to \(plan.action.title) \(plan.items.count) invoices without a terminal: pass --yes")
        }
        FileHandle.standardError.write(Data("Type \(plan.items.count) to \(plan.action.title) \(plan.items.count) invoices: ".utf8))
        let answer = readLine()?.trimmingCharacters(in: .whitespaces)
        guard answer == String(plan.items.count) else { throw CommandFailure(.generic, "not confirmed; nothing was sent") }
    }

    /// The run's I/O over LagoClient: the browser's mutations and error sorting, without a cache.
    static func executor(_ bulk: BulkAction, client: LagoClient, directory: URL) -> BulkExecutor {
        BulkExecutor(
            send: { invoice in
                if bulk == .download {
                    do {
                        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
                        let url = try await client.downloadInvoicePDF(lagoId: invoice.id, to: directory.appendingPathComponent(BulkAction.pdfFileName(invoice.number)))
                        return .done(detail: url.path)
                    } catch {
                        return BulkAction.classify(CachedLagoDataSource.map(error, mutation: false), mutation: false)
                    }
                }
                guard let mutation = bulk.mutation(lagoId: invoice.id) else { return .failed(message: "not an action") }
                do {
                    let response = try await client.send(try CachedLagoDataSource.action(mutation))
                    let number = (try? JSONValue.parse(response.body))?.string("invoice.number")
                    return .done(detail: bulk == .finalize ? number.map { "final number " + $0 } : nil)
                } catch {
                    return BulkAction.classify(CachedLagoDataSource.map(error, mutation: true), mutation: true)
                }
            },
            reread: { invoice in
                do {
                    let data = try await client.objectBytes(LagoResource.invoices.recordPath(id: invoice.id), rootKey: LagoResource.invoices.singularKey)
                    return .read(InvoiceFacts(try JSONValue.parse(data)))
                } catch {
                    return .failed(message: CachedLagoDataSource.map(error, mutation: false).message)
                }
            },
            wait: { seconds in try? await Task.sleep(for: .milliseconds(Int((seconds * 1000).rounded()))) })
    }
}
