import Foundation

/// Filters of `GET /api_logs` (premium; newest first; limited to the audit-log retention).
public struct ApiLogListQuery: LagoListQuery {
    public typealias Record = ApiLog

    /// Inclusive bounds on `logged_at`.
    public var fromDate: LagoDate?
    public var toDate: LagoDate?
    public var httpMethods: [ApiLogHTTPMethod]
    /// Status codes ("422") or the words `succeeded` (≤ 399) and `failed` (> 399).
    public var httpStatuses: [String]
    public var apiVersion: String?
    /// Request paths; `*` is a wildcard.
    public var requestPaths: [String]
    public var clients: [String]

    public init(
        fromDate: LagoDate? = nil,
        toDate: LagoDate? = nil,
        httpMethods: [ApiLogHTTPMethod] = [],
        httpStatuses: [String] = [],
        apiVersion: String? = nil,
        requestPaths: [String] = [],
        clients: [String] = []
    ) {
        self.fromDate = fromDate
        self.toDate = toDate
        self.httpMethods = httpMethods
        self.httpStatuses = httpStatuses
        self.apiVersion = apiVersion
        self.requestPaths = requestPaths
        self.clients = clients
    }

    public var queryItems: [URLQueryItem] {
        var query = QueryItems()
        query.add("from_date", fromDate)
        query.add("to_date", toDate)
        query.addArray("http_methods", httpMethods)
        query.addArray("http_statuses", httpStatuses)
        query.add("api_version", apiVersion)
        query.addArray("request_paths", requestPaths)
        query.addArray("clients", clients)
        return query.items
    }

    public func validate() throws(LagoQueryError) {
        try QueryCheck.oneOf("http_methods[]", httpMethods)
        for status in httpStatuses {
            let isCode = Int(status).map { (100...599).contains($0) } ?? false
            if !isCode, status != "succeeded", status != "failed" {
                throw LagoQueryError(parameter: "http_statuses[]", message: "http_statuses[] takes HTTP status codes, succeeded or failed; got \"\(TextSanitizer.printable(status, clippedTo: 60))\"")
            }
        }
    }
}
