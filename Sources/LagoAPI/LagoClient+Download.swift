import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension LagoClient {
    /// Downloads an invoice's PDF to `destination` and returns the file's URL.
    ///
    /// Calls `POST /invoices/{id}/download`; when Lago has not generated the PDF yet (empty
    /// body, or no `file_url`), polls `GET /invoices/{id}` every `pollInterval` (asking for
    /// generation again now and then) until `file_url` is set or `timeout` has passed. The file
    /// is fetched **without** the `Authorization` header (redirects to storage are followed),
    /// written to a temporary file next to the destination, checked to start with `%PDF-`, and
    /// renamed into place atomically, so a reader never sees a partial file.
    ///
    /// - Parameters:
    ///   - destination: a directory (the file is named `invoice-<lagoId>.pdf`) or a file path.
    ///   - pollInterval: the wait between polls.
    ///   - timeout: how long to wait for Lago to generate the PDF.
    public func downloadInvoicePDF(
        lagoId: String,
        to destination: URL,
        pollInterval: Duration = .seconds(2),
        timeout: Duration = .seconds(120)
    ) async throws -> URL {
        let path = "/invoices/\(Self.pathSegment(lagoId))"
        let clock = configuration.retry.clock
        let start = clock.now()
        var fileURL = try await requestInvoiceFile(path)
        var round = 0
        while fileURL == nil {
            guard clock.now() - start + pollInterval <= timeout else {
                throw LagoError.downloadFailed("Lago did not generate the PDF within \(LagoError.seconds(timeout)); try again later")
            }
            do {
                try await clock.sleep(pollInterval)
            } catch {
                throw LagoError.cancelled
            }
            round += 1
            let invoice = try await getObject(path, rootKey: "invoice", as: InvoiceFileInfo.self)
            fileURL = invoice.fileURL
            if fileURL == nil, round.isMultiple(of: 3) {
                fileURL = try await requestInvoiceFile(path)
            }
        }
        guard let fileURL else { throw LagoError.downloadFailed("Lago gave no file URL") }
        return try await fetchPDF(fileURL, lagoId: lagoId, to: destination)
    }

    /// Asks Lago for the PDF; returns its URL when it already exists.
    private func requestInvoiceFile(_ invoicePath: String) async throws -> String? {
        // Asking again only re-queues generation, so this POST is safe to retry.
        let response = try await send(.post, invoicePath + "/download", idempotent: true)
        let info: InvoiceFileInfo? = try decodeRoot(response.body, rootKey: "invoice")
        return info?.fileURL
    }

    private func fetchPDF(_ address: String, lagoId: String, to destination: URL) async throws -> URL {
        guard let url = URL(string: address), url.scheme != nil else {
            throw LagoError.downloadFailed("Lago gave an invalid file URL")
        }
        do {
            try URLSecurityPolicy.validate(url, insecure: configuration.insecure)
        } catch {
            throw error.redacting(configuration.apiKey)
        }
        // No Authorization header: the file URL is pre-signed and may live on another host.
        let request = HTTPRequest(
            method: .get,
            url: url,
            headers: ["User-Agent": configuration.userAgent, "Accept": "application/pdf"],
            followRedirects: true
        )
        let response: HTTPResponse
        do {
            response = try await sendWithRetries(request, path: "", idempotent: true)
        } catch {
            throw Self.fileServerError(error).redacting(configuration.apiKey)
        }
        guard response.body.starts(with: Array("%PDF-".utf8)) else {
            let start = LagoError.snippet(ofBody: response.body.prefix(16))
            throw LagoError.downloadFailed("the file is not a PDF (it starts with \(start))")
        }
        let target = Self.resolveDestination(destination, lagoId: lagoId)
        try Self.writeAtomically(response.body, to: target)
        return target
    }

    private static func fileServerError(_ error: LagoError) -> LagoError {
        let status: Int? = switch error {
        case .api(let status, _, _, _): status
        case .unauthorized: 401
        case .forbidden: 403
        case .notFound: 404
        case .rateLimited: 429
        case .server(let status): status
        default: nil
        }
        guard let status else { return error }
        return .downloadFailed("the file server answered HTTP \(status)")
    }

    static func resolveDestination(_ destination: URL, lagoId: String) -> URL {
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: destination.path, isDirectory: &isDirectory)
        guard destination.hasDirectoryPath || (exists && isDirectory.boolValue) else { return destination }
        let safeId = String(lagoId.unicodeScalars.map { scalar in
            CharacterSet.alphanumerics.contains(scalar) || scalar == "-" || scalar == "_" ? Character(scalar) : "_"
        })
        return destination.appendingPathComponent("invoice-\(safeId).pdf", isDirectory: false)
    }

    /// Writes to `.<name>.<random>.part` in the same directory, then `rename(2)`s it over the target.
    static func writeAtomically(_ data: Data, to target: URL) throws {
        let directory = target.deletingLastPathComponent()
        let temporary = directory.appendingPathComponent(".\(target.lastPathComponent).\(UUID().uuidString).part")
        do {
            try data.write(to: temporary)
        } catch {
            throw LagoError.downloadFailed("cannot write in \(directory.path): \(error.localizedDescription)")
        }
        if rename(temporary.path, target.path) != 0 {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw LagoError.downloadFailed("cannot move the PDF to \(target.path): \(reason)")
        }
    }
}

/// The part of an invoice the download needs.
struct InvoiceFileInfo: Decodable, Sendable {
    let fileURL: String?

    enum CodingKeys: String, CodingKey {
        case fileURL = "file_url"
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let value = try container.decodeIfPresent(String.self, forKey: .fileURL)
        fileURL = (value?.isEmpty ?? true) ? nil : value
    }
}
