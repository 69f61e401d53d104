/// What a handler gets besides the store: the request and the server's own root URL
/// (`http://127.0.0.1:PORT`) for absolute links such as `file_url`.
struct HandlerContext: Sendable {
    var request: SandboxRequest
    var rootURL: String
    var query: QueryParameters { request.query }
}

typealias RouteHandler = @Sendable (inout SandboxStore, HandlerContext) throws -> SandboxResponse

/// One API route: a method and a path pattern such as `invoices/:lago_id/finalize`.
struct Route: Sendable {
    var method: String
    var pattern: [String]
    var handler: RouteHandler
    /// `GET /invoices/{lago_id}` — the name counters use.
    var name: String

    init(_ method: String, _ path: String, _ handler: @escaping RouteHandler) {
        self.method = method
        self.pattern = path.split(separator: "/").map(String.init)
        self.handler = handler
        self.name = "\(method) /" + pattern.map { $0.hasPrefix(":") ? "{\($0.dropFirst())}" : $0 }.joined(separator: "/")
    }

    func match(method: String, segments: [String]) -> [String: String]? {
        guard method == self.method, segments.count == pattern.count else { return nil }
        var parameters: [String: String] = [:]
        for (part, segment) in zip(pattern, segments) {
            if part.hasPrefix(":") {
                guard !segment.isEmpty else { return nil }
                parameters[String(part.dropFirst())] = segment
            } else if part != segment {
                return nil
            }
        }
        return parameters
    }
}

/// The API's route table; unknown paths and wrong verbs fall through to Lago's catch-all 404.
struct Router: Sendable {
    var routes: [Route]

    func resolve(method: String, segments: [String]) -> (Route, [String: String])? {
        for route in routes {
            if let parameters = route.match(method: method, segments: segments) { return (route, parameters) }
        }
        return nil
    }

    static let api = Router(routes:
        CustomerHandlers.routes + SubscriptionHandlers.routes + InvoiceHandlers.routes + InvoiceActionHandlers.routes
        + WalletHandlers.routes + UsageHandlers.routes + CatalogHandlers.routes + LedgerHandlers.routes
        + EventHandlers.routes + AnalyticsHandlers.routes + LinkHandlers.routes + ActivityHandlers.routes
        + CreditNoteEstimateHandlers.routes + PaymentRequestHandlers.routes)
}
