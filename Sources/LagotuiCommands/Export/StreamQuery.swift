import Foundation

/// A stream's validated filters, ready to send: the query of its list (or, for the usage
/// streams, of the subscriptions they walk) and the extra scoping nested streams need.
public struct StreamQuery: Sendable, Equatable {
    public let stream: ExportStream
    /// Query parameters of the list request (the subscription list for usage streams, the
    /// wallet list for wallet_transactions).
    public var listItems: [URLQueryItem]
    /// Query parameters of each nested request (past usage, wallet transactions).
    public var childItems: [URLQueryItem]
    /// wallet_transactions of one wallet only.
    public var walletID: String?
    /// Usage streams of one subscription only (matched on its external id).
    public var subscriptionFilter: String?

    /// Validates `filters` for `stream`; every problem is a usage error naming the flag.
    public static func build(_ stream: ExportStream, filters: FilterOptions) throws -> StreamQuery {
        let allowed = Set(stream.filters)
        for filter in filters.given where !allowed.contains(filter) {
            let accepted = stream.filters.map(\.flag).joined(separator: ", ")
            throw CommandFailure(.usage, accepted.isEmpty
                ? "\(filter.flag) is not a filter of \(stream.rawValue) (it takes no filters)"
                : "\(filter.flag) is not a filter of \(stream.rawValue) (it accepts \(accepted))")
        }
        var query = StreamQuery(stream: stream, listItems: [], childItems: [], walletID: nil, subscriptionFilter: nil)
        func add(_ name: String, _ value: String?) { if let value { query.listItems.append(URLQueryItem(name: name, value: value)) } }
        func addChild(_ name: String, _ value: String?) { if let value { query.childItems.append(URLQueryItem(name: name, value: value)) } }
        func addList(_ name: String, _ values: [String]) {
            if values.count == 1 { add(name, values[0]) } else { for v in values { add(name + "[]", v) } }
        }

        let customer = try FilterValidation.text(filters.customer, flag: "--customer")
        let subscription = try FilterValidation.text(filters.subscription, flag: "--subscription")
        let plan = try FilterValidation.text(filters.plan, flag: "--plan")
        let search = try FilterValidation.text(filters.search, flag: "--search")
        let currency = try FilterValidation.currency(filters.currency)
        let billingEntities = try filters.billingEntity.map { try FilterValidation.text($0, flag: "--billing-entity")! }
        let statuses = try FilterValidation.choices(filters.status, allowed: stream.statusValues, flag: "--status", stream: stream)
        let paymentStatuses = try FilterValidation.choices(filters.paymentStatus, allowed: stream.paymentStatusValues,
                                                           flag: "--payment-status", stream: stream)
        let issuedFrom = try FilterValidation.date(filters.issuedFrom, flag: "--issued-from")
        let issuedTo = try FilterValidation.date(filters.issuedTo, flag: "--issued-to")
        try FilterValidation.ordered(issuedFrom, issuedTo, "--issued-from", "--issued-to")
        let amountFrom = try FilterValidation.cents(filters.amountFrom, flag: "--amount-from")
        let amountTo = try FilterValidation.cents(filters.amountTo, flag: "--amount-to")
        if let amountFrom, let amountTo, amountFrom > amountTo {
            throw CommandFailure(.usage, "--amount-from (\(amountFrom)) is greater than --amount-to (\(amountTo))")
        }

        // Invoices and credit notes share these, in this order.
        func addDocumentFilters() {
            add("external_customer_id", customer)
            add("search_term", search)
            add("currency", currency)
            add("issuing_date_from", issuedFrom)
            add("issuing_date_to", issuedTo)
            add("amount_from", amountFrom.map(String.init))
            add("amount_to", amountTo.map(String.init))
        }

        switch stream {
        case .resource(.customers):
            add("search_term", search)
            if let currency { add("currencies[]", currency) }
            for code in billingEntities { add("billing_entity_codes[]", code) }
        case .resource(.subscriptions):
            // The API lists only active subscriptions unless asked; an export wants them all.
            for status in statuses.isEmpty ? stream.statusValues : statuses { add("status[]", status) }
            add("external_customer_id", customer)
            add("plan_code", plan)
            add("currency", currency)
            for code in billingEntities { add("billing_entity_codes[]", code) }
        case .resource(.invoices):
            addList("status", statuses)
            addList("payment_status", paymentStatuses)
            if filters.overdue { add("payment_overdue", "true") }
            addDocumentFilters()
            add("invoice_type", try FilterValidation.choice(filters.invoiceType, allowed: [
                "subscription", "add_on", "credit", "one_off", "advance_charges", "progressive_billing",
            ], flag: "--invoice-type"))
            for code in billingEntities { add("billing_entity_codes[]", code) }
        case .resource(.fees):
            add("external_customer_id", customer)
            add("external_subscription_id", subscription)
            add("currency", currency)
            add("fee_type", try FilterValidation.choice(filters.feeType, allowed: [
                "charge", "add_on", "subscription", "credit", "commitment", "fixed_charge", "product",
            ], flag: "--fee-type"))
            if paymentStatuses.count > 1 { throw CommandFailure(.usage, "--payment-status takes one value for fees") }
            add("payment_status", paymentStatuses.first)
            add("billable_metric_code", try FilterValidation.text(filters.billableMetric, flag: "--billable-metric"))
            let from = try FilterValidation.timestamp(filters.from, flag: "--from")
            let to = try FilterValidation.timestamp(filters.to, flag: "--to")
            add("created_at_from", from)
            add("created_at_to", to)
        case .resource(.payments):
            add("external_customer_id", customer)
            add("invoice_id", try FilterValidation.uuid(filters.invoice, flag: "--invoice"))
        case .resource(.creditNotes):
            addDocumentFilters()
            for code in billingEntities { add("billing_entity_codes[]", code) }
        case .resource(.wallets):
            add("external_customer_id", customer)
            add("currency", currency)
            for code in billingEntities { add("billing_entity_codes[]", code) }
        case .resource(.walletTransactions):
            query.walletID = try FilterValidation.uuid(filters.wallet, flag: "--wallet")
            add("external_customer_id", customer)
            if statuses.count > 1 { throw CommandFailure(.usage, "--status takes one value for wallet_transactions") }
            addChild("status", statuses.first)
            addChild("transaction_type", try FilterValidation.choice(filters.transactionType, allowed: ["inbound", "outbound"],
                                                                     flag: "--transaction-type"))
            addChild("transaction_status", try FilterValidation.choice(filters.transactionStatus, allowed: [
                "purchased", "granted", "voided", "invoiced",
            ], flag: "--transaction-status"))
        case .resource(.events):
            add("external_subscription_id", subscription)
            add("code", try FilterValidation.text(filters.code, flag: "--code"))
            let from = try FilterValidation.timestamp(filters.from, flag: "--from")
            let to = try FilterValidation.timestamp(filters.to, flag: "--to")
            add("timestamp_from", from)
            add("timestamp_to", to)
        case .resource(.apiLogs):
            add("from_date", try FilterValidation.date(filters.from, flag: "--from"))
            add("to_date", try FilterValidation.date(filters.to, flag: "--to"))
            for method in filters.httpMethod {
                add("http_methods[]", try FilterValidation.choice(method.lowercased(), allowed: ["post", "put", "delete", "patch", "get"],
                                                                  flag: "--http-method"))
            }
            for status in filters.httpStatus { add("http_statuses[]", try FilterValidation.httpStatus(status)) }
        case .customerUsage, .customerUsagePast:
            // These walk subscriptions: current usage exists only for active ones.
            if stream == .customerUsage {
                add("status[]", "active")
            } else {
                for status in ExportStream.resource(.subscriptions).statusValues { add("status[]", status) }
            }
            add("external_customer_id", customer)
            add("plan_code", plan)
            query.subscriptionFilter = subscription
            addChild("billable_metric_code", try FilterValidation.text(filters.billableMetric, flag: "--billable-metric"))
            addChild("periods_count", try FilterValidation.count(filters.periods, flag: "--periods"))
        case .resource(.billableMetrics), .resource(.plans), .resource(.coupons), .resource(.addOns), .resource(.taxes),
             .resource(.billingEntities):
            break
        }
        return query
    }
}
