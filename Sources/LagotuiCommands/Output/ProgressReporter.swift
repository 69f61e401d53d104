import Foundation
import LagoAPI

/// A one-line progress display on stderr: records, pages, rate and ETA. It draws only when
/// stderr is a terminal and `--quiet` was not given, so pipes and logs stay clean; stdout is
/// never touched.
public final class ProgressReporter: @unchecked Sendable {
    private let label: String
    private let enabled: Bool
    private let lock = NSLock()
    private let start = ContinuousClock.now
    private var lastDraw: ContinuousClock.Instant?
    private var records = 0
    private var pages = 0
    private var totalRecords: Int?
    private var totalPages: Int?
    private var drewSomething = false

    /// `enabled` is usually `ProgressReporter.shouldDraw(quiet:)`.
    public init(label: String, enabled: Bool) {
        self.label = TextSanitizer.printable(label)
        self.enabled = enabled
    }

    /// Whether a progress line belongs on this stderr.
    public static func shouldDraw(quiet: Bool) -> Bool {
        !quiet && isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["TERM"] != "dumb"
    }

    /// Totals from the first page's `meta`, when the API knows them.
    public func setTotals(records: Int?, pages: Int?) {
        lock.withLock {
            totalRecords = records
            totalPages = pages
        }
        draw(force: false)
    }

    /// Counts a written page of `records` records.
    public func advance(records newRecords: Int, pages newPages: Int = 1) {
        lock.withLock {
            records += newRecords
            pages += newPages
        }
        draw(force: false)
    }

    /// Counts written records and pages so far.
    public var counts: (records: Int, pages: Int) { lock.withLock { (records, pages) } }

    /// Draws the final state and ends the line.
    public func finish() {
        guard enabled else { return }
        draw(force: true)
        FileHandle.standardError.write(Data("\n".utf8))
    }

    /// Clears the line (before an error message).
    public func clear() {
        guard enabled, lock.withLock({ drewSomething }) else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8))
    }

    private func draw(force: Bool) {
        guard enabled else { return }
        let now = ContinuousClock.now
        let line: String? = lock.withLock {
            if !force, let lastDraw, now - lastDraw < .milliseconds(100) { return nil }
            lastDraw = now
            drewSomething = true
            return ProgressReporter.render(label: label, records: records, pages: pages, totalRecords: totalRecords,
                                           totalPages: totalPages, elapsed: now - start)
        }
        if let line { FileHandle.standardError.write(Data(("\r\u{1B}[2K" + line).utf8)) }
    }

    /// The progress line's text (pure, for tests).
    public static func render(label: String, records: Int, pages: Int, totalRecords: Int?, totalPages: Int?,
                              elapsed: Duration) -> String {
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let rate = seconds > 0 ? Double(records) / seconds : 0
        var parts: [String] = []
        if let totalRecords, totalRecords > 0 {
            let fraction = min(1, Double(records) / Double(totalRecords))
            let width = 20
            let filled = Int(fraction * Double(width))
            parts.append("[" + String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled) + "]")
            parts.append("\(records)/\(totalRecords) records")
        } else {
            parts.append("\(records) records")
        }
        parts.append(totalPages.map { "\(pages)/\($0) pages" } ?? "\(pages) pages")
        parts.append("\(Int(rate.rounded()))/s")
        if let totalRecords, rate > 0, records < totalRecords {
            let remaining = Int((Double(totalRecords - records) / rate).rounded(.up))
            parts.append("ETA \(remaining / 60 > 0 ? "\(remaining / 60)m\(remaining % 60)s" : "\(remaining)s")")
        }
        return label + " " + parts.joined(separator: "  ")
    }
}
