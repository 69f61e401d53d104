import Foundation

/// Command-line options of `lagotui-bench`. Parsed by hand (no ArgumentParser) so the same
/// binary can re-run itself as a child process for one isolated measurement (`--child`).
struct BenchOptions: Sendable {
    /// Customers seeded in the sandbox for the first-frame and stalled-network scenarios.
    var customers = 2_000
    /// CI smoke run: small sizes, finishes in well under a minute.
    var quick = false
    /// Where the JSON report goes (nil: none).
    var jsonPath: String?
    /// Run only scenarios whose name starts with one of these (empty: all).
    var only: [String] = []
    /// Internal: run one child measurement (`rss`) and print its figures as JSON.
    var child: String?
    /// Internal: the record count for a child measurement.
    var size = 0
    /// List sizes for the keystroke and peak-memory scenarios instead of the defaults.
    var sizes: [Int]?
    /// Internal: a file of invoice JSON templates (one object per line) for a child.
    var templatesPath: String?

    static let usage = """
        usage: lagotui-bench [--customers N] [--quick] [--json PATH] [--only PREFIX[,PREFIX…]] [--sizes N[,N…]]
          Starts its own in-process sandbox, runs every scenario and prints `scenario value unit`
          lines, then checks the budgets (exit status 1 when one is missed).
        """

    struct ParseError: Error, CustomStringConvertible { var description: String }

    init() {}

    init(arguments: [String]) throws(ParseError) {
        var rest = arguments[...]
        func value(_ flag: String) throws(ParseError) -> String {
            guard let v = rest.popFirst() else { throw ParseError(description: "\(flag) needs a value") }
            return v
        }
        func number(_ flag: String) throws(ParseError) -> Int {
            let text = try value(flag)
            guard let n = Int(text.replacingOccurrences(of: "_", with: "")), n > 0 else {
                throw ParseError(description: "\(flag) needs a positive number, not \(text)")
            }
            return n
        }
        while let arg = rest.popFirst() {
            switch arg {
            case "--customers": customers = try number(arg)
            case "--quick": quick = true
            case "--json": jsonPath = try value(arg)
            case "--only": only = try value(arg).split(separator: ",").map(String.init)
            case "--sizes":
                let text = try value(arg)
                let list = text.split(separator: ",").compactMap { Int($0.replacingOccurrences(of: "_", with: "")) }.filter { $0 > 0 }
                guard !list.isEmpty else { throw ParseError(description: "--sizes needs record counts, not \(text)") }
                sizes = list
            case "--child": child = try value(arg)
            case "--size": size = try number(arg)
            case "--templates": templatesPath = try value(arg)
            case "-h", "--help": throw ParseError(description: Self.usage)
            default: throw ParseError(description: "unknown argument \(arg)\n" + Self.usage)
            }
        }
    }

    /// Whether the scenario group `name` should run.
    func wants(_ name: String) -> Bool {
        only.isEmpty || only.contains { name.hasPrefix($0) || $0.hasPrefix(name) }
    }

    /// List sizes for the keystroke scenario.
    var listSizes: [Int] { sizes ?? (quick ? [1_000, 10_000] : [1_000, 10_000, 100_000, 1_000_000]) }
    /// Invoice counts browsed for the peak-memory scenario.
    var rssSizes: [Int] { sizes ?? (quick ? [10_000] : [100_000, 1_000_000]) }
    /// Invoice counts exported.
    var exportSizes: [Int] { quick ? [5_000] : [10_000, 100_000] }
}
