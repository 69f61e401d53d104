import LagoAPI
/// An API log entry as a request and its answer: the method, path and status (coloured by
/// class), who sent it and when, then the request body and the response, each pretty-printed
/// when it is JSON (Lago may send either a JSON value or a JSON-encoded string).
enum ApiLogDocument {
    static func lines(_ log: JSONValue) -> [StyledText] {
        let status = log.int64("http_status")
        let role: StatusRole = status.map { $0 >= 500 ? .danger : $0 >= 400 ? .warning : .success } ?? .muted
        let request = [log.string("http_method")?.uppercased(), log.string("request_path")].compactMap { $0 }.joined(separator: " ")
        var out = [StyledText(request.isEmpty ? "request" : request, role: .accent, trailing: status.map { String($0) })]
        out.append(StyledText(status.map { String($0) } ?? "no status", role: role))
        let about = [log.string("client"), log.string("api_version"), log.string("logged_at").map(Format.date), log.string("request_origin")]
            .compactMap(\.nonEmpty).joined(separator: " · ")
        if !about.isEmpty { out.append(StyledText(about, role: .muted)) }
        if let id = log.string("request_id") { out.append(StyledText("request id " + id, role: .muted)) }
        out += body("Request body", log["request_body"])
        out += body("Response", log["request_response"])
        return out
    }

    static func body(_ title: String, _ value: JSONValue?) -> [StyledText] {
        var out = [StyledText(""), StyledText(title, role: .info)]
        guard var json = value, !json.isNull else { return out + [StyledText("(none)", role: .muted, indent: 1)] }
        if case let .string(text) = json {
            guard !text.isEmpty else { return out + [StyledText("(empty)", role: .muted, indent: 1)] }
            guard let parsed = try? JSONValue.parse(text) else {
                return out + text.split(separator: "\n", omittingEmptySubsequences: false).map { StyledText(String($0), indent: 1) }
            }
            json = parsed
        }
        out += json.prettyPrinted().split(separator: "\n", omittingEmptySubsequences: false).map { StyledText(String($0), indent: 1) }
        return out
    }
}
