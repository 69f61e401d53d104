import BrowserModel
import Foundation
import TerminalUI

/// Scenario 4: peak resident memory after browsing N invoices. Each size runs in a child
/// process of this binary (`--child rss`) so peaks never mix; the child reads its own
/// `VmHWM` from /proc/self/status.
enum MemoryBench {
    /// Runs the children and reports their figures.
    static func run(sizes: [Int], templates: [Data], report: BenchReport) throws {
        let directory = try TemporaryDirectory("rss")
        defer { directory.remove() }
        let file = directory.url.appendingPathComponent("templates.ndjson")
        try Data(templates.map { String(decoding: $0, as: UTF8.self) }.joined(separator: "\n").utf8).write(to: file)
        for size in sizes {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
            process.arguments = ["--child", "rss", "--size", String(size), "--templates", file.path]
            let pipe = Pipe()
            process.standardOutput = pipe
            try process.run()
            let output = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            guard process.terminationStatus == 0,
                  let figures = try? JSONDecoder().decode([Figure].self, from: output) else {
                throw BenchError("rss child for \(size) failed (status \(process.terminationStatus)): \(String(decoding: output.prefix(500), as: UTF8.self))")
            }
            for figure in figures { report.add(figure) }
        }
    }

    /// The child: browse `size` invoices (open the list, page to the end), then report VmHWM.
    @MainActor
    static func child(options: BenchOptions) async throws -> [Figure] {
        guard let path = options.templatesPath else { throw BenchError("--child rss needs --templates") }
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        let templates = lines.compactMap { InvoiceTemplate(Data($0.utf8)) }
        let size = options.size
        let baseline = peakResidentKilobytes()
        let baselineAnonymous = statusKilobytes("RssAnon:")
        // Lago's largest page: the list holds many pages, as it would in the app, so what is
        // measured is the windowed list (compact rows, JSON only near the cursor).
        let harness = await FrameHarness.invoiceBrowser(size: size, templates: templates)
        let model = harness.model
        model.handle(.run("invoices"))
        await model.idle()
        var shown = 0
        var stoppedEarly = false
        while true {
            // Guard the (shared) machine: stop browsing once the peak passes the ceiling.
            if peakResidentKilobytes() > ceilingKilobytes {
                stoppedEarly = true
                break
            }
            harness.press(.pageDown)
            harness.press(.end)
            await model.idle()
            guard let table = harness.frame().focusedTable else { break }
            if table.totalRows == shown && !table.hasMore { break }
            shown = table.totalRows
        }
        let peak = peakResidentKilobytes()
        let label = "rss.\(size)"
        let budget: Double? = size == 100_000 ? 64 : nil
        return [
            Figure(scenario: "\(label).peak", value: Double(peak) / 1024, unit: "MB", budget: budget, comparison: budget == nil ? nil : .below,
                   note: (stoppedEarly ? "STOPPED over the \(ceilingKilobytes / 1_048_576) GB ceiling; " : "") + "VmHWM after paging through \(shown) invoices (\(BenchListSource.pageSize) per page, generated in memory, not via HTTP); process baseline \(baseline / 1024) MB (anonymous \(baselineAnonymous / 1024) MB); resident now \(residentKilobytes() / 1024) MB (anonymous \(statusKilobytes("RssAnon:") / 1024) MB)"),
        ]
    }

    /// Peak memory at which a child stops browsing (4 GB): far past any budget, and enough to
    /// show the trend without pushing a shared machine into swap or the OOM killer.
    static let ceilingKilobytes = 4 * 1_048_576

    /// VmHWM (peak resident set) of this process in kB, 0 when unknown.
    static func peakResidentKilobytes() -> Int { statusKilobytes("VmHWM:") }

    /// VmRSS (resident set now) of this process in kB, 0 when unknown.
    static func residentKilobytes() -> Int { statusKilobytes("VmRSS:") }

    static func statusKilobytes(_ field: String) -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix(field) }) else { return 0 }
        return Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "") ?? 0
    }
}
