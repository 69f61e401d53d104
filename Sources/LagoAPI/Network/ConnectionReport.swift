import Foundation

/// What one connection to the server turned out to be: protocol versions, the server's
/// certificate and the route. Gathered only when ``CurlTransport/Options/inspectConnections``
/// is on (for `lagotui doctor`), because collecting the certificate chain costs a little on
/// every handshake.
public struct ConnectionReport: Sendable, Equatable {
    /// `HTTP/2`, `HTTP/1.1` or `HTTP/1.0`.
    public var httpVersion: String
    /// `TLSv1.3`, `TLSv1.2`…; `nil` for plain HTTP.
    public var tlsVersion: String?
    /// The negotiated cipher suite, e.g. `TLS_AES_256_GCM_SHA384`.
    public var cipher: String?
    /// The subject of the server's certificate, e.g. `CN = billing.example.com`.
    public var certificateSubject: String?
    /// Who issued the server's certificate.
    public var certificateIssuer: String?
    /// When the server's certificate expires.
    public var certificateExpiry: Date?
    /// The proxy the request went through (credentials removed), `nil` when direct.
    public var proxy: String?

    /// Creates a report.
    public init(
        httpVersion: String, tlsVersion: String? = nil, cipher: String? = nil, certificateSubject: String? = nil,
        certificateIssuer: String? = nil, certificateExpiry: Date? = nil, proxy: String? = nil
    ) {
        self.httpVersion = httpVersion
        self.tlsVersion = tlsVersion
        self.cipher = cipher
        self.certificateSubject = certificateSubject
        self.certificateIssuer = certificateIssuer
        self.certificateExpiry = certificateExpiry
        self.proxy = proxy
    }

    /// Parses OpenSSL's certificate time as libcurl reports it: `Dec  3 01:40:53 2027 GMT`.
    public static func certificateDate(_ text: String) -> Date? {
        let collapsed = text.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "MMM d HH:mm:ss yyyy zzz"
        return formatter.date(from: collapsed)
    }

    /// Reads libcurl's `SSL connection using TLSv1.3 / TLS_AES_256_GCM_SHA384 …` line.
    public static func tlsParameters(fromDebugLine line: String) -> (version: String, cipher: String?)? {
        let prefix = "SSL connection using "
        guard let range = line.range(of: prefix) else { return nil }
        let parts = line[range.upperBound...].split(separator: "/").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        guard let version = parts.first, !version.isEmpty else { return nil }
        return (version, parts.count > 1 ? parts[1] : nil)
    }
}
