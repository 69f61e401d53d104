import Foundation
import Testing
@testable import LagoSandbox

@Suite("Invoice PDFs")
struct PDFTests {
    static let pdftoppm = ["/usr/bin/pdftoppm", "/usr/local/bin/pdftoppm"].first { FileManager.default.isExecutableFile(atPath: $0) }

    @Test("the PDF has a correct cross-reference table and escapes hostile text")
    func structure() {
        let content = InvoicePDFContent(
            number: "ACU-001-002", issuer: "Acme (US)", customerName: "\u{1B}[31mEvil\\Corp\u{07} 東京", customerExternalId: "cust_000001",
            issuingDate: "2026-11-01", dueDate: nil, status: "finalized", lines: [("API calls x 10.0", "$0.02")],
            subtotal: "$0.02", taxes: "$0.00", total: "$0.02")
        let pdf = InvoicePDF.render(content)
        let text = String(decoding: pdf, as: UTF8.self)
        #expect(text.hasPrefix("%PDF-1.4"))
        #expect(text.hasSuffix("%%EOF\n"))
        #expect(!pdf.contains(0x1B) && !pdf.contains(0x07))
        #expect(text.contains("Acme \\(US\\)"))
        #expect(text.contains("Evil\\\\Corp"))
        // Every xref entry points at "N 0 obj".
        let xrefStart = Int(text.components(separatedBy: "startxref\n")[1].split(separator: "\n")[0])!
        let table = String(decoding: pdf[xrefStart...], as: UTF8.self).split(separator: "\n")
        for (n, entry) in table[3..<9].enumerated() {
            let offset = Int(entry.prefix(10))!
            #expect(String(decoding: pdf[offset..<(offset + 8)], as: UTF8.self).hasPrefix("\(n + 1) 0 obj"))
        }
    }

    @Test("a downloaded invoice's PDF renders with pdftoppm",
          .enabled(if: PDFTests.pdftoppm != nil, "pdftoppm is not installed (poppler-utils): rendering check skipped"))
    func renders() async throws {
        try await withSandbox { client in
            let invoice = try #require(try await client.get("/invoices?status=finalized&per_page=50").json.list("invoices").first { $0["file_url"] is String })
            let url = try #require(URL(string: invoice.string("file_url")!))
            let pdf = try await client.send("GET", "", key: "", root: url)
            #expect(pdf.status == 200)
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sandbox-pdf-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: directory) }
            let file = directory.appendingPathComponent("invoice.pdf")
            try pdf.body.write(to: file)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: PDFTests.pdftoppm!)
            process.arguments = ["-r", "30", "-png", file.path, directory.appendingPathComponent("page").path]
            let errors = Pipe()
            process.standardError = errors
            try process.run()
            let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "pdftoppm failed: \(message)")
            #expect(message.isEmpty, "pdftoppm complained: \(message)")
            let pages = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".png") }
            #expect(pages.count == 1)
            let png = try Data(contentsOf: directory.appendingPathComponent(pages[0]))
            #expect(png.count > 1000)
        }
    }
}
