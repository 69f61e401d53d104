import FlyingFox
import Foundation
import LagoAPI
import LagoTesting
import Testing

/// downloadInvoicePDF over the real CurlTransport: polling, credential-free file fetch,
/// PDF check and atomic placement.
@Suite(.timeLimit(.minutes(1))) struct DownloadTests {
    static let pdf = Data("%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n%%EOF\n".utf8)

    func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("lagotui-download-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// An API server whose PDF appears only after `readyAfterGets` polls, served through a
    /// redirect to a second host ("localhost") the way Lago's storage links work.
    func startServers(readyAfterGets: Int, file: Data = DownloadTests.pdf) async throws -> (api: LoopbackServer, storage: LoopbackServer) {
        let storage = try await LoopbackServer.start { _, _ in
            FlyingFox.HTTPResponse(statusCode: .ok, headers: [.contentType: "application/pdf"], body: file)
        }
        let gets = Arrivals()
        let api = try await LoopbackServer.start { request, _ in
            let fileURL = "http://127.0.0.1:\(request.headers[.host]?.split(separator: ":").last ?? "0")/files/inv1"
            switch (request.method, request.path) {
            case (.POST, "/api/v1/invoices/inv1/download"):
                return gets.count >= readyAfterGets
                    ? LoopbackServer.json(#"{"invoice":{"lago_id":"inv1","file_url":"\#(fileURL)"}}"#)
                    : FlyingFox.HTTPResponse(statusCode: .ok)
            case (.GET, "/api/v1/invoices/inv1"):
                gets.arrived(SeenRequest(method: "GET", path: "", authorization: nil, acceptEncoding: nil, userAgent: nil, body: Data()))
                let url = gets.count >= readyAfterGets ? #""\#(fileURL)""# : "null"
                return LoopbackServer.json(#"{"invoice":{"lago_id":"inv1","file_url":\#(url)}}"#)
            case (.GET, "/files/inv1"):
                return FlyingFox.HTTPResponse(statusCode: .found, headers: HTTPHeaders([.location: storage.url("/blob", host: "localhost").absoluteString]))
            default:
                return LoopbackServer.json(#"{"status":404,"error":"Not Found","code":"invoice_not_found"}"#, status: 404)
            }
        }
        return (api, storage)
    }

    @Test func pollsUntilTheFileExistsThenFetchesItWithoutCredentials() async throws {
        let (api, storage) = try await startServers(readyAfterGets: 2)
        defer { Task { await api.stop(); await storage.stop() } }
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let clock = VirtualClock()
        let client = try makeCurlClient(baseURL: api.baseURL, clock: clock)

        let saved = try await client.downloadInvoicePDF(lagoId: "inv1", to: directory, pollInterval: .seconds(2), timeout: .seconds(60))

        #expect(saved.lastPathComponent == "invoice-inv1.pdf")
        #expect(try Data(contentsOf: saved) == Self.pdf)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["invoice-inv1.pdf"])
        #expect(clock.sleeps == [.seconds(2), .seconds(2)])
        let apiCalls = api.arrivals.seen
        #expect(apiCalls.map { "\($0.method) \($0.path)" } == [
            "POST /api/v1/invoices/inv1/download", "GET /api/v1/invoices/inv1", "GET /api/v1/invoices/inv1", "GET /files/inv1",
        ])
        #expect(apiCalls.filter { $0.path.hasPrefix("/api/") }.allSatisfy { $0.authorization == "Bearer test-secret-key-42" })
        #expect(apiCalls.last?.authorization == nil)
        #expect(storage.arrivals.seen.map(\.authorization) == [nil])
    }

    @Test func replacesAnExistingFileAtomically() async throws {
        let (api, storage) = try await startServers(readyAfterGets: 0)
        defer { Task { await api.stop(); await storage.stop() } }
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let target = directory.appendingPathComponent("INV-001.pdf")
        try Data("old".utf8).write(to: target)
        let client = try makeCurlClient(baseURL: api.baseURL)
        let saved = try await client.downloadInvoicePDF(lagoId: "inv1", to: target)
        #expect(saved == target)
        #expect(try Data(contentsOf: target) == Self.pdf)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["INV-001.pdf"])
    }

    @Test func refusesAFileThatIsNotAPDF() async throws {
        let (api, storage) = try await startServers(readyAfterGets: 0, file: Data("<html>login</html>".utf8))
        defer { Task { await api.stop(); await storage.stop() } }
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let client = try makeCurlClient(baseURL: api.baseURL)
        let error = await #expect(throws: LagoError.self) {
            try await client.downloadInvoicePDF(lagoId: "inv1", to: directory)
        }
        #expect(error?.message.hasPrefix("download failed: the file is not a PDF") == true)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
    }

    @Test func givesUpWhenThePDFIsNeverGenerated() async throws {
        let (api, storage) = try await startServers(readyAfterGets: 1_000)
        defer { Task { await api.stop(); await storage.stop() } }
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let clock = VirtualClock()
        let client = try makeCurlClient(baseURL: api.baseURL, clock: clock)
        let error = await #expect(throws: LagoError.self) {
            try await client.downloadInvoicePDF(lagoId: "inv1", to: directory, pollInterval: .seconds(2), timeout: .seconds(10))
        }
        #expect(error == .downloadFailed("Lago did not generate the PDF within 10 seconds; try again later"))
        #expect(clock.sleeps.count == 5)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
    }

    @Test func unfinalizedInvoiceIsExplained() async throws {
        let (api, storage) = try await startServers(readyAfterGets: 0)
        defer { Task { await api.stop(); await storage.stop() } }
        let client = try makeCurlClient(baseURL: api.baseURL)
        let error = await #expect(throws: LagoError.self) {
            try await client.downloadInvoicePDF(lagoId: "draft-1", to: FileManager.default.temporaryDirectory)
        }
        #expect(error?.message == "invoice is not finalized: only finalized invoices can be downloaded")
    }

    @Test func plainHTTPFileURLOnAnotherHostIsRefused() async throws {
        let transport = ScriptedTransport()
        transport.on(.post, "/invoices/inv1/download", json: #"{"invoice":{"file_url":"http://files.example.com/inv1.pdf"}}"#)
        let client = try transport.makeClient()
        let error = await #expect(throws: LagoError.self) {
            try await client.downloadInvoicePDF(lagoId: "inv1", to: FileManager.default.temporaryDirectory)
        }
        guard case .insecureURL? = error else {
            Issue.record("expected insecureURL, got \(String(describing: error))")
            return
        }
        #expect(transport.calls.count == 1)
    }
}
