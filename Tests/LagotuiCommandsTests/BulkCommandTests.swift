import Foundation
import LagoAPI
import Testing
@testable import LagotuiCommands

/// `lagotui bulk` as a subprocess against the sandbox: the dry run's plan is the real run's,
/// each eligible invoice is acted on once (the sandbox's counters), NDJSON on stdout, and
/// the exit codes.
@Suite(.serialized) struct BulkCommandTests {
    func runner() throws -> BinaryRunner { BinaryRunner(workDirectory: try TemporaryDirectory()) }

    func api(_ sandbox: SandboxFixture) -> [String: String] {
        ["LAGO_API_URL": sandbox.baseURL.absoluteString, "LAGO_API_KEY": "lago-sandbox-key"]
    }

    static func lines(_ stdout: String) throws -> [JSONValue] {
        try stdout.split(separator: "\n").map { try JSONValue.parse(Data($0.utf8)) }
    }

    static func ids(_ lines: [JSONValue], outcome: String? = nil, not: String? = nil) -> [String] {
        lines.filter { l in
            let o = l["outcome"]?.stringValue
            return (outcome == nil || o == outcome) && (not == nil || o != not)
        }.compactMap { $0["lago_id"]?.stringValue }
    }

    static func mutations(_ sandbox: SandboxFixture) async throws -> [String: Int] {
        guard case let .object(members)? = try await sandbox.counters()["mutations_per_record"] else { return [:] }
        var out: [String: Int] = [:]
        for m in members { out[m.key] = m.value.intValue }
        return out
    }

