import FlyingFox
import Foundation

/// Turns FlyingFox requests into sandbox requests: the API under `/api/v1` (faults, auth,
/// routing, counters), the loopback-only control endpoint under `/_sandbox`, and generated
/// invoice PDFs under `/rails/active_storage/…`.
struct Dispatcher: HTTPHandler {
    let state: SandboxState
    let root: RootBox

    func handleRequest(_ request: FlyingFox.HTTPRequest) async throws -> FlyingFox.HTTPResponse {
        let rawPath = request.target.path()
        let segments = rawPath.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map { QueryParameters.decode(String($0)) }
        let body = (try? await request.bodyData).map { [UInt8]($0) } ?? []
        var headers: [String: String] = [:]
        for (name, value) in request.headers { headers[name.rawValue.lowercased()] = value }
        var sandboxRequest = SandboxRequest(
            method: request.method.rawValue, path: rawPath, segments: Array(segments),
            query: QueryParameters(raw: request.target.query()), headers: headers, body: body)
        if segments.first == "_sandbox" {
            guard Self.isLoopback(request.remoteAddress) else {
                return Self.convert(ApiError.forbidden("control_endpoint_is_loopback_only").response)
            }
            sandboxRequest.segments = Array(segments.dropFirst())
            return Self.convert(ControlEndpoint.handle(sandboxRequest, state: state))
        }
        if segments.count >= 2, segments[0] == "rails", segments[1] == "active_storage" {
            return Self.convert(FileEndpoint.handle(sandboxRequest, state: state))
        }
        guard segments.count >= 2, segments[0] == "api", segments[1] == "v1" else {
            return Self.convert(ApiError.notFound("resource_not_found").response)
        }
        sandboxRequest.segments = Array(segments.dropFirst(2)).filter { !$0.isEmpty }
        return await handleAPI(sandboxRequest)
    }

    private func handleAPI(_ request: SandboxRequest) async -> FlyingFox.HTTPResponse {
        var request = request
        let resolved = Router.api.resolve(method: request.method, segments: request.segments)
        let routeName = resolved?.0.name ?? "unmatched"
        state.counters.withLock {
            $0.totalRequests += 1
            $0.requestsPerRoute[routeName, default: 0] += 1
        }
        // Faults first: a flaky gateway fails requests whatever they are.
        let (decision, latency, rateLimit) = state.faults.withLock { injector in
            (injector.decide(), injector.spec.latencyMilliseconds, injector.rateLimitState)
        }
        let delay = latency + state.options.latencyMilliseconds
        if delay > 0 { try? await Task.sleep(for: .milliseconds(delay)) }
        var rateHeaders: [(String, String)] = []
        if let rateLimit {
            rateHeaders = [("x-ratelimit-limit", String(rateLimit.limit)), ("x-ratelimit-remaining", String(rateLimit.remaining)),
                           ("x-ratelimit-reset", "1")]
        }
        switch decision {
        case .none, .reset, .truncate: break
        case .rateLimited(let seconds):
            countFault("ratelimit")
            var response = ApiError(status: 429, error: "Too Many Requests", code: "too_many_requests").response
            response.headers = [("Retry-After", String(seconds)), ("x-ratelimit-limit", String(rateLimit?.limit ?? 0)),
                                ("x-ratelimit-remaining", "0"), ("x-ratelimit-reset", String(seconds))]
            return Self.convert(response)
        case .status(let status):
            countFault(String(status))
            var response = ApiError(status: status, error: Self.reason(status)).response
            if status == 429 {
                response.headers = [("Retry-After", "1"), ("x-ratelimit-limit", "0"), ("x-ratelimit-remaining", "0"), ("x-ratelimit-reset", "1")]
            }
            return Self.convert(response)
        }
        if decision == .reset {
            countFault("reset")
            return BrokenResponses.reset()
        }
        guard let (route, parameters) = resolved else {
            // Lago's catch-all route answers before authentication.
            return Self.convert(ApiError.notFound("resource_not_found").response)
        }
        let key = request.headers["authorization"].flatMap { header -> String? in
            let parts = header.split(separator: " ", omittingEmptySubsequences: true)
            return parts.count >= 2 ? String(parts[1]) : nil
        }
        guard let key, let accepted = state.apiKey.withLock({ $0 }), key == accepted else {
            return Self.convert(ApiError.unauthorized.response)
        }
        request.parameters = parameters
        let context = HandlerContext(request: request, rootURL: root.root)
        let now = state.clock()
        var response = state.store.withLock { store -> SandboxResponse in
            store.now = max(store.now, now)
            var result: SandboxResponse
            do {
                result = try store.recordingActivity(request) { try route.handler(&$0, context) }
            } catch let error as ApiError {
                result = error.response
            } catch {
                result = ApiError.internalError.response
            }
            if request.method != "GET" {
                store.logRequest(request, response: result)
            }
            return result
        }
        response.headers += rateHeaders
        let converted = Self.convert(response)
        if decision == .truncate {
            countFault("truncate")
            return BrokenResponses.truncated(converted, body: response.body)
        }
        return converted
    }

    private func countFault(_ name: String) {
        state.counters.withLock { $0.faultsInjected[name, default: 0] += 1 }
    }

    static func reason(_ status: Int) -> String {
        switch status {
        case 429: "Too Many Requests"
        case 500: "Internal Server Error"
        case 502: "Bad Gateway"
        case 503: "Service Unavailable"
        case 504: "Gateway Timeout"
        default: HTTPStatusCode(status, phrase: "Error").phrase
        }
    }

    static func convert(_ response: SandboxResponse) -> FlyingFox.HTTPResponse {
        var headers = HTTPHeaders()
        if !(response.body.isEmpty && response.contentType == "text/plain") {
            headers[.contentType] = response.contentType
        }
        for (name, value) in response.headers { headers[HTTPHeader(name)] = value }
        // One buffer the size of the body: FlyingFox writes each chunk with its own syscall.
        let data = Data(response.body)
        return FlyingFox.HTTPResponse(statusCode: HTTPStatusCode(response.status, phrase: reasonPhrase(response.status)),
                                      headers: headers, body: HTTPBodySequence(data: data, suggestedBufferSize: max(4096, data.count)))
    }

    static func reasonPhrase(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 422: "Unprocessable Entity"
        default: reason(status)
        }
    }

    static func isLoopback(_ address: FlyingFox.HTTPRequest.Address?) -> Bool {
        switch address {
        case .ip4(let ip, _): ip.hasPrefix("127.")
        case .ip6(let ip, _): ip == "::1" || ip.hasPrefix("::ffff:127.")
        case .unix: true
        case .none: false
        }
    }
}
