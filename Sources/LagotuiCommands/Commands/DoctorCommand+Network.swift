import Foundation
import LagoAPI

/// The network lines of `lagotui doctor`: which CAs are trusted, the client certificate, the
/// proxy route (before the API call), then the TLS version, HTTP version and the server's
/// certificate as the API call found them. Paths and proxy hosts are shown; keys, proxy
/// passwords and certificate contents never are.
extension DoctorCommand {
    /// CA, client certificate and proxy as configured, checked without a request.
    static func routeChecks(_ settings: Settings) -> [DoctorCheck] {
        let network = settings.network
        for secret in network.proxySecrets(for: settings.apiURL) { Diagnostics.shared.addSecret(secret) }
        var out: [DoctorCheck] = []
        do {
            let bundle = try CertificateBundle.load(extraPath: network.caFile?.path)
            let source = network.caFile.map { " (from \($0.source))" } ?? ""
            out.append(DoctorCheck(bundle.systemPath == nil && bundle.extraPath == nil ? .warn : .ok, "ca",
                                   bundle.summary + source,
                                   advice: bundle.systemPath == nil ? "install ca-certificates: public CAs are not trusted" : nil))
        } catch {
            out.append(DoctorCheck(.fail, "ca", error.message, advice: "point ca_file (or --cacert) at a PEM bundle",
                                   failure: .usage))
        }
        if let cert = network.clientCert {
            let key = network.clientKey.map { ", key \($0.path)" } ?? ""
            out.append(DoctorCheck(.ok, "client tls", "certificate \(cert.path)\(key) (from \(cert.source))"))
        }
        // A private key readable by others is among the settings' warnings (shown under "config").
        if let route = network.proxyRoute(for: settings.apiURL) {
            out.append(DoctorCheck(.ok, "proxy", "\(route.display) (from \(route.source))"))
        } else {
            let exempt = network.proxy.isExempt(settings.apiURL.host ?? "")
            out.append(DoctorCheck(.ok, "proxy", exempt ? "none: \(settings.apiURL.host ?? "the host") is in NO_PROXY" : "none (direct connection)"))
        }
        return out
    }

    /// TLS version, HTTP version and the server certificate's expiry, from the API call.
    static func connectionChecks(_ report: ConnectionReport?, settings: Settings, now: Date = Date()) -> [DoctorCheck] {
        guard let report else { return [] }
        var out: [DoctorCheck] = []
        if let version = report.tlsVersion {
            out.append(DoctorCheck(.ok, "tls", version + (report.cipher.map { " (\($0))" } ?? "") + ", certificate verified"))
        } else if settings.apiURL.scheme == "http" {
            out.append(DoctorCheck(.warn, "tls", "none: plain http", advice: "use https outside loopback"))
        }
        out.append(DoctorCheck(.ok, "http", report.httpVersion + (report.proxy.map { " via proxy \($0)" } ?? "")))
        if let expiry = report.certificateExpiry {
            let days = Int(expiry.timeIntervalSince(now) / 86_400)
            let date = ISO8601DateFormatter.string(from: expiry, timeZone: TimeZone(identifier: "UTC")!, formatOptions: [.withFullDate])
            let subject = report.certificateSubject.map { "\($0), " } ?? ""
            let soon = days < 21
            out.append(DoctorCheck(soon ? .warn : .ok, "cert", "\(subject)expires \(date) (in \(days) days)",
                                   advice: soon ? "renew the server certificate before it expires" : nil))
        }
        return out
    }
}
