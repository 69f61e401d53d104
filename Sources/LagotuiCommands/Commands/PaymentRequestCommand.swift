import ArgumentParser
import BrowserModel
import Foundation
import LagoAPI

/// `lagotui payment-request create --customer ID --invoice ID… [--email E]`: the browser's
/// "ask to pay" for scripts. The invoices are read first and judged with the browser's plan
/// (Lago takes only overdue invoices of the customer, in one currency and billing entity);
/// those Lago would refuse are named on stderr and left out, the rest go in one request, sent
/// once. Lago's answer is one JSON line on stdout.
public struct PaymentRequestCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "payment-request",
        abstract: "Ask a customer to pay overdue invoices (POST /payment_requests).",
        subcommands: [Create.self]
    )

    public init() {}

    public struct Create: AsyncParsableCommand {
        public static let configuration = CommandConfiguration(
            commandName: "create",
            abstract: "Create one payment request for a customer's overdue invoices.",
            discussion: """
                Lago emails the request (to --email, else the customer's email) or charges the \
                customer's payment provider when it has one. Each invoice is read first: invoices of \
                another customer, not overdue, paid or voided are printed on stderr as skipped with \
                the reason and left out; invoices in several currencies or billing entities are \
                refused (one request each). --dry-run prints the plan and sends nothing. A live \
                profile needs --yes. The created request is printed as one JSON line. Lago's plan \
                limit (403 feature_unavailable) and refusals (405 invoices_not_overdue…) are said on \
                stderr with the exit-code table's code; an unanswered request is not sent again.
                """
        )

        @OptionGroup public var global: GlobalOptions

        @Option(name: .long, help: "The customer's external_id.")
        public var customer: String

        @Option(name: .long, help: "An invoice's lago_id (repeat for several).")
        public var invoice: [String] = []

        @Option(name: .long, help: "Where Lago sends the request (default: the customer's email).")
        public var email: String?

        @Flag(name: .customLong("dry-run"), help: "Print the plan and send nothing.")
        public var dryRun = false

        @Flag(name: .long, help: "Needed on a live profile.")
        public var yes = false

        public init() {}

        public func validate() throws {
            guard !customer.isEmpty else { throw ValidationError("--customer needs the customer's external_id") }
            guard !invoice.isEmpty else { throw ValidationError("give at least one --invoice ID") }
            if let email, !email.isEmpty, let problem = EmailAddress.problem(email) { throw ValidationError(problem) }
        }

        public func run() async throws {
            let settings = try ClientFactory.settings(global)
            if settings.readonly {
                throw CommandFailure(.usage, "a payment request emails or charges the customer and the profile \(settings.profileName) is read-only")
            }
            let client = try ClientFactory.makeClient(settings)
            let plan = try await Self.plan(customer: customer, invoiceIds: invoice, client: client)
            for line in plan.summaryLines { Diagnostics.shared.line(TextSanitizer.printable(line)) }
            guard plan.requests.count <= 1 else {
                throw CommandFailure(.usage, "these invoices need \(plan.requests.count) payment requests (one per currency and billing entity): run one command for each")
            }
            guard let request = plan.requests.first else {
                throw CommandFailure(.generic, "nothing to ask: Lago takes only the customer's overdue invoices")
            }
            if dryRun { return }
            if settings.mode == .live && !yes {
                throw CommandFailure(.usage, "the profile is live: pass --yes to ask \(request.customerName) to pay \(request.dueText)")
            }
            let action = try LagoAction.createPaymentRequest(externalCustomerId: customer, lagoInvoiceIds: request.invoices.map(\.id), email: email)
            let response: HTTPResponse
            do {
                response = try await client.send(action)
            } catch LagoError.forbidden(let code) where code == "feature_unavailable" {
                throw CommandFailure(.authentication, "payment requests are not available on this Lago plan (403 feature_unavailable); nothing was sent")
            } catch let error as LagoError {
                guard case let .api(status, code, _, _) = error, let said = PaymentRequestPlan.explanation(code: code) else { throw error }
                throw CommandFailure(ExitStatus.forHTTPStatus(status), "\(error.message): \(said)")
            }
            guard let json = try? JSONValue.parse(response.body), let created = json[action.rootKey] else {
                throw CommandFailure(.generic, "Lago created the payment request but its answer had no \(action.rootKey)")
            }
            let out = StandardOutputSink()
            try out.write(Data((created.compactText + "\n").utf8))
            try out.commit()
        }

        /// Reads each invoice and plans the request: invoices of other customers are skipped
        /// with the owner named (Lago would drop them without a word).
        static func plan(customer: String, invoiceIds: [String], client: LagoClient) async throws -> PaymentRequestPlan {
            var invoices: [JSONValue] = []
            var foreign: [PaymentRequestPlan.Skip] = []
            for id in invoiceIds {
                guard !id.isEmpty else { throw CommandFailure(.usage, "an --invoice needs the invoice's lago_id") }
                let data: Data
                do {
                    data = try await client.objectBytes(LagoResource.invoices.recordPath(id: id), rootKey: LagoResource.invoices.singularKey)
                } catch LagoError.notFound {
                    foreign.append(.init(number: TextSanitizer.clean(id), reason: "no such invoice"))
                    continue
                }
                let json = try JSONValue.parse(data)
                let owner = json.string("customer.external_id") ?? json.string("external_customer_id")
                if let owner, owner != customer {
                    foreign.append(.init(number: TextSanitizer.clean(json.string("number") ?? id), reason: "belongs to customer \(TextSanitizer.clean(owner))"))
                    continue
                }
                invoices.append(json)
            }
            var plan = PaymentRequestPlan(invoices: invoices)
            plan.skipped += foreign
            return plan
        }
    }
}
