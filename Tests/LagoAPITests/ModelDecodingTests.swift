import Foundation
import Testing
@testable import LagoAPI

/// Decoding of hand-written payloads shaped like the server's (BEHAVIOUR.md §5-§7), including the
/// quirks the OpenAPI examples do not show: decimal strings, millisecond timestamps, nulls,
/// unknown enum values and unknown fields.
@Suite struct ModelDecodingTests {
    func decode<T: Decodable>(_ type: T.Type, _ json: String) throws -> T {
        try JSONDecoder().decode(T.self, from: Data(json.utf8))
    }

    @Test func invoiceListItemWithNullsUnknownsAndExtras() throws {
        let invoice = try decode(Invoice.self, """
        {"lago_id":"0b5c","billing_entity_code":"acme","sequential_id":null,"number":"ACM-1234-DRAFT",
         "issuing_date":"2024-01-31","payment_due_date":null,"payment_dispute_lost_at":"2024-02-03T10:11:12.345Z",
         "payment_overdue":true,"net_payment_term":30,"invoice_type":"advance_charges","status":"on_hold",
         "payment_status":"failed","currency":"EUR","fees_amount_cents":1250,"total_amount_cents":1500,
         "total_due_amount_cents":1500,"taxes_amount_cents":250,"file_url":null,"xml_url":null,
         "version_number":4,"self_billed":false,"created_at":"2024-01-31T23:59:59Z",
         "brand_new_field":{"nested":[1,2,3]},
         "customer":{"lago_id":"c1","external_id":"cust_1","name":null,"firstname":"Ada","lastname":"Lovelace",
                     "currency":"EUR","metadata":[],"shipping_address":{"city":null},"billing_configuration":{"invoice_grace_period":null,"payment_provider":null}},
         "metadata":[{"lago_id":"m1","key":"po","value":"42","created_at":"2024-01-31T00:00:00Z"}],
         "applied_taxes":[{"lago_id":"t1","tax_code":"vat","tax_rate":20.0,"amount_cents":250,"amount_currency":"EUR"}]}
        """)
        #expect(invoice.id == "0b5c")
        #expect(invoice.sequentialId == nil)
        #expect(invoice.issuingDate == LagoDate(year: 2024, month: 1, day: 31))
        #expect(invoice.paymentDueDate == nil)
        #expect(invoice.invoiceType == .advanceCharges)
        #expect(invoice.status == .unknown("on_hold"))
        #expect(invoice.status?.rawValue == "on_hold")
        #expect(invoice.paymentStatus == .failed)
        #expect(invoice.paymentOverdue == true)
        #expect(invoice.totalAmount?.formatted == "€15.00")
        #expect(invoice.fileUrl == nil)
        #expect(invoice.fees == nil, "fees are not part of list items, so they are 'not loaded', not empty")
        #expect(invoice.customer?.displayName == "Ada Lovelace")
        #expect(invoice.customer?.billingConfiguration?.invoiceGracePeriod == nil)
        #expect(invoice.appliedTaxes?.first?.taxRate == Decimal(string: "20"))
        #expect(invoice.metadata?.first?.value == "42")
        let lost = try #require(invoice.paymentDisputeLostAt)
        #expect(lost.timeIntervalSince1970 == 1_706_955_072.345)
    }

    @Test func walletDecimalStringsAndAbsentMetadata() throws {
        let wallet = try decode(Wallet.self, """
        {"lago_id":"w1","status":"active","currency":"USD","rate_amount":"1.5","credits_balance":"10.25",
         "balance_cents":1538,"consumed_credits":"0.0","ongoing_balance_cents":1000,"credits_ongoing_balance":"6.666666666666666667",
         "terminated_at":"2024-03-01T12:00:00.120Z","paid_top_up_min_amount_cents":null,"priority":50}
        """)
        #expect(wallet.rateAmount == Decimal(string: "1.5"))
        #expect(wallet.creditsBalance == Decimal(string: "10.25"))
        #expect(wallet.creditsOngoingBalance == Decimal(string: "6.666666666666666667"), "decimal strings keep every digit")
        #expect(wallet.metadata == nil)
        #expect(wallet.paidTopUpMinAmountCents == nil)
        #expect(wallet.balance?.formatted == "$15.38")
        #expect(wallet.terminatedAt.map { LagoTimestamp.format($0, fractionalSeconds: true) } == "2024-03-01T12:00:00.120Z")
    }

    @Test func walletTransactionFromTopUp() throws {
        let transaction = try decode(WalletTransaction.self, """
        {"lago_id":"wt1","lago_wallet_id":"w1","lago_invoice_id":null,"status":"pending","source":"manual",
         "transaction_status":"purchased","transaction_type":"inbound","amount":"20.0","credit_amount":"10.0",
         "remaining_amount_cents":null,"metadata":[{"key":"k","value":"v"}],
         "payment_method":{"payment_method_id":null,"payment_method_type":"provider"},"created_at":"2024-05-01T08:00:00Z"}
        """)
        #expect(transaction.status == .pending)
        #expect(transaction.transactionStatus == .purchased)
        #expect(transaction.transactionType == .inbound)
        #expect(transaction.amount == 20)
        #expect(transaction.amount(in: .eur)?.formatted == "€20.00")
        #expect(transaction.metadata == [KeyValue(key: "k", value: "v")])
        #expect(transaction.paymentMethod?.paymentMethodType == .provider)
        #expect(transaction.paymentMethod?.paymentMethodId == nil)
    }

