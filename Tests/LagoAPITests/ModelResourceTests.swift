import Foundation
import Testing
@testable import LagoAPI

@Suite struct ModelResourceTests {
    @Test func pathsAndKeys() {
        #expect(LagoResource.allCases.count == 18)
        #expect(LagoResource.creditNotes.path == "/credit_notes")
        #expect(LagoResource.creditNotes.collectionKey == "credit_notes")
        #expect(LagoResource.creditNotes.singularKey == "credit_note")
        #expect(LagoResource.taxes.singularKey == "tax")
        #expect(LagoResource.billingEntities.singularKey == "billing_entity")
        #expect(LagoResource.apiLogs.recordKeyField == "request_id")
        #expect(LagoResource.customers.recordKeyField == "external_id")
        #expect(!LagoResource.billingEntities.isPaginated)
        for resource in LagoResource.allCases where resource != .billingEntities {
            #expect(resource.isPaginated)
        }
    }

    @Test func walletTransactionsAreNestedUnderAWallet() {
        #expect(LagoResource.walletTransactions.parent == .wallets)
        #expect(LagoResource.walletTransactions.listPath(parentID: nil) == nil)
        #expect(LagoResource.walletTransactions.listPath(parentID: "w 1") == "/wallets/w%201/wallet_transactions")
        #expect(LagoResource.walletTransactions.recordPath(id: "t1") == "/wallet_transactions/t1")
        #expect(LagoResource.invoices.listPath() == "/invoices")
    }

    @Test func identifiersCannotEscapeTheirPathSegment() {
        #expect(LagoResource.customers.recordPath(id: "../invoices?x=1#y") == "/customers/..%2Finvoices%3Fx%3D1%23y")
    }

    @Test func recordKeysMatchTheFieldTheirPathTakes() throws {
        let identifiers = ["lago_id": "L", "external_id": "E", "code": "C", "transaction_id": "T", "request_id": "R", "number": "N"]
        let json = Data(try JSONSerialization.data(withJSONObject: identifiers))
        let types: [any LagoRecord.Type] = [
            Customer.self, Subscription.self, Invoice.self, Fee.self, Payment.self, CreditNote.self, Wallet.self,
            WalletTransaction.self, BillableMetric.self, Plan.self, Coupon.self, AddOn.self, Tax.self, Event.self,
            BillingEntity.self, ApiLog.self,
        ]
        for type in types {
            let record = try LagoJSON.decoder.decode(type, from: json)
            #expect(record.recordKey == identifiers[type.resource.recordKeyField], "\(type)")
        }
    }

    @Test func everyRecordTypeNamesItsResource() {
        let types: [any LagoRecord.Type] = [
            Customer.self, Subscription.self, Invoice.self, Fee.self, Payment.self, CreditNote.self, Wallet.self,
            WalletTransaction.self, BillableMetric.self, Plan.self, Coupon.self, AddOn.self, Tax.self, Event.self,
            BillingEntity.self, ApiLog.self,
        ]
        // Activity logs and payment requests are read as raw records only (no typed model).
        #expect(Set(LagoResource.allCases).subtracting(types.map { $0.resource }) == [.activityLogs, .paymentRequests])
    }
}
