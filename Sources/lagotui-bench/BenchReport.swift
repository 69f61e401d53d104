import Foundation

/// One measured figure: `scenario value unit`, with the budget it is checked against.
struct Figure: Sendable, Codable {
    enum Comparison: String, Sendable, Codable { case below = "<", atMost = "<=", atLeast = ">=" }

    var scenario: String
    var value: Double
    var unit: String
    var budget: Double?
    var comparison: Comparison?
    var note: String?

    /// True when there is no budget or the value meets it.
    var meetsBudget: Bool {
        guard let budget, let comparison else { return true }
        switch comparison {
        case .below: return value < budget
        case .atMost: return value <= budget
        case .atLeast: return value >= budget
        }
    }

    var line: String {
        var text = "\(scenario) \(Self.format(value)) \(unit)"
        if let budget, let comparison {
            text += "   [budget \(comparison.rawValue) \(Self.format(budget)) \(unit): \(meetsBudget ? "ok" : "MISSED")]"
        }
        if let note { text += "   # \(note)" }
        return text
    }

    static func format(_ value: Double) -> String {
        if value == value.rounded(), abs(value) >= 100 { return String(Int(value)) }
        if abs(value) >= 100 { return String(format: "%.1f", value) }
        if abs(value) >= 1 { return String(format: "%.2f", value) }
        return String(format: "%.3f", value)
    }
}

/// Collects figures, prints each as it arrives, and writes the JSON report.
final class BenchReport: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var figures: [Figure] = []
    private(set) var notes: [String] = []
    /// Print lines as figures arrive (off for child processes, which print JSON only).
    var echo = true
    /// Put before each printed figure (a re-measuring round says which round it is).
    let linePrefix: String

    init(linePrefix: String = "") { self.linePrefix = linePrefix }

    func add(_ figure: Figure) {
        lock.lock()
        figures.append(figure)
        lock.unlock()
        if echo {
            Self.emit(linePrefix + figure.line)
        }
    }

    func add(_ scenario: String, _ value: Double, _ unit: String, below budget: Double? = nil, note: String? = nil) {
        add(Figure(scenario: scenario, value: value, unit: unit, budget: budget, comparison: budget == nil ? nil : .below, note: note))
    }

    func note(_ text: String) {
        lock.lock()
        notes.append(text)
        lock.unlock()
        if echo {
            Self.emit("# " + text)
        }
    }

    /// Writes one line to stdout at once (no buffering, so progress shows while it runs).
    static func emit(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    var missed: [Figure] { figures.filter { !$0.meetsBudget } }

    /// Replaces a figure that missed its budget with its value from re-measuring round `round`,
    /// the first value kept in the note.
    func remeasured(_ missed: Figure, as again: Figure, round: Int) {
        var replacement = again
        replacement.note = (again.note.map { $0 + "; " } ?? "") + "round \(round); round 1 measured \(Figure.format(missed.value)) \(missed.unit)"
        lock.lock()
        if let index = figures.firstIndex(where: { $0.scenario == missed.scenario }) { figures[index] = replacement }
        lock.unlock()
    }

    struct Document: Codable {
        var machine: String
        var loadAverage: String
        var quick: Bool
        var startedAt: String
        var figures: [Figure]
        var notes: [String]
        var missedBudgets: [String]
    }

    func write(to path: String, quick: Bool, startedAt: Date) throws {
        let formatter = ISO8601DateFormatter()
        let document = Document(machine: Self.machine(), loadAverage: Self.loadAverage(), quick: quick, startedAt: formatter.string(from: startedAt),
                                figures: figures, notes: notes, missedBudgets: missed.map(\.scenario))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(document).write(to: URL(fileURLWithPath: path), options: .atomic)
    }

    /// The 1, 5 and 15 minute load averages (other work on the machine skews timings).
    static func loadAverage() -> String {
        guard let text = try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8) else { return "unknown" }
        return text.split(separator: " ").prefix(3).joined(separator: " ")
    }

    /// "2 cores, Debian GNU/Linux 12 (bookworm), 24 GB" from /proc and /etc/os-release.
    static func machine() -> String {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let memory = ProcessInfo.processInfo.physicalMemory / 1_073_741_824
        var os = "Linux"
        if let release = try? String(contentsOfFile: "/etc/os-release", encoding: .utf8),
           let line = release.split(separator: "\n").first(where: { $0.hasPrefix("PRETTY_NAME=") }) {
            os = line.dropFirst("PRETTY_NAME=".count).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        }
        return "\(cores) cores, \(os), \(memory) GB RAM"
    }
}
