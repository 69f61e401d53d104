import ArgumentParser
import Foundation
import Testing
@testable import LagotuiCommands
import LagoAPI

@Suite struct StreamQueryTests {
    func filters(_ args: [String]) throws -> FilterOptions { try FilterOptions.parse(args) }

    func items(_ query: StreamQuery) -> [String] { query.listItems.map { "\($0.name)=\($0.value ?? "")" } }

    @Test func invoiceFiltersBecomeTheAPIsParameters() throws {
        let query = try StreamQuery.build(.resource(.invoices), filters: filters([
            "--status", "finalized", "--payment-status", "failed,pending", "--overdue", "--customer", "cus 1",
            "--issued-from", "2025-01-01", "--issued-to", "2025-01-31", "--currency", "eur",
        ]))
        #expect(items(query) == [
            "statuses[]=finalized", "payment_statuses[]=failed", "payment_statuses[]=pending", "payment_overdue=true",
            "external_customer_id=cus 1", "currency=EUR", "issuing_date_from=2025-01-01", "issuing_date_to=2025-01-31",
        ])
    }

    @Test func subscriptionsExportEveryStatusUnlessNarrowed() throws {
        let all = try StreamQuery.build(.resource(.subscriptions), filters: filters([]))
        #expect(items(all) == ExportStream.resource(.subscriptions).statusValues.map { "status[]=\($0)" })
        let some = try StreamQuery.build(.resource(.subscriptions), filters: filters(["--status", "terminated", "--plan", "startup"]))
        #expect(items(some) == ["status[]=terminated", "plan_code=startup"])
    }

    @Test(arguments: [
        (ExportStream.resource(.invoices), ["--status", "paid"], "--status \"paid\" is not a invoices value"),
        (.resource(.invoices), ["--plan", "x"], "--plan is not a filter of invoices"),
        (.resource(.plans), ["--customer", "x"], "it takes no filters"),
        (.resource(.invoices), ["--issued-from", "2025-02-30"], "is not a date"),
        (.resource(.invoices), ["--issued-from", "yesterday"], "is not a date"),
        (.resource(.invoices), ["--issued-from", "2025-03-01", "--issued-to", "2025-01-01"], "is after"),
        (.resource(.invoices), ["--amount-from=-5"], "whole number of cents"),
        (.resource(.invoices), ["--amount-from", "99999999999999999999999"], "whole number of cents"),
        (.resource(.invoices), ["--customer", ""], "must not be empty"),
        (.resource(.invoices), ["--customer", "   "], "must not be empty"),
        (.resource(.invoices), ["--customer", String(repeating: "x", count: 300)], "too long"),
        (.resource(.invoices), ["--customer", "a\u{1B}[31mb"], "control"),
        (.resource(.invoices), ["--search", "x\u{202E}y"], "control"),
        (.resource(.invoices), ["--currency", "euro"], "not a currency code"),
        (.resource(.payments), ["--invoice", "'; DROP TABLE invoices; --"], "not a Lago id"),
        (.resource(.events), ["--from", "2025-13-01T00:00:00Z"], "not an ISO 8601 time"),
        (.customerUsagePast, ["--periods", "0"], "from 1 to 1000"),
        (.resource(.apiLogs), ["--http-status", "700"], "not an HTTP status"),
        (.resource(.fees), ["--fee-type", "tip"], "is not one of"),
        (.resource(.walletTransactions), ["--wallet", "not-a-uuid"], "not a Lago id"),
    ])
    func badValuesAreUsageErrors(_ stream: ExportStream, _ args: [String], _ fragment: String) throws {
        let options = try filters(args)
        #expect {
            try StreamQuery.build(stream, filters: options)
        } throws: { error in
            guard let failure = error as? CommandFailure else { return false }
            return failure.status == .usage && failure.message.contains(fragment)
                && !failure.message.unicodeScalars.contains(where: TextSanitizer.isHazard)
        }
    }

    @Test func everyStreamBuildsWithoutFilters() throws {
        for stream in ExportStream.allCases {
            let query = try StreamQuery.build(stream, filters: filters([]))
            // Without filters only a list that narrows itself while unfiltered gets a parameter:
            // subscriptions (and the usage streams walking them) send their statuses.
            let walksSubscriptions = [.resource(.subscriptions), .customerUsage, .customerUsagePast].contains(stream)
            #expect(query.listItems.allSatisfy { $0.name == "status[]" } && query.listItems.isEmpty == !walksSubscriptions,
                    "\(stream.rawValue): \(items(query))")
            #expect(query.childItems.isEmpty && query.walletID == nil && query.subscriptionFilter == nil)
        }
        let current = try StreamQuery.build(.customerUsage, filters: filters([]))
        #expect(items(current) == ["status[]=active"])
    }

    @Test func nestedStreamsSendTheParentsFiltersToTheParentList() throws {
        let wallet = "1a901a90-1a90-1a90-1a90-1a901a901a90"
        let query = try StreamQuery.build(.resource(.walletTransactions), filters: filters([
            "--wallet", wallet.uppercased(), "--customer", "cus_1", "--status", "settled", "--transaction-type", "inbound",
        ]))
        #expect(query.walletID == wallet)
        #expect(items(query) == ["external_customer_id=cus_1"])
        #expect(query.childItems.map { "\($0.name)=\($0.value ?? "")" } == ["status=settled", "transaction_type=inbound"])
        #expect {
            try StreamQuery.build(.resource(.walletTransactions), filters: filters(["--status", "pending,failed"]))
        } throws: { ($0 as? CommandFailure)?.message == "--status takes one value for wallet_transactions" }
    }

    @Test func streamNamesAreForgiving() {
        #expect(ExportStream.named("credit-notes") == .resource(.creditNotes))
        #expect(ExportStream.named("CreditNotes") == .resource(.creditNotes))
        #expect(ExportStream.named("customer_usage_past") == .customerUsagePast)
        #expect(ExportStream.named("bogus") == nil)
        #expect(ExportStream.allCases.count == 25)
        #expect(ExportStream.named("analytics_invoice_collection") == .analytics(.invoiceCollection))
        #expect(ExportStream.named("activity-logs") == .resource(.activityLogs))
        #expect(ExportStream.named("payment_requests") == .resource(.paymentRequests))
    }
}
