import CCurl
import Foundation

/// Turns a TLS or proxy failure into one line that names its cause and what to do.
///
/// libcurl's own texts ("SSL certificate problem: unable to get local issuer certificate")
/// are accurate but leave a user guessing; these say which certificate, what is wrong with it,
/// and which setting fixes it. Every case here is a refusal before any request was sent, so
/// the caller reports it as ``LagoError/connectionFailed(_:)`` (exit 8).
enum TLSFailure {
    /// OpenSSL's `X509_V_ERR_*` codes that mean "issuer not trusted".
    static let untrustedIssuer: Set<Int> = [2, 18, 19, 20, 21, 27]

    /// The explanation for a failed transfer, or `nil` when the failure is not about TLS or
    /// the proxy (the caller keeps libcurl's text).
    static func explain(code: CURLcode, verifyResult: Int, detail: String, host: String, proxy: String?) -> String? {
        switch code {
        case CURLE_PEER_FAILED_VERIFICATION:
            switch verifyResult {
            case 10:
                return "the TLS certificate of \(host) has expired"
            case 9:
                return "the TLS certificate of \(host) is not valid yet (check this machine's clock)"
            case 62:
                return "the TLS certificate presented by \(host) is for another host name"
            case let result where untrustedIssuer.contains(result):
                return "the TLS certificate of \(host) is signed by an unknown authority; add your CA with --cacert FILE or ca_file"
            default:
                if detail.contains("subject name") || detail.contains("does not match target host") {
                    return "the TLS certificate presented by \(host) is for another host name"
                }
                return "the TLS certificate of \(host) was refused (\(detail))"
            }
        case CURLE_SSL_CERTPROBLEM:
            return "the client certificate could not be used (check client_cert and client_key): \(detail)"
        case CURLE_SSL_CACERT_BADFILE:
            return "the CA bundle could not be read (check ca_file): \(detail)"
        case CURLE_SSL_CONNECT_ERROR:
            if detail.contains("certificate required") {
                return "\(host) requires a client certificate; set client_cert and client_key"
            }
            if detail.contains("unknown ca") || detail.contains("bad certificate") {
                return "\(host) refused the client certificate (\(detail))"
            }
            return "the TLS handshake with \(host) failed (\(detail))"
        case CURLE_COULDNT_RESOLVE_PROXY:
            return "cannot resolve the proxy \(proxy.map(ProxySettings.redact) ?? "")".trimmingCharacters(in: .whitespaces)
        case CURLE_PROXY:
            return "the proxy \(proxy.map(ProxySettings.redact) ?? "") refused the connection (\(detail))"
        case CURLE_COULDNT_CONNECT where proxy != nil && detail.localizedCaseInsensitiveContains("proxy"):
            return "cannot connect to the proxy \(ProxySettings.redact(proxy!)) (\(detail))"
        default:
            return nil
        }
    }

    /// A TLS gateway's refusal sent as an HTTP page rather than a handshake failure: nginx
    /// answers `400 No required SSL certificate was sent` when mutual TLS is on and no client
    /// certificate came, and `400 The SSL certificate error` when it came but is not trusted.
    /// The request never reached Lago, so it is a connection failure, not a Lago 400.
    static func gatewayRefusal(_ response: HTTPResponse) -> LagoError? {
        guard response.status == 400, response.body.count < 4096 else { return nil }
        let text = String(decoding: response.body, as: UTF8.self)
        let host = response.url.host(percentEncoded: false) ?? "the server"
        if text.contains("No required SSL certificate was sent") {
            return .connectionFailed("\(host) requires a client certificate; set client_cert and client_key (or --client-cert and --client-key)")
        }
        if text.contains("The SSL certificate error") {
            return .connectionFailed("\(host) refused the client certificate (not signed by a CA it trusts)")
        }
        return nil
    }
}
