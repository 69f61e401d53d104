/// Serves generated invoice PDFs at the `file_url` the API hands out
/// (`/rails/active_storage/blobs/redirect/<lago_id>/<number>.pdf`), without an API key, like a
/// signed storage URL.
enum FileEndpoint {
    static func handle(_ request: SandboxRequest, state: SandboxState) -> SandboxResponse {
        let segments = request.segments
        guard request.method == "GET", segments.count == 6, segments[2] == "blobs", segments[3] == "redirect" else {
            return ApiError.notFound("resource_not_found").response
        }
        let pdf = state.store.withLock { store -> [UInt8]? in
            guard let i = store.invoiceIndex(lagoId: segments[4]), store.invoices[i].pdfState == .ready,
                  segments[5] == store.invoiceNumber(i) + ".pdf" else { return nil }
            return InvoicePDF.render(store.pdfContent(invoice: i))
        }
        guard let pdf else { return ApiError.notFound("resource_not_found").response }
        return SandboxResponse(status: 200, headers: [("Content-Disposition", "inline")], body: pdf, contentType: "application/pdf")
    }
}
