import Foundation
import Testing
@testable import LagoAPI

/// Query parameter spellings and client-side validation for every list filter (BEHAVIOUR.md §3).
@Suite struct QueryTests {
    func pairs(_ items: [URLQueryItem]) -> [String] {
        items.map { "\($0.name)=\($0.value ?? "")" }
    }

    @Test func emptyQueriesSendNothing() {
        #expect(CustomerListQuery().queryItems.isEmpty)
        #expect(SubscriptionListQuery().queryItems.isEmpty)
        #expect(InvoiceListQuery().queryItems.isEmpty)
        #expect(FeeListQuery().queryItems.isEmpty)
        #expect(CreditNoteListQuery().queryItems.isEmpty)
        #expect(UnfilteredListQuery<Plan>().queryItems.isEmpty)
    }

    @Test func invoiceFilters() {
        let query = InvoiceListQuery(
            externalCustomerId: "cust 1", statuses: [.draft, .finalized], paymentStatuses: [.failed, .pending],
            paymentOverdue: true, invoiceTypes: [.subscription], currency: "EUR",
            issuingDateFrom: LagoDate(year: 2024, month: 1, day: 1), issuingDateTo: LagoDate(year: 2024, month: 1, day: 31),
            amountFrom: 100, amountTo: 90_000, searchTerm: "ACME", paymentDisputeLost: false, selfBilled: false,
            partiallyPaid: true, purchaseOrderNumber: "PO-1", settlements: ["credit_note"], billingEntityCodes: ["acme", "foo"],
            metadata: ["region": "eu", "absent": ""])
        #expect(pairs(query.queryItems) == [
            "external_customer_id=cust 1", "statuses[]=draft", "statuses[]=finalized",
            "payment_statuses[]=failed", "payment_statuses[]=pending", "payment_overdue=true",
            "invoice_type=subscription", "currency=EUR", "issuing_date_from=2024-01-01", "issuing_date_to=2024-01-31",
            "amount_from=100", "amount_to=90000", "search_term=ACME", "payment_dispute_lost=false", "self_billed=false",
            "partially_paid=true", "purchase_order_number=PO-1", "settlements[]=credit_note",
            "billing_entity_codes[]=acme", "billing_entity_codes[]=foo", "metadata[absent]=", "metadata[region]=eu",
        ])
        #expect(pairs(InvoiceListQuery(invoiceTypes: [.credit, .oneOff]).queryItems) == ["invoice_type[]=credit", "invoice_type[]=one_off"])
        #expect(pairs(InvoiceListQuery.overdue.queryItems) == ["payment_overdue=true"])
    }

    @Test func invoiceValidationMirrorsTheServerContract() throws {
        try InvoiceListQuery(statuses: InvoiceListQuery.filterableStatuses).validate()
        #expect(throws: LagoQueryError(parameter: "statuses[]", message: "statuses[] accepts draft, finalized, voided, failed, pending; got \"closed\"")) {
            try InvoiceListQuery(statuses: [.closed]).validate()
        }
        #expect(throws: LagoQueryError.self) { try InvoiceListQuery(paymentStatuses: [.unknown("paid")]).validate() }
        #expect(throws: LagoQueryError.self) { try InvoiceListQuery(amountFrom: 10, amountTo: 5).validate() }
        #expect(throws: LagoQueryError.self) { try InvoiceListQuery(metadata: ["": "x"]).validate() }
    }

    @Test func customerFilters() throws {
        let query = CustomerListQuery(
            searchTerm: "ada", externalId: "c1", billingEntityCodes: ["acme"], countries: ["FR", "US"], states: ["CA"],
            zipcodes: ["75001"], currencies: ["EUR"], accountTypes: [.partner], customerType: .company,
            hasCustomerType: true, hasTaxIdentificationNumber: false, metadata: ["tier": "gold"])
        #expect(pairs(query.queryItems) == [
            "search_term=ada", "external_id=c1", "billing_entity_codes[]=acme", "countries[]=FR", "countries[]=US",
            "states[]=CA", "zipcodes[]=75001", "currencies[]=EUR", "account_type[]=partner", "customer_type=company",
            "has_customer_type=true", "has_tax_identification_number=false", "metadata[tier]=gold",
        ])
        try query.validate()
        #expect(throws: LagoQueryError.self) { try CustomerListQuery(countries: ["France"]).validate() }
        #expect(throws: LagoQueryError.self) { try CustomerListQuery(currencies: ["EURO"]).validate() }
        #expect(throws: LagoQueryError(parameter: "customer_type", message: "customer_type cannot be combined with has_customer_type=false")) {
            try CustomerListQuery(customerType: .individual, hasCustomerType: false).validate()
        }
    }

    @Test func subscriptionFiltersUseBracketedStatuses() throws {
        let query = SubscriptionListQuery(
            statuses: [.active, .terminated], externalCustomerId: "c1", planCode: "pro", currency: "USD",
            overridden: true, externalId: "sub_1", billingEntityCodes: ["acme"])
        #expect(pairs(query.queryItems) == [
            "status[]=active", "status[]=terminated", "external_customer_id=c1", "plan_code=pro", "currency=USD",
            "overridden=true", "external_id=sub_1", "billing_entity_codes[]=acme",
        ])
        #expect(SubscriptionListQuery.allStatuses.count == 5)
        #expect(throws: LagoQueryError.self, "one unknown status would make the server drop the whole filter") {
            try SubscriptionListQuery(statuses: [.active, .unknown("paused")]).validate()
        }
    }

    @Test func walletAndTransactionFilters() throws {
        #expect(pairs(WalletListQuery(externalCustomerId: "c1", currency: "EUR", billingEntityCodes: ["a"]).queryItems)
                == ["external_customer_id=c1", "currency=EUR", "billing_entity_codes[]=a"])
        let transactions = WalletTransactionListQuery(
            walletId: "w-1", status: .pending, transactionType: .inbound, transactionStatus: .purchased, metadata: ["k": "v"])
        #expect(pairs(transactions.queryItems) == ["status=pending", "transaction_type=inbound", "transaction_status=purchased", "metadata[k]=v"])
        #expect(transactions.listPath == "/wallets/w-1/wallet_transactions")
        #expect(throws: LagoQueryError.self) { try WalletTransactionListQuery(walletId: "").validate() }
        #expect(throws: LagoQueryError.self) { try WalletTransactionListQuery(walletId: "w", status: .unknown("done")).validate() }
    }

    @Test func feeFiltersFormatTimestampsInUTC() throws {
        let from = try #require(LagoTimestamp.parse("2024-01-01T00:00:00+02:00"))
        let query = FeeListQuery(
            externalCustomerId: "c1", externalSubscriptionId: "s1", currency: "EUR", billableMetricCode: "api",
            eventTransactionId: "tx", feeType: .charge, paymentStatus: .refunded, createdAtFrom: from,
            createdAtTo: from, succeededAtFrom: from, succeededAtTo: from, failedAtFrom: from, failedAtTo: from,
            refundedAtFrom: from, refundedAtTo: from)
        let items = pairs(query.queryItems)
        #expect(Array(items.prefix(8)) == [
            "external_customer_id=c1", "external_subscription_id=s1", "currency=EUR", "billable_metric_code=api",
            "event_transaction_id=tx", "fee_type=charge", "payment_status=refunded", "created_at_from=2023-12-31T22:00:00Z",
        ])
        #expect(items.map { String($0.prefix { $0 != "=" }) }.suffix(7) == [
            "created_at_to", "succeeded_at_from", "succeeded_at_to", "failed_at_from", "failed_at_to", "refunded_at_from", "refunded_at_to",
        ])
        #expect(throws: LagoQueryError.self) { try FeeListQuery(feeType: .unknown("tip")).validate() }
    }

    @Test func paymentInvoiceIdMustBeAUUID() throws {
        try PaymentListQuery(invoiceId: "1a901a90-1a90-1a90-1a90-1a901a901a90").validate()
        #expect(throws: LagoQueryError.self) { try PaymentListQuery(invoiceId: "INV-001").validate() }
        #expect(pairs(PaymentListQuery(externalCustomerId: "c", invoiceId: "x").queryItems) == ["external_customer_id=c", "invoice_id=x"])
    }

    @Test func creditNoteFiltersTakeScalarsOrArrays() throws {
        let query = CreditNoteListQuery(
            externalCustomerId: "c1", searchTerm: "CN", currency: "EUR", invoiceNumber: "INV-1", purchaseOrderNumber: "PO",
            issuingDateFrom: LagoDate("2024-02-01"), issuingDateTo: LagoDate("2024-02-29"), amountFrom: 1, amountTo: 2,
            selfBilled: true, billingEntityCodes: ["acme"], reasons: [.other], creditStatuses: [.available, .consumed],
            refundStatuses: [.pending], types: [.refund, .offset])
        #expect(pairs(query.queryItems) == [
            "external_customer_id=c1", "search_term=CN", "currency=EUR", "invoice_number=INV-1", "purchase_order_number=PO",
            "issuing_date_from=2024-02-01", "issuing_date_to=2024-02-29", "amount_from=1", "amount_to=2", "self_billed=true",
            "billing_entity_codes[]=acme", "reason=other", "credit_status[]=available", "credit_status[]=consumed",
            "refund_status=pending", "types[]=refund", "types[]=offset",
        ])
        try query.validate()
        #expect(throws: LagoQueryError.self) { try CreditNoteListQuery(reasons: [.unknown("typo")]).validate() }
    }

    @Test func eventFiltersAndTheStartedAtRule() throws {
        let from = try #require(LagoTimestamp.parse("2024-03-01T10:00:00Z"))
        #expect(pairs(EventListQuery(code: "api", externalSubscriptionId: "s1", timestampFrom: from, timestampTo: from).queryItems) == [
            "code=api", "external_subscription_id=s1", "timestamp_from=2024-03-01T10:00:00Z", "timestamp_to=2024-03-01T10:00:00Z",
        ])
        try EventListQuery(externalSubscriptionId: "s1", timestampFromStartedAt: true).validate()
        #expect(throws: LagoQueryError(parameter: "timestamp_from_started_at", message: "timestamp_from_started_at needs external_subscription_id")) {
            try EventListQuery(timestampFromStartedAt: true).validate()
        }
        #expect(throws: LagoQueryError.self) {
            try EventListQuery(externalSubscriptionId: "s1", timestampFrom: from, timestampFromStartedAt: true).validate()
        }
    }

    @Test func apiLogFilters() throws {
        let query = ApiLogListQuery(
            fromDate: LagoDate("2024-01-01"), toDate: LagoDate("2024-01-02"), httpMethods: [.post, .delete],
            httpStatuses: ["422", "failed"], apiVersion: "v1", requestPaths: ["/api/v1/invoices*"], clients: ["lago-ruby"])
        #expect(pairs(query.queryItems) == [
            "from_date=2024-01-01", "to_date=2024-01-02", "http_methods[]=post", "http_methods[]=delete",
            "http_statuses[]=422", "http_statuses[]=failed", "api_version=v1", "request_paths[]=/api/v1/invoices*",
            "clients[]=lago-ruby",
        ])
        try query.validate()
        #expect(throws: LagoQueryError.self) { try ApiLogListQuery(httpStatuses: ["oops"]).validate() }
    }

    @Test func usageAndAnalyticsParameters() throws {
        let current = CustomerUsageQuery(
            externalCustomerId: "c1", externalSubscriptionId: "s1", applyTaxes: false, chargeCode: "api",
            group: ["cloud": "aws"], fullUsage: true)
        #expect(pairs(current.queryItems) == ["external_subscription_id=s1", "apply_taxes=false", "charge_code=api", "group[cloud]=aws", "full_usage=true"])
        try current.validate()
        #expect(throws: LagoQueryError.self) { try CustomerUsageQuery(externalCustomerId: "c1", externalSubscriptionId: "").validate() }
        #expect(throws: LagoQueryError.self) { try CustomerUsageQuery(externalCustomerId: "c1", externalSubscriptionId: "s1", fullUsage: true).validate() }
        let past = PastUsageQuery(externalCustomerId: "c1", externalSubscriptionId: "s1", billableMetricCode: "api", periodsCount: 3)
        #expect(pairs(past.queryItems) == ["external_subscription_id=s1", "billable_metric_code=api", "periods_count=3"])
        #expect(throws: LagoQueryError.self) { try PastUsageQuery(externalCustomerId: "c", externalSubscriptionId: "s", periodsCount: 0).validate() }
        let analytics = AnalyticsQuery(currency: "eur", months: 3, externalCustomerId: "c1", billingEntityCode: "acme")
        #expect(pairs(analytics.queryItems) == ["currency=EUR", "months=3", "external_customer_id=c1", "billing_entity_code=acme"])
        #expect(throws: LagoQueryError.self) { try AnalyticsQuery(currency: "EURO").validate() }
    }

    @Test func errorMessagesStayOnOneSafeLine() {
        let error = LagoQueryError.notOneOf("status", InvoiceStatus.unknown("\u{1B}[31mred\nline"), accepted: [.draft])
        #expect(!error.message.contains("\u{1B}"))
        #expect(!error.message.contains("\n"))
    }
}
