import Foundation

/// A logged API request (premium; only mutating requests are logged).
public struct ApiLog: LagoRecord, Codable, Hashable, Sendable {
    /// The endpoint family this record comes from.
    public static let resource: LagoResource = .apiLogs
    /// Stable identity for lists and diffing: `requestId`.
    public var id: String { requestId }

    public var requestId: String
    public var apiVersion: String?
    public var client: String?
    public var httpMethod: ApiLogHTTPMethod?
    public var httpStatus: Int?
    public var requestOrigin: String?
    public var requestPath: String?
    public var requestBody: JSONValue?
    public var requestResponse: JSONValue?
    public var loggedAt: Date?
    public var createdAt: Date?

    /// Builds a value directly (tests, previews); decoding is the usual way in.
    public init(
        requestId: String,
        apiVersion: String? = nil,
        client: String? = nil,
        httpMethod: ApiLogHTTPMethod? = nil,
        httpStatus: Int? = nil,
        requestOrigin: String? = nil,
        requestPath: String? = nil,
        requestBody: JSONValue? = nil,
        requestResponse: JSONValue? = nil,
        loggedAt: Date? = nil,
        createdAt: Date? = nil
    ) {
        self.requestId = requestId
        self.apiVersion = apiVersion
        self.client = client
        self.httpMethod = httpMethod
        self.httpStatus = httpStatus
        self.requestOrigin = requestOrigin
        self.requestPath = requestPath
        self.requestBody = requestBody
        self.requestResponse = requestResponse
        self.loggedAt = loggedAt
        self.createdAt = createdAt
    }

    enum CodingKeys: String, CodingKey {
        case requestId = "request_id"
        case apiVersion = "api_version"
        case client
        case httpMethod = "http_method"
        case httpStatus = "http_status"
        case requestOrigin = "request_origin"
        case requestPath = "request_path"
        case requestBody = "request_body"
        case requestResponse = "request_response"
        case loggedAt = "logged_at"
        case createdAt = "created_at"
    }
}
