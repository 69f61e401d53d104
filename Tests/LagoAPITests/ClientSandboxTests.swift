import Foundation
import LagoAPI
import LagoSandbox
import LagoTesting
import Testing

/// The client core over real libcurl against the in-process sandbox (SandboxHarness).
@Suite(.timeLimit(.minutes(2))) struct ClientSandboxTests {
    struct InvoiceRow: Decodable, Sendable {
        let lagoId: String
        let status: String
        enum CodingKeys: String, CodingKey {
            case lagoId = "lago_id"
            case status
        }
    }

    @Test func listsEveryPageInOrderWithConcurrentFetches() async throws {
        try await SandboxHarness.with { sandbox in
            let first = try await sandbox.client.listPage("/invoices", collectionKey: "invoices", perPage: 7, as: InvoiceRow.self)
            let total = try #require(first.meta.totalCount)
            #expect(total > 14)
            var numbers: [Int] = []
            var ids: [String] = []
            for try await page in sandbox.client.allPages("/invoices", collectionKey: "invoices", perPage: 7, as: InvoiceRow.self) {
                numbers.append(page.meta.currentPage)
                ids.append(contentsOf: page.items.map(\.lagoId))
            }
            #expect(numbers == Array(1...(first.meta.totalPages ?? 0)))
            #expect(ids.count == total)
            #expect(Set(ids).count == total)
            #expect(Array(ids.prefix(7)) == first.items.map(\.lagoId))
        }
    }

    @Test func rawPagesMatchDecodedPages() async throws {
        try await SandboxHarness.with { sandbox in
            let raw = try await sandbox.client.rawPage("/customers", collectionKey: "customers", perPage: 5)
            #expect(raw.items.count == 5)
            for item in raw.items {
                let object = try JSONSerialization.jsonObject(with: item) as? [String: Any]
                #expect(object?["lago_id"] is String)
            }
        }
    }

    @Test func wrongKeyIsUnauthorized() async throws {
        try await SandboxHarness.with { sandbox in
            let client = try sandbox.makeClient(apiKey: "not-the-sandbox-key")
            let error = await #expect(throws: LagoError.self) {
                try await client.listPage("/customers", collectionKey: "customers", as: InvoiceRow.self)
            }
            #expect(error == .unauthorized)
            #expect(error?.message.contains("not-the-sandbox-key") == false)
        }
    }

    @Test func injectedServiceUnavailableIsRetriedUpToTheCap() async throws {
        try await SandboxHarness.with { sandbox in
            try await sandbox.setFaults("503:1.0")
            let before = try await sandbox.totalRequests()
            await #expect(throws: LagoError.server(status: 503)) {
                try await sandbox.client.listPage("/customers", collectionKey: "customers", as: InvoiceRow.self)
            }
            #expect(try await sandbox.totalRequests() - before == 4)
            #expect(sandbox.clock.sleeps.count == 3)
        }
    }

    @Test func injectedResetOnAMutationIsAnUnknownOutcomeAndSentOnce() async throws {
        try await SandboxHarness.with { sandbox in
            let finalized = try await sandbox.client.listPage(
                "/invoices", collectionKey: "invoices", query: [URLQueryItem(name: "status", value: "finalized")], as: InvoiceRow.self)
            let invoice = try #require(finalized.items.first)
            try await sandbox.setFaults("reset:1.0")
            let before = try await sandbox.totalRequests()
            await #expect(throws: LagoError.outcomeUnknown("invoice")) {
                try await sandbox.client.mutate(.post, "/invoices/\(invoice.lagoId)/void", body: nil, rootKey: "invoice", as: InvoiceRow.self)
            }
            #expect(try await sandbox.totalRequests() - before == 1)
            #expect(sandbox.clock.sleeps.isEmpty)
            try await sandbox.setFaults("")
            let after = try await sandbox.client.getObject("/invoices/\(invoice.lagoId)", rootKey: "invoice", as: InvoiceRow.self)
            #expect(after.status == "finalized")
        }
    }

    @Test func finalizingANonDraftExplainsTheRefusal() async throws {
        try await SandboxHarness.with { sandbox in
            let finalized = try await sandbox.client.listPage(
                "/invoices", collectionKey: "invoices", query: [URLQueryItem(name: "status", value: "finalized")], as: InvoiceRow.self)
            let invoice = try #require(finalized.items.first)
            let error = await #expect(throws: LagoError.self) {
                try await sandbox.client.mutate(.put, "/invoices/\(invoice.lagoId)/finalize", body: nil, rootKey: "invoice", as: InvoiceRow.self)
            }
            #expect(error?.message == "invoice is not a draft: only drafts can be finalized")
        }
    }

    @Test func downloadsAFinalizedInvoicePDF() async throws {
        try await SandboxHarness.with { sandbox in
            let finalized = try await sandbox.client.listPage(
                "/invoices", collectionKey: "invoices", query: [URLQueryItem(name: "status", value: "finalized")], as: InvoiceRow.self)
            let invoice = try #require(finalized.items.first)
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lagotui-sandbox-\(UUID().uuidString)", isDirectory: true)
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: directory) }
            let file = try await sandbox.client.downloadInvoicePDF(lagoId: invoice.lagoId, to: directory, pollInterval: .seconds(1), timeout: .seconds(30))
            let data = try Data(contentsOf: file)
            #expect(data.starts(with: Array("%PDF-".utf8)))
            #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == [file.lastPathComponent])
        }
    }
}
