import Foundation
import LagoAPI
import Testing
@testable import LagotuiCommands

/// `lagotui diagnose usage` as a subprocess against the sandbox: NDJSON with every stable
/// kind over `--all`, exit 1 when something is found and 0 on a clean subscription.
@Suite(.serialized) struct DiagnoseCommandTests {
    func runner() throws -> BinaryRunner { BinaryRunner(workDirectory: try TemporaryDirectory()) }

    func api(_ sandbox: SandboxFixture) -> [String: String] {
        ["LAGO_API_URL": sandbox.baseURL.absoluteString, "LAGO_API_KEY": "lago-sandbox-key"]
    }

    @Test func allPrintsEveryKindAsNDJSONAndExitsOne() async throws {
        let run = try runner()
        defer { run.workDirectory.remove() }
        try await withSandbox { sandbox in
            let result = try await run.run(["diagnose", "usage", "--all"], environment: api(sandbox))
            #expect(result.status == 1, "\(result.stderr)")
            let lines = result.stdout.split(separator: "\n").map(String.init)
            let findings = try lines.map { try JSONValue.parse($0) }
            let kinds = Set(findings.compactMap { $0["kind"]?.stringValue })
            #expect(kinds == Set(UsageFindingKind.allCases.map(\.rawValue)), "\(result.stdout)")
            // Every line is one object with the same keys in the same order, kind first.
            for finding in findings {
                guard case let .object(members) = finding else { Issue.record("not an object: \(finding)"); continue }
                #expect(members.map(\.key) == ["kind", "external_customer_id", "external_subscription_id", "subject", "count", "examples", "summary", "advice"])
                #expect((finding["count"]?.intValue ?? 0) > 0)
            }
            #expect(result.stderr.contains("findings on"))

            // One subscription: the customer filter narrows to it, a clean one exits 0 with no output.
            let kestrel = try #require(findings.first { $0["kind"]?.stringValue == "other_subscription" })
            let customer = try #require(kestrel["external_customer_id"]?.stringValue)
            let subscription = try #require(kestrel["external_subscription_id"]?.stringValue)
            let one = try await run.run(["diagnose", "usage", "--customer", customer, "--subscription", subscription], environment: api(sandbox))
            #expect(one.status == 1)
            #expect(Set(one.stdout.split(separator: "\n").compactMap { try? JSONValue.parse(String($0))["kind"]?.stringValue })
                    == ["outside_period", "other_subscription", "unmatched_filter"])
            let flagged = Set(findings.compactMap { $0["external_subscription_id"]?.stringValue })
            let all = try await sandbox.client().allRecords(.subscriptions, filters: [("status", ["active"])], as: Subscription.self).allItems().map(\.externalId)
            let clean = try #require(all.first { !flagged.contains($0) })
            let quiet = try await run.run(["diagnose", "usage", "--subscription", clean], environment: api(sandbox))
            #expect(quiet.status == 0, "\(quiet.stdout)\(quiet.stderr)")
            #expect(quiet.stdout.isEmpty)

            let usage = try await run.run(["diagnose", "usage"], environment: api(sandbox))
            #expect(usage.status == 2)
        }
    }
}
