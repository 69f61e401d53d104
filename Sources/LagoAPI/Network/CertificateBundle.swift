import CCurl
import Foundation

/// The certificate authorities a transport trusts: the system bundle plus an optional PEM file.
///
/// libcurl's `CURLOPT_CAINFO` *replaces* the default bundle, which would make a company CA the
/// only trusted one and break Lago Cloud. Instead the system bundle and the extra file are
/// concatenated once per transport and handed over as `CURLOPT_CAINFO_BLOB`, so the file is
/// added to verification, never substituted for it.
public struct CertificateBundle: Sendable, Equatable {
    /// The system bundle that was read, if one exists.
    public let systemPath: String?
    /// The extra PEM file, if any.
    public let extraPath: String?
    /// System certificates followed by the extra ones, PEM; `nil` when there is no extra file
    /// (libcurl then uses its built-in default unchanged).
    public let pem: Data?
    /// How many certificates the extra file holds.
    public let extraCount: Int

    /// Where libcurl looks by default (its compiled-in `CURLINFO_CAINFO`), else the usual
    /// Debian/Red Hat/Alpine locations, whichever exists.
    public static let systemBundlePath: String? = {
        CurlGlobal.initialize()
        var candidates: [String] = []
        if let easy = curl_easy_init() {
            var path: UnsafeMutablePointer<CChar>?
            if lagocurl_easy_getinfo_string(easy, CURLINFO_CAINFO, &path) == CURLE_OK, let path {
                candidates.append(String(cString: path))
            }
            curl_easy_cleanup(easy)
        }
        candidates += ["/etc/ssl/certs/ca-certificates.crt", "/etc/pki/tls/certs/ca-bundle.crt", "/etc/ssl/cert.pem"]
        return candidates.first { FileManager.default.isReadableFile(atPath: $0) }
    }()

    /// Loads the bundle for `extraPath`; throws when the file cannot be read or holds no
    /// PEM certificate (a typo must not silently fall back to the system store).
    public static func load(extraPath: String?, systemPath: String? = CertificateBundle.systemBundlePath)
        throws(LagoError) -> CertificateBundle
    {
        guard let extraPath else {
            return CertificateBundle(systemPath: systemPath, extraPath: nil, pem: nil, extraCount: 0)
        }
        guard let extra = FileManager.default.contents(atPath: extraPath) else {
            throw .invalidConfiguration("CA file \(extraPath) cannot be read")
        }
        let count = certificateCount(extra)
        guard count > 0 else {
            throw .invalidConfiguration("CA file \(extraPath) holds no PEM certificate (-----BEGIN CERTIFICATE-----)")
        }
        var pem = systemPath.flatMap { FileManager.default.contents(atPath: $0) } ?? Data()
        if let last = pem.last, last != UInt8(ascii: "\n") { pem.append(UInt8(ascii: "\n")) }
        pem.append(extra)
        return CertificateBundle(systemPath: systemPath, extraPath: extraPath, pem: pem, extraCount: count)
    }

    /// How many `BEGIN CERTIFICATE` blocks a PEM text holds.
    public static func certificateCount(_ pem: Data) -> Int {
        String(decoding: pem, as: UTF8.self).components(separatedBy: "-----BEGIN CERTIFICATE-----").count - 1
    }

    /// One line for `doctor`: `system bundle /etc/ssl/certs/ca-certificates.crt + /etc/corp-ca.pem (1 certificate)`.
    public var summary: String {
        let system = systemPath.map { "system bundle \($0)" } ?? "no system bundle"
        guard let extraPath else { return system }
        return "\(system) + \(extraPath) (\(extraCount) certificate\(extraCount == 1 ? "" : "s"))"
    }
}