    @Test func dryRunAndTheRealRunAgreeAndEachEligibleInvoiceIsRetriedOnce() async throws {
        let run = try runner()
        defer { run.workDirectory.remove() }
        try await withSandbox(customers: 20) { sandbox in
            let args = ["bulk", "retry-payment", "--status", "finalized"]
            let dry = try await run.run(args + ["--dry-run"], environment: api(sandbox))
            #expect(dry.status == 0, "\(dry.stderr)")
            let planned = Self.ids(try Self.lines(dry.stdout), outcome: "planned")
            let skipped = Self.ids(try Self.lines(dry.stdout), outcome: "skipped")
            #expect(!planned.isEmpty && !skipped.isEmpty)
            #expect(dry.stderr.contains("\(planned.count) invoice"))
            #expect(try await Self.mutations(sandbox).isEmpty, "a dry run sends nothing")

            let noTerminal = try await run.run(args, environment: api(sandbox))
            #expect(noTerminal.status == 2, "refuses without a terminal or --yes: \(noTerminal.stderr)")
            #expect(try await Self.mutations(sandbox).isEmpty)

            let real = try await run.run(args + ["--yes", "--concurrency", "3"], environment: api(sandbox))
            let lines = try Self.lines(real.stdout)
            #expect(Self.ids(lines, not: "skipped") == planned, "the real run sends the dry run's plan, in its order")
            #expect(Self.ids(lines, outcome: "skipped") == skipped)
            let applied = try await Self.mutations(sandbox)
            for id in planned { #expect(applied["invoice:\(id)"] == 1) }
            for id in skipped { #expect(applied["invoice:\(id)"] == nil) }
            let allSucceeded = Self.ids(lines, outcome: "succeeded").count == planned.count
            #expect(real.status == (allSucceeded ? 0 : 1), "\(real.stderr)")
            #expect(allSucceeded)
        }
    }

    @Test func usageErrorsExitTwoAndAnEmptyPlanExitsZero() async throws {
        let run = try runner()
        defer { run.workDirectory.remove() }
        try await withSandbox { sandbox in
            // Every draft finalized; a second run finds no drafts, plans nothing and exits 0.
            let first = try await run.run(["bulk", "finalize", "--status", "draft", "--yes"], environment: api(sandbox))
            #expect(first.status == 0, "\(first.stderr)")
            #expect(Self.ids(try Self.lines(first.stdout), outcome: "succeeded").count == Self.ids(try Self.lines(first.stdout)).count)
            let again = try await run.run(["bulk", "finalize", "--status", "draft", "--yes"], environment: api(sandbox))
            #expect(again.status == 0)
            #expect(again.stdout.isEmpty)

            let unknownAction = try await run.run(["bulk", "void"], environment: api(sandbox))
            #expect(unknownAction.status == 2)
            #expect(unknownAction.stderr.contains("retry-payment"))
            let badFilter = try await run.run(["bulk", "finalize", "--status", "bogus", "--dry-run"], environment: api(sandbox))
            #expect(badFilter.status == 2)
            let badConcurrency = try await run.run(["bulk", "finalize", "--concurrency", "0"], environment: api(sandbox))
            #expect(badConcurrency.status == 2)
        }
    }

    @Test func underFaultsNoInvoiceIsRetriedTwice() async throws {
        let run = try runner()
        defer { run.workDirectory.remove() }
        try await withSandbox(customers: 20) { sandbox in
            let args = ["bulk", "retry-payment", "--status", "finalized"]
            let planned = Self.ids(try Self.lines(try await run.run(args + ["--dry-run"], environment: api(sandbox)).stdout), outcome: "planned")
            try await sandbox.setFaults("429:0.1,reset:0.1,truncate:0.1,503:0.1")
            let real = try await run.run(args + ["--yes"], environment: api(sandbox))
            try await sandbox.setFaults("")
            let lines = try Self.lines(real.stdout)
            let applied = try await Self.mutations(sandbox)
            #expect(Set(Self.ids(lines, not: "skipped")) == Set(planned), "every planned invoice has a result line")
            for line in lines {
                guard let id = line["lago_id"]?.stringValue, let outcome = line["outcome"]?.stringValue else { continue }
                let n = applied["invoice:\(id)", default: 0]
                switch outcome {
                case "succeeded": #expect(n == 1)
                case "refused", "skipped": #expect(n == 0)
                default: #expect(n <= 1, "\(id) \(outcome) applied \(n) times")
                }
            }
            let allSucceeded = lines.allSatisfy { ["succeeded", "skipped"].contains($0["outcome"]?.stringValue ?? "") }
            #expect(real.status == (allSucceeded ? 0 : 1), "exit 1 when some were refused or unknown: \(real.stderr)")
        }
    }
}

/// `lagotui link payment|portal ID`.
@Suite(.serialized) struct LinkCommandTests {
    @Test func printsTheURLOrLagosRefusal() async throws {
        let run = BinaryRunner(workDirectory: try TemporaryDirectory())
        defer { run.workDirectory.remove() }
        try await withSandbox { sandbox in
            let env = ["LAGO_API_URL": sandbox.baseURL.absoluteString, "LAGO_API_KEY": "lago-sandbox-key"]
            let customers = try JSONValue.parse(try await run.run(["get", "customers", "--output", "json"], environment: env).stdout).arrayValue ?? []
            let customer = try #require(customers.first?["external_id"]?.stringValue)
            let portal = try await run.run(["link", "portal", customer], environment: env)
            #expect(portal.status == 0, "\(portal.stderr)")
            #expect(portal.stdout.hasPrefix("https://") && portal.stdout.contains("/customer-portal/"))

            let invoices = try JSONValue.parse(try await run.run(["get", "invoices", "--output", "json"], environment: env).stdout).arrayValue ?? []
            let draft = try #require(invoices.first { $0["status"]?.stringValue == "draft" }?["lago_id"]?.stringValue)
            let refused = try await run.run(["link", "payment", draft], environment: env)
            #expect(refused.status == 5, "422 is a validation refusal: \(refused.stderr)")
            #expect(refused.stdout.isEmpty)

            let unknown = try await run.run(["link", "portal", "no-such-customer"], environment: env)
            #expect(unknown.status == 4)
            let usage = try await run.run(["link", "wallet", "x"], environment: env)
            #expect(usage.status == 2)
        }
    }
}
