import Foundation

extension LagoError {
    /// Maps a non-2xx response to an error, reading Lago's `{status, error, code, error_details}`.
    ///
    /// `method` and `path` (relative to the base URL, e.g. `/invoices/ID/finalize`) let a few
    /// refusals say what they mean for that action: Lago answers 404 to finalizing a
    /// non-draft invoice, which reads "invoice is not a draft: only drafts can be finalized".
    public static func from(response: HTTPResponse, method: HTTPMethod, path: String) -> LagoError {
        if let refusal = TLSFailure.gatewayRefusal(response) { return refusal }
        let body = LagoErrorBody.parse(response.body)
        let code = body?.code
        switch response.status {
        case 401:
            return .unauthorized
        case 403:
            return .forbidden(code: code)
        case 404:
            if let refusal = contextualRefusal(status: 404, code: code, method: method, path: path) {
                return refusal
            }
            return .notFound(code)
        case 429:
            return .rateLimited(retryAfter: RateLimitHeaders.delay(in: response))
        case 500..<600:
            return .server(status: response.status)
        default:
            if let refusal = contextualRefusal(status: response.status, code: code, method: method, path: path) {
                return refusal
            }
            return .api(
                status: response.status,
                code: code,
                error: body?.error ?? "",
                details: body?.details ?? [:]
            )
        }
    }

    /// Refusals whose meaning depends on the action that was attempted.
    private static func contextualRefusal(status: Int, code: String?, method: HTTPMethod, path: String) -> LagoError? {
        let segments = path.split(separator: "/").map(String.init)
        guard segments.count == 3, segments[0] == "invoices" else { return nil }
        let text: String?
        switch (status, code, method, segments[2]) {
        case (404, "invoice_not_found", .put, "finalize"):
            text = "invoice is not a draft: only drafts can be finalized"
        case (404, "invoice_not_found", .post, "download"), (404, "invoice_not_found", .post, "download_pdf"):
            text = "invoice is not finalized: only finalized invoices can be downloaded"
        case (405, "invalid_status", .post, "retry_payment"):
            text = "payment cannot be retried: the invoice is a draft, voided or already paid"
        case (405, "invalid_status", .post, "retry"):
            text = "invoice cannot be retried: only failed invoices can be retried"
        default:
            text = nil
        }
        guard let text else { return nil }
        return .api(status: status, code: code, error: text, details: [:])
    }
}

/// Lago's error envelope, read leniently (any field may be missing or oddly typed).
struct LagoErrorBody: Sendable, Equatable {
    var status: Int?
    var error: String?
    var code: String?
    var details: [String: [String]]

    static func parse(_ data: Data) -> LagoErrorBody? {
        guard !data.isEmpty, let object = try? JSONValue.parse(data), case .object = object else { return nil }
        var details: [String: [String]] = [:]
        if let raw = object["error_details"] { flatten(raw, prefix: "", into: &details) }
        if let code = object["provider"]?["code"] {
            details["provider", default: []].append(scalarText(code))
        }
        return LagoErrorBody(
            status: object["status"]?.intValue,
            error: object["error"]?.stringValue,
            code: object["code"]?.stringValue,
            details: details
        )
    }

    private static func flatten(_ value: JSONValue, prefix: String, into result: inout [String: [String]]) {
        switch value {
        case let .object(members):
            for member in members {
                flatten(member.value, prefix: prefix.isEmpty ? member.key : "\(prefix).\(member.key)", into: &result)
            }
        case let .array(elements):
            for element in elements {
                switch element {
                case .object, .array: flatten(element, prefix: prefix, into: &result)
                default: result[prefix.isEmpty ? "error" : prefix, default: []].append(scalarText(element))
                }
            }
        default:
            result[prefix.isEmpty ? "error" : prefix, default: []].append(scalarText(value))
        }
    }

    private static func scalarText(_ value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .object, .array: value.compactText
        default: value.text ?? ""
        }
    }
}

/// Reads how long a 429 (or 503) asks the client to wait.
public enum RateLimitHeaders {
    /// `Retry-After` (seconds or an HTTP date) first, then `x-ratelimit-reset`, which Lago's
    /// official clients read as seconds to wait (at least one second).
    public static func delay(in response: HTTPResponse, now: Date = Date()) -> Duration? {
        if let retryAfter = response.header("retry-after")?.trimmingCharacters(in: .whitespaces) {
            if let seconds = Double(retryAfter), seconds.isFinite, seconds >= 0 {
                return milliseconds(seconds)
            }
            if let date = httpDate(retryAfter) {
                return milliseconds(max(0, date.timeIntervalSince(now)))
            }
        }
        if let reset = response.header("x-ratelimit-reset").flatMap({ Double($0.trimmingCharacters(in: .whitespaces)) }),
           reset.isFinite {
            return milliseconds(max(reset, 1))
        }
        return nil
    }

    /// The longest wait a server may ask for (a day). The header is the server's text: a value
    /// such as `1e300` would otherwise overflow the Int64 conversion and crash the client.
    static let maximumDelaySeconds: Double = 86_400

    private static func milliseconds(_ seconds: Double) -> Duration {
        .milliseconds(Int64((min(seconds, maximumDelaySeconds) * 1000).rounded()))
    }

    private static func httpDate(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        return formatter.date(from: text)
    }
}
