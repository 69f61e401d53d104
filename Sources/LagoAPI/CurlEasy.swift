import CCurl
import Foundation

/// Sets up one libcurl easy handle for a ``CurlTransfer`` and reads its outcome.
enum CurlEasy {
    /// Creates and configures the easy handle (loop thread only).
    static func configure(_ transfer: CurlTransfer) throws(LagoError) -> UnsafeMutableRawPointer {
        guard let easy = curl_easy_init() else {
            throw .network("libcurl could not create a handle")
        }
        transfer.easy = easy
        let request = transfer.request
        let options = transfer.options
        let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE))
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE))
        transfer.errorBuffer = errorBuffer

        var failures: [CURLoption] = []
        func check(_ code: CURLcode, _ option: CURLoption) { if code != CURLE_OK { failures.append(option) } }
        func set(_ option: CURLoption, _ value: Int) { check(lagocurl_easy_setopt_long(easy, option, value), option) }
        func set(_ option: CURLoption, _ value: String) { check(lagocurl_easy_setopt_string(easy, option, value), option) }

        set(CURLOPT_URL, request.url.absoluteString)
        set(CURLOPT_NOSIGNAL, 1)
        set(CURLOPT_PROTOCOLS_STR, "http,https")
        set(CURLOPT_SSL_VERIFYPEER, 1)
        set(CURLOPT_SSL_VERIFYHOST, 2)
        set(CURLOPT_HTTP_VERSION, Int(CURL_HTTP_VERSION_2TLS))
        set(CURLOPT_ACCEPT_ENCODING, "")
        set(CURLOPT_TCP_KEEPALIVE, 1)
        set(CURLOPT_CONNECTTIMEOUT_MS, milliseconds(options.connectTimeout))
        set(CURLOPT_TIMEOUT_MS, milliseconds(request.timeout ?? options.requestTimeout))
        check(lagocurl_easy_setopt_pointer(easy, CURLOPT_ERRORBUFFER, errorBuffer), CURLOPT_ERRORBUFFER)
        configureRoute(easy, transfer, check: check)

        if request.followRedirects {
            set(CURLOPT_FOLLOWLOCATION, 1)
            set(CURLOPT_MAXREDIRS, 5)
            set(CURLOPT_UNRESTRICTED_AUTH, 0)
            set(CURLOPT_REDIR_PROTOCOLS_STR, request.url.scheme?.lowercased() == "https" ? "https" : "http,https")
        } else {
            set(CURLOPT_FOLLOWLOCATION, 0)
        }

        switch request.method {
        case .get:
            set(CURLOPT_HTTPGET, 1)
        case .post, .put, .delete:
            if request.method != .post { set(CURLOPT_CUSTOMREQUEST, request.method.rawValue) }
            if request.method != .delete || request.body != nil {
                set(CURLOPT_POST, 1)
                let body = request.body ?? Data()
                set(CURLOPT_POSTFIELDSIZE, body.count)
                body.withUnsafeBytes { raw in
                    let pointer = UnsafeMutableRawPointer(mutating: raw.baseAddress ?? UnsafeRawPointer(bitPattern: 1)!)
                    check(lagocurl_easy_setopt_pointer(easy, CURLOPT_COPYPOSTFIELDS, pointer), CURLOPT_COPYPOSTFIELDS)
                }
            }
            // A mutation never rides a kept-alive connection: libcurl re-sends a request on
            // its own when a reused connection turns out dead, which could repeat an action.
            set(CURLOPT_FRESH_CONNECT, 1)
            set(CURLOPT_FORBID_REUSE, 1)
        }

        var list: UnsafeMutablePointer<curl_slist>?
        for (name, value) in request.headers.sorted(by: { $0.key < $1.key }) {
            guard isSafeHeader(name, value) else { throw .invalidConfiguration("header \(name) contains a line break") }
            list = curl_slist_append(list, "\(name): \(value)")
        }
        list = curl_slist_append(list, "Expect:")
        transfer.headerList = list
        check(lagocurl_easy_setopt_slist(easy, CURLOPT_HTTPHEADER, list), CURLOPT_HTTPHEADER)

        let context = Unmanaged.passUnretained(transfer).toOpaque()
        check(lagocurl_easy_setopt_data_callback(easy, CURLOPT_WRITEFUNCTION) { bytes, size, count, context in
            guard let context else { return 0 }
            let transfer = Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
            guard let bytes else { return 0 }
            return transfer.receiveBody(UnsafeRawPointer(bytes), count: size * count)
        }, CURLOPT_WRITEFUNCTION)
        check(lagocurl_easy_setopt_pointer(easy, CURLOPT_WRITEDATA, context), CURLOPT_WRITEDATA)
        check(lagocurl_easy_setopt_data_callback(easy, CURLOPT_HEADERFUNCTION) { bytes, size, count, context in
            guard let context, let bytes else { return 0 }
            let transfer = Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
            transfer.receiveHeaderLine(UnsafeRawPointer(bytes), count: size * count)
            return size * count
        }, CURLOPT_HEADERFUNCTION)
        check(lagocurl_easy_setopt_pointer(easy, CURLOPT_HEADERDATA, context), CURLOPT_HEADERDATA)

        if !failures.isEmpty {
            let names = failures.map { String($0.rawValue) }.joined(separator: ", ")
            throw .invalidConfiguration("libcurl rejected options \(names)")
        }
        return easy
    }

    /// Trust, client certificate, proxy, HTTP/2 connection sharing and (for doctor) inspection.
    private static func configureRoute(_ easy: UnsafeMutableRawPointer, _ transfer: CurlTransfer,
                                       check: (CURLcode, CURLoption) -> Void) {
        let tls = transfer.options.tls
        if let pem = transfer.certificates.pem {
            pem.withUnsafeBytes { raw in
                check(lagocurl_easy_setopt_blob(easy, CURLOPT_CAINFO_BLOB, raw.baseAddress, raw.count), CURLOPT_CAINFO_BLOB)
                check(lagocurl_easy_setopt_blob(easy, CURLOPT_PROXY_CAINFO_BLOB, raw.baseAddress, raw.count), CURLOPT_PROXY_CAINFO_BLOB)
            }
        }
        if let certificate = tls.clientCertificate {
            check(lagocurl_easy_setopt_string(easy, CURLOPT_SSLCERT, certificate), CURLOPT_SSLCERT)
            check(lagocurl_easy_setopt_string(easy, CURLOPT_SSLKEY, tls.clientKey ?? certificate), CURLOPT_SSLKEY)
        }
        // Always said explicitly ("" = direct), so libcurl never applies environment rules of
        // its own that doctor would not show.
        check(lagocurl_easy_setopt_string(easy, CURLOPT_PROXY, transfer.proxyRoute?.url ?? ""), CURLOPT_PROXY)
        if transfer.request.url.scheme?.lowercased() == "https" {
            // Wait for a connection being set up instead of opening a parallel one, so
            // concurrent requests multiplex over one HTTP/2 connection.
            check(lagocurl_easy_setopt_long(easy, CURLOPT_PIPEWAIT, 1), CURLOPT_PIPEWAIT)
        }
        guard transfer.options.inspectConnections else { return }
        check(lagocurl_easy_setopt_long(easy, CURLOPT_CERTINFO, 1), CURLOPT_CERTINFO)
        check(lagocurl_easy_setopt_debug_callback(easy, CURLOPT_DEBUGFUNCTION) { _, type, bytes, count, context in
            guard type == CURLINFO_TEXT, let bytes, let context else { return 0 }
            Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue().receiveDebugText(UnsafeRawPointer(bytes), count: count)
            return 0
        }, CURLOPT_DEBUGFUNCTION)
        check(lagocurl_easy_setopt_pointer(easy, CURLOPT_DEBUGDATA, Unmanaged.passUnretained(transfer).toOpaque()), CURLOPT_DEBUGDATA)
        check(lagocurl_easy_setopt_long(easy, CURLOPT_VERBOSE, 1), CURLOPT_VERBOSE)
    }

    /// What the finished transfer's connection was (only when inspecting connections).
    private static func report(of transfer: CurlTransfer, easy: UnsafeMutableRawPointer) -> ConnectionReport? {
        guard transfer.options.inspectConnections else { return nil }
        var version = 0
        _ = lagocurl_easy_getinfo_long(easy, CURLINFO_HTTP_VERSION, &version)
        let http: String
        switch version {
        case Int(CURL_HTTP_VERSION_2_0): http = "HTTP/2"
        case Int(CURL_HTTP_VERSION_3): http = "HTTP/3"
        case Int(CURL_HTTP_VERSION_1_0): http = "HTTP/1.0"
        default: http = "HTTP/1.1"
        }
        func field(_ name: String) -> String? {
            lagocurl_certinfo_field(easy, 0, name).map { String(cString: $0).trimmingCharacters(in: .whitespaces) }
        }
        let tls = transfer.tlsDebugLine.flatMap(ConnectionReport.tlsParameters(fromDebugLine:))
        return ConnectionReport(
            httpVersion: http, tlsVersion: tls?.version, cipher: tls?.cipher,
            certificateSubject: field("Subject").map { TextSanitizer.printable($0, clippedTo: 200) },
            certificateIssuer: field("Issuer").map { TextSanitizer.printable($0, clippedTo: 200) },
            certificateExpiry: field("Expire date").flatMap(ConnectionReport.certificateDate),
            proxy: transfer.proxyRoute?.display)
    }

    /// Turns a finished transfer into a response or a ``LagoError``.
    static func result(of transfer: CurlTransfer, code: CURLcode) -> Result<HTTPResponse, LagoError> {
        guard let easy = transfer.easy else { return .failure(.network("transfer lost its handle")) }
        if code == CURLE_OK {
            var status = 0
            _ = lagocurl_easy_getinfo_long(easy, CURLINFO_RESPONSE_CODE, &status)
            var effective: UnsafeMutablePointer<CChar>?
            _ = lagocurl_easy_getinfo_string(easy, CURLINFO_EFFECTIVE_URL, &effective)
            let url = effective.flatMap { URL(string: String(cString: $0)) } ?? transfer.request.url
            return .success(HTTPResponse(status: status, headers: transfer.headers, body: transfer.body, url: url,
                                         connection: report(of: transfer, easy: easy)))
        }
        return .failure(error(for: code, transfer: transfer, easy: easy))
    }

    private static func error(for code: CURLcode, transfer: CurlTransfer, easy: UnsafeMutableRawPointer) -> LagoError {
        let detail = describe(code, transfer: transfer)
        var verifyResult = 0
        _ = lagocurl_easy_getinfo_long(easy, CURLINFO_SSL_VERIFYRESULT, &verifyResult)
        let host = transfer.request.url.host(percentEncoded: false) ?? "the server"
        if let explained = TLSFailure.explain(code: code, verifyResult: verifyResult, detail: detail, host: host,
                                              proxy: transfer.proxyRoute?.url) {
            return .connectionFailed(explained)
        }
        switch code {
        case CURLE_UNSUPPORTED_PROTOCOL, CURLE_URL_MALFORMAT, CURLE_COULDNT_RESOLVE_PROXY,
             CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_CONNECT, CURLE_SSL_CONNECT_ERROR,
             CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CERTPROBLEM, CURLE_SSL_CIPHER,
             CURLE_SSL_CACERT_BADFILE, CURLE_SSL_ISSUER_ERROR, CURLE_SSL_PINNEDPUBKEYNOTMATCH,
             CURLE_SSL_ENGINE_NOTFOUND, CURLE_SSL_ENGINE_SETFAILED, CURLE_SSL_CRL_BADFILE, CURLE_PROXY:
            return .connectionFailed(detail)
        case CURLE_OPERATION_TIMEDOUT:
            return neverConnected(easy, detail: detail) ? .connectionFailed(detail) : .timeout
        case CURLE_ABORTED_BY_CALLBACK:
            return .cancelled
        case CURLE_WRITE_ERROR where transfer.bodyTooLarge:
            return .network("response larger than \(transfer.options.maxResponseBytes >> 20) MB")
        default:
            return .network(detail)
        }
    }

    /// True only when libcurl says the connect phase itself timed out, so no byte of the
    /// request can have been sent.
    private static func neverConnected(_ easy: UnsafeMutableRawPointer, detail: String) -> Bool {
        var pretransfer: curl_off_t = 0
        var connect: curl_off_t = 0
        _ = lagocurl_easy_getinfo_off_t(easy, CURLINFO_PRETRANSFER_TIME_T, &pretransfer)
        _ = lagocurl_easy_getinfo_off_t(easy, CURLINFO_CONNECT_TIME_T, &connect)
        let phase = detail.hasPrefix("Connection timed out") || detail.hasPrefix("Failed to connect")
            || detail.hasPrefix("Resolving timed out")
        return pretransfer == 0 && connect == 0 && phase
    }

    private static func describe(_ code: CURLcode, transfer: CurlTransfer) -> String {
        if let buffer = transfer.errorBuffer, buffer.pointee != 0 {
            return String(cString: buffer)
        }
        return String(cString: curl_easy_strerror(code))
    }

    private static func milliseconds(_ duration: Duration) -> Int {
        let (seconds, attoseconds) = duration.components
        return max(1, Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000))
    }

    private static func isSafeHeader(_ name: String, _ value: String) -> Bool {
        !(name + value).contains(where: { $0 == "\r" || $0 == "\n" || $0 == "\0" })
    }
}
