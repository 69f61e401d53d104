import Foundation
import LagoAPI
import Testing
@testable import LagotuiCommands

/// `lagotui payment-request create` as a subprocess against the sandbox: the dry run's plan is
/// what the real run sends (the sandbox's list holds exactly those invoices, once), invoices
/// Lago would refuse or drop are named and left out, and every exit code of the command.
@Suite(.serialized) struct PaymentRequestCommandTests {
    func runner() throws -> BinaryRunner { BinaryRunner(workDirectory: try TemporaryDirectory()) }

    func api(_ sandbox: SandboxFixture) -> [String: String] {
        ["LAGO_API_URL": sandbox.baseURL.absoluteString, "LAGO_API_KEY": "lago-sandbox-key"]
    }

    static func get(_ sandbox: SandboxFixture, _ path: String, _ query: [String: String], root: String) async throws -> [JSONValue] {
        let items = query.map { URLQueryItem(name: $0.key, value: $0.value) } + [URLQueryItem(name: "per_page", value: "100")]
        let response = try await sandbox.client().send(.get, path, query: items)
        return try JSONValue.parse(response.body).array(root)
    }

    /// A customer with two or more overdue invoices and one that is not; and another customer's invoice.
    static func subjects(_ sandbox: SandboxFixture) async throws -> (customer: String, overdue: [String], other: String, foreign: String) {
        let overdue = try await get(sandbox, "/invoices", ["payment_overdue": "true"], root: "invoices")
        var byCustomer: [String: [String]] = [:]
        for i in overdue { if let c = i.string("customer.external_id"), let id = i.string("lago_id") { byCustomer[c, default: []].append(id) } }
        for (customer, ids) in byCustomer.sorted(by: { $0.key < $1.key }) where ids.count >= 2 {
            let all = try await get(sandbox, "/invoices", ["external_customer_id": customer], root: "invoices")
            guard let other = all.first(where: { $0["payment_overdue"] != .bool(true) })?.string("lago_id"),
                  let foreign = overdue.first(where: { $0.string("customer.external_id") != customer })?.string("lago_id") else { continue }
            return (customer, ids, other, foreign)
        }
        throw CommandFailure(.generic, "the seed has no customer with two overdue invoices and another")
    }

    static func requests(_ sandbox: SandboxFixture, _ customer: String) async throws -> [JSONValue] {
        try await get(sandbox, "/payment_requests", ["external_customer_id": customer], root: "payment_requests")
    }

    @Test func dryRunAndRealRunAgreeAndTheRequestHoldsExactlyThePlannedInvoicesOnce() async throws {
        let run = try runner()
        defer { run.workDirectory.remove() }
        try await withSandbox(customers: 30) { sandbox in
            let s = try await Self.subjects(sandbox)
            let before = try await Self.requests(sandbox, s.customer)
            let args = ["payment-request", "create", "--customer", s.customer] + (s.overdue + [s.other, s.foreign]).flatMap { ["--invoice", $0] }

            let dry = try await run.run(args + ["--dry-run"], environment: api(sandbox))
            #expect(dry.status == 0, "\(dry.stderr)")
            #expect(dry.stdout.isEmpty)
            #expect(dry.stderr.contains("1 payment request for \(s.overdue.count) overdue invoices"), "\(dry.stderr)")
            #expect(dry.stderr.contains("2 skipped:") && dry.stderr.contains("belongs to customer"), "\(dry.stderr)")
            #expect(try await Self.requests(sandbox, s.customer).count == before.count, "a dry run sends nothing")

            let live = try await run.run(args, environment: api(sandbox))
            #expect(live.status == 2 && live.stderr.contains("pass --yes"), "an unnamed profile counts as live: \(live.stderr)")
            #expect(try await Self.requests(sandbox, s.customer).count == before.count)

            let real = try await run.run(args + ["--yes", "--email", "ap@example.test"], environment: api(sandbox))
            #expect(real.status == 0, "\(real.stderr)")
            #expect(real.stderr.contains("1 payment request for \(s.overdue.count) overdue invoices"), "the same plan")
            let lines = real.stdout.split(separator: "\n")
            #expect(lines.count == 1)
            let created = try JSONValue.parse(Data(try #require(lines.first).utf8))
            #expect(Set(created.array("invoices").compactMap { $0.string("lago_id") }) == Set(s.overdue))
            #expect(created.string("email") == "ap@example.test")
            let after = try await Self.requests(sandbox, s.customer)
            #expect(after.count == before.count + 1)
            #expect(after.contains { $0.string("lago_id") == created.string("lago_id") })
        }
    }

    @Test func exitCodes() async throws {
        let run = try runner()
        defer { run.workDirectory.remove() }
        try await withSandbox(customers: 30) { sandbox in
            let s = try await Self.subjects(sandbox)
            let before = try await Self.requests(sandbox, s.customer).count
            let nothing = try await run.run(["payment-request", "create", "--customer", s.customer, "--invoice", s.other, "--yes"], environment: api(sandbox))
            #expect(nothing.status == 1 && nothing.stderr.contains("nothing to ask"), "\(nothing.stderr)")
            let missing = try await run.run(["payment-request", "create", "--customer", s.customer, "--invoice", "00000000-0000-0000-0000-000000000000", "--yes"], environment: api(sandbox))
            #expect(missing.status == 1 && missing.stderr.contains("no such invoice"), "\(missing.stderr)")
            let badEmail = try await run.run(["payment-request", "create", "--customer", s.customer, "--invoice", s.overdue[0], "--email", "ap@"], environment: api(sandbox))
            #expect(badEmail.status == 2 && badEmail.stderr.contains("no valid domain"), "\(badEmail.stderr)")
            let noInvoice = try await run.run(["payment-request", "create", "--customer", s.customer], environment: api(sandbox))
            #expect(noInvoice.status == 2, "\(noInvoice.stderr)")
            let readOnly = try await run.run(["--readonly", "payment-request", "create", "--customer", s.customer, "--invoice", s.overdue[0], "--yes"], environment: api(sandbox))
            #expect(readOnly.status == 2 && readOnly.stderr.contains("read-only"), "\(readOnly.stderr)")
            let badKey = try await run.run(["payment-request", "create", "--customer", s.customer, "--invoice", s.overdue[0], "--yes"],
                                           environment: api(sandbox).merging(["LAGO_API_KEY": "wrong"]) { $1 })
            #expect(badKey.status == 3, "\(badKey.stderr)")
            #expect(try await Self.requests(sandbox, s.customer).count == before, "no failed command created a request")
        }
        try await withSandbox(customers: 30, premium: false) { sandbox in
            let s = try await Self.subjects(sandbox)
            let before = try await Self.requests(sandbox, s.customer).count
            let free = try await run.run(["payment-request", "create", "--customer", s.customer, "--invoice", s.overdue[0], "--yes"], environment: api(sandbox))
            #expect(free.status == 3, "\(free.stderr)")
            #expect(free.stderr.contains("not available on this Lago plan (403 feature_unavailable); nothing was sent"), "\(free.stderr)")
            #expect(try await Self.requests(sandbox, s.customer).count == before)
        }
    }
}
