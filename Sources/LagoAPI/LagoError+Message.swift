import Foundation

extension LagoError {
    /// One line a support engineer understands, for example
    /// "invoice cannot be voided: only finalized invoices can be voided".
    ///
    /// Control characters from server text are replaced, so the message is safe to print
    /// on a terminal; it never includes the API key (the client redacts it).
    public var message: String {
        TextSanitizer.clean(rawMessage, clippedTo: 400)
    }

    private var rawMessage: String {
        switch self {
        case let .api(status, code, error, details):
            return Self.apiMessage(status: status, code: code, error: error, details: details)
        case .unauthorized:
            return "unauthorized: Lago rejected the API key (check the key and the API URL)"
        case .forbidden(let code):
            return Self.forbiddenMessage(code: code)
        case .notFound(let code):
            return Self.notFoundMessage(code: code)
        case .rateLimited(let retryAfter):
            if let retryAfter {
                return "rate limited by Lago: try again in \(Self.seconds(retryAfter))"
            }
            return "rate limited by Lago: try again shortly"
        case .server(let status):
            return "Lago server error (HTTP \(status)): try again later"
        case .network(let detail):
            return "network error: \(detail)"
        case .connectionFailed(let detail):
            return "cannot reach Lago: \(detail)"
        case .timeout:
            return "timed out waiting for Lago"
        case let .decoding(path, snippet):
            let location = path.isEmpty ? "" : " at \(path)"
            return "unexpected response from Lago\(location) (found: \(snippet))"
        case .cancelled:
            return "cancelled"
        case .outcomeUnknown(let subject):
            return "outcome unknown: check the \(subject) before retrying"
        case .insecureURL(let detail):
            return "refused insecure URL: \(detail)"
        case .invalidConfiguration(let detail):
            return "invalid configuration: \(detail)"
        case .downloadFailed(let detail):
            return "download failed: \(detail)"
        }
    }

    /// Human text for Lago's machine codes (405 refusals, 422 envelopes, 403 reasons).
    static let codeMessages: [String: String] = [
        "not_voidable": "invoice cannot be voided: only finalized invoices can be voided",
        "invalid_status": "refused: the record's current status does not allow this action",
        "payment_processor_is_currently_handling_payment":
            "payment already in progress: the payment processor is handling it",
        "no_active_subscription": "no active subscription: usage exists only for active subscriptions",
        "update_on_voided_invoice": "invoice is voided: it can no longer be changed",
        "payment_status_update_on_draft_invoice":
            "invoice is a draft: its payment status cannot be changed yet",
        "metadata_on_draft_invoice": "invoice is a draft: metadata cannot be set yet",
        "not_disputable": "invoice cannot be disputed: only finalized or voided invoices can",
        "full_usage_not_allowed": "full usage needs Lago's granular lifetime usage feature",
        "lock_acquisition_failed": "Lago is busy with this record: try again in a moment",
        "too_many_provider_requests": "the tax or CRM provider is rate limiting Lago: try again later",
    ]

    /// Lago's generic `error` strings; when `error` is one of these the code says more.
    static let genericErrors: Set<String> = [
        "Bad Request", "Unauthorized", "Forbidden", "Not Found", "Method Not Allowed",
        "Unprocessable Entity", "Too Many Requests", "Too Many Provider Requests",
        "Internal Server Error",
    ]

    private static func apiMessage(status: Int, code: String?, error: String, details: [String: [String]]) -> String {
        if (300..<400).contains(status) {
            return "unexpected HTTP redirect (\(status)): check the API URL"
        }
        let isGeneric = error.isEmpty || genericErrors.contains(error)
        if code == "validation_errors" || (isGeneric && code == nil && !details.isEmpty) {
            return validationMessage(details)
        }
        if isGeneric, let code, let text = codeMessages[code] {
            return details.isEmpty || code != "too_many_provider_requests" ? text : "\(text) (\(detailText(details)))"
        }
        if isGeneric, let code {
            let base = "\(error.isEmpty ? "HTTP \(status)" : error.lowercased()): \(humanize(code))"
            return details.isEmpty ? base : "\(base) (\(detailText(details)))"
        }
        let base = error.isEmpty ? "HTTP \(status)" : error
        return details.isEmpty ? base : "\(base) (\(detailText(details)))"
    }

    private static func forbiddenMessage(code: String?) -> String {
        guard let code else { return "forbidden: this API key may not do that" }
        switch code {
        case "feature_unavailable":
            return "forbidden: this feature is not available for this record or on this Lago plan"
        case "cannot_finalize_with_pending_taxes":
            return "invoice cannot be finalized yet: taxes are still pending at the tax provider"
        case "projected_usage_not_enabled":
            return "forbidden: projected usage is not enabled for this organization"
        case "endpoint_not_available":
            return "forbidden: this endpoint is not available on this Lago instance"
        default:
            if let range = code.range(of: "_action_not_allowed_for_") {
                let mode = code[..<range.lowerBound]
                let resource = humanize(String(code[range.upperBound...]))
                return "forbidden: this API key may not \(mode) \(resource) records"
            }
            return "forbidden: \(humanize(code))"
        }
    }

    private static func notFoundMessage(code: String?) -> String {
        guard let code, code != "resource_not_found" else {
            return "not found: no such record or endpoint (check the ID and the API URL)"
        }
        if code.hasSuffix("_not_found") {
            return "\(humanize(String(code.dropLast("_not_found".count)))) not found"
        }
        return "not found: \(humanize(code))"
    }

    /// Field-level validation codes turned into words.
    static let validationWords: [String: String] = [
        "value_already_exist": "already exists",
        "value_is_invalid": "is invalid",
        "value_is_mandatory": "is required",
        "invalid_date": "is not a valid date",
        "amount_below_minimum": "is below the wallet's minimum top-up",
        "amount_above_maximum": "is above the wallet's maximum top-up",
        "total_amount_exceeds_invoice_amount": "exceeds the invoice amount",
        "wallet_not_found": "wallet not found",
        "wallet_not_traceable": "wallet is not traceable",
        "invalid_amount": "is not a valid amount",
    ]

    private static func validationMessage(_ details: [String: [String]]) -> String {
        details.isEmpty ? "validation failed" : "validation failed: \(detailText(details))"
    }

    private static func detailText(_ details: [String: [String]]) -> String {
        details.keys.sorted().map { field in
            let words = (details[field] ?? []).map { validationWords[$0] ?? humanize($0) }
            return "\(field) \(words.joined(separator: ", "))"
        }.joined(separator: "; ")
    }

    /// `invoice_not_found` → `invoice not found`.
    static func humanize(_ code: String) -> String {
        code.replacingOccurrences(of: "_", with: " ")
    }

    static func seconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let rounded = seconds + (attoseconds > 0 ? 1 : 0)
        return rounded == 1 ? "1 second" : "\(rounded) seconds"
    }
}
