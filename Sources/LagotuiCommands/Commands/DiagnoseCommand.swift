import ArgumentParser
import Foundation
import LagoAPI

/// `lagotui diagnose usage`: why a subscription's usage is what it is, for scripts and support.
public struct DiagnoseCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "diagnose",
        abstract: "Explain what Lago data says (usage diagnostics).",
        subcommands: [DiagnoseUsageCommand.self]
    )
    public init() {}
}

/// Prints one NDJSON finding per line (`kind`, ids, subject, count, examples, summary, advice)
/// for each active subscription asked about, and exits 0 when nothing was found, 1 otherwise.
public struct DiagnoseUsageCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "usage",
        abstract: "Find events that make usage differ from what they suggest (NDJSON).",
        discussion: """
            Kinds: \(UsageFindingKind.allCases.map(\.rawValue).joined(separator: ", ")).
            Exit status: 0 nothing found, 1 something found (other codes: see lagotui --help).
            """
    )

    @OptionGroup public var global: GlobalOptions

    @Option(name: .long, help: "Every active subscription of this customer (external id).")
    public var customer: String?

    @Option(name: .long, help: "This active subscription (external id).")
    public var subscription: String?

    @Flag(name: .long, help: "Every active subscription of the account.")
    public var all = false

    public init() {}

    public func validate() throws {
        if customer == nil && subscription == nil && !all {
            throw ValidationError("give --subscription ID, --customer ID or --all")
        }
        if all && (customer != nil || subscription != nil) {
            throw ValidationError("--all cannot be combined with --customer or --subscription")
        }
    }

    public func run() async throws {
        if let customer { _ = try FilterValidation.text(customer, flag: "--customer") }
        if let subscription { _ = try FilterValidation.text(subscription, flag: "--subscription") }
        let client = try ClientFactory.makeClient(try ClientFactory.settings(global))
        let targets: [String]
        if let subscription {
            if let customer {
                let sub = try await client.subscription(externalId: subscription)
                guard sub.externalCustomerId == customer else {
                    throw CommandFailure(.notFound, "subscription \(FilterValidation.shown(subscription)) does not belong to customer \(FilterValidation.shown(customer))")
                }
            }
            targets = [subscription]
        } else {
            let filters: [(name: String, values: [String])] = [("status", ["active"])] + (customer.map { [("external_customer_id", [$0])] } ?? [])
            targets = try await client.allRecords(.subscriptions, filters: filters, as: Subscription.self).allItems().map(\.externalId)
        }
        let metrics = try await client.allRecords(.billableMetrics, as: BillableMetric.self).allItems()
        let sink = StandardOutputSink()
        var found = 0
        for target in targets {
            for finding in try await client.diagnoseUsage(subscription: target, metrics: metrics) {
                try sink.write(Self.line(finding))
                found += 1
            }
        }
        try sink.commit()
        if found > 0 {
            throw CommandFailure(.generic, "\(found) finding\(found == 1 ? "" : "s") on \(targets.count) subscription\(targets.count == 1 ? "" : "s")")
        }
    }

    /// One finding as a JSON line, keys in a fixed order (`kind` first).
    static func line(_ finding: UsageFinding) -> String {
        let object = JSONValue.object([
            ("kind", .string(finding.kind.rawValue)),
            ("external_customer_id", .string(finding.externalCustomerId)),
            ("external_subscription_id", .string(finding.externalSubscriptionId)),
            ("subject", .string(finding.subject)),
            ("count", .number(String(finding.count))),
            ("examples", .array(finding.examples.map { .string($0) })),
            ("summary", .string(finding.summary)),
            ("advice", .string(finding.advice)),
        ])
        return object.compactText + "\n"
    }
}