    @Test func overdueBalanceAmountIsADecimalStringOnTheWire() throws {
        let balance = try decode(OverdueBalance.self, """
        {"month":"2023-11-01T00:00:00.000Z","amount_cents":"1000.0","currency":"EUR","lago_invoice_ids":["i1"],"billing_entity_id":"b1"}
        """)
        #expect(balance.amountCents == 1000)
        #expect(balance.amount?.formatted == "€10.00")
        #expect(balance.month.map(LagoDate.init(utcDateOf:)) == LagoDate(year: 2023, month: 11, day: 1))
        #expect(throws: DecodingError.self, "fractional cents are corrupt data, not something to round") {
            try decode(OverdueBalance.self, #"{"amount_cents":"1000.5"}"#)
        }
        #expect(throws: DecodingError.self) {
            try decode(OverdueBalance.self, #"{"amount_cents":"12abc"}"#)
        }
    }

    @Test func customerUsageWithFiltersAndGroups() throws {
        let usage = try decode(CustomerUsage.self, """
        {"from_datetime":"2024-01-01T00:00:00Z","to_datetime":"2024-01-31T23:59:59Z","issuing_date":"2024-01-31",
         "currency":"EUR","amount_cents":5,"taxes_amount_cents":1,"total_amount_cents":6,"lago_invoice_id":null,
         "charges_usage":[{"units":"4.0","total_aggregated_units":"4.0","events_count":4,"amount_cents":5,"amount_currency":"EUR",
           "pricing_unit_details":null,
           "charge":{"lago_id":"ch1","code":"api","charge_model":"graduated","invoice_display_name":null},
           "billable_metric":{"lago_id":"bm1","name":"API calls","code":"api_calls","aggregation_type":"count_agg"},
           "filters":[{"units":"1.5","events_count":2,"amount_cents":3,"values":{"region":["eu","us"]},"invoice_display_name":"EU"},
                      {"units":"2.5","events_count":2,"amount_cents":2,"values":null}],
           "grouped_usage":[{"amount_cents":5,"units":"4","events_count":4,"grouped_by":{"agent":"a1","count":3},"filters":[]}],
           "presentation_breakdowns":[]}]}
        """)
        let charge = try #require(usage.chargesUsage?.first)
        #expect(charge.units == 4)
        #expect(charge.charge?.chargeModel == .graduated)
        #expect(charge.billableMetric?.aggregationType == .countAgg)
        #expect(charge.filters?.count == 2)
        #expect(charge.filters?.first?.values?["region"] == .array([.string("eu"), .string("us")]))
        #expect(charge.filters?.last?.values == nil)
        #expect(charge.groupedUsage?.first?.groupedBy?["count"]?.displayString == "3")
        #expect(usage.totalAmount == Money(amountCents: 6, currency: .eur))
        #expect(usage.issuingDate?.description == "2024-01-31")
    }

    @Test func eventIdentityFallsBackToTransactionId() throws {
        let event = try decode(Event.self, """
        {"lago_id":null,"transaction_id":"tx-1","code":"api_calls","timestamp":"2024-01-01T10:00:00.123Z",
         "properties":{"gb":10,"region":"eu","ratio":"0.5"},"precise_total_amount_cents":"12.345"}
        """)
        #expect(event.id == "tx-1")
        #expect(event.properties?["gb"] == .number("10"))
        #expect(event.preciseTotalAmountCents == Decimal(string: "12.345"))
    }

    @Test func missingIdentityIsAnError() {
        #expect(throws: DecodingError.self) {
            try decode(Invoice.self, #"{"number":"X-1"}"#)
        }
    }

    @Test func numbersAreAcceptedWhereDecimalStringsAreUsual() throws {
        let wallet = try decode(Wallet.self, #"{"lago_id":"w","rate_amount":2.5,"credits_balance":"3"}"#)
        #expect(wallet.rateAmount == Decimal(string: "2.5"))
        let tax = try decode(Tax.self, #"{"lago_id":"t","code":"vat","rate":"20.1"}"#)
        #expect(tax.rate == Decimal(string: "20.1"))
        let numericTax = try decode(Tax.self, #"{"lago_id":"t","code":"vat","rate":20.1}"#)
        #expect(numericTax.rate == Decimal(string: "20.1"), "a JSON number keeps its decimal digits")
    }

    @Test func encodingRoundTripsThroughLagoWireFormat() throws {
        let original = try decode(Wallet.self, """
        {"lago_id":"w1","status":"retired","currency":"JPY","rate_amount":"1.5","balance_cents":1200,
         "created_at":"2024-03-01T12:00:00.250Z","metadata":{"team":"ops","none":null}}
        """)
        let data = try JSONEncoder().encode(original)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains(#""rate_amount":"1.5""#))
        #expect(text.contains(#""status":"retired""#))
        #expect(text.contains(#""currency":"JPY""#))
        #expect(text.contains(#""created_at":"2024-03-01T12:00:00.250Z""#))
        #expect(try JSONDecoder().decode(Wallet.self, from: data) == original)
    }
}
