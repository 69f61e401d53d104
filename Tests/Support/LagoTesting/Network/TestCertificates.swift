import Foundation

/// Certificates made with openssl for one test run, in a private temporary directory:
/// a private CA, a server certificate for `127.0.0.1`/`localhost` signed by it, the same
/// signed but expired, one for the wrong host name, and a second CA ("client CA") with a
/// client certificate for mutual TLS. Nothing is copied from elsewhere; every file is new.
public struct TestCertificates: Sendable {
    /// The directory holding every file (removed by ``remove()``).
    public let directory: String

    /// The private CA's certificate (what `--cacert` points at).
    public var caCertificate: String { directory + "/ca.pem" }
    /// A valid server certificate and key.
    public var server: (certificate: String, key: String) { (directory + "/server.pem", directory + "/server.key") }
    /// A server certificate that expired yesterday.
    public var expired: (certificate: String, key: String) { (directory + "/expired.pem", directory + "/server.key") }
    /// A server certificate for `wrong.example` only.
    public var wrongHost: (certificate: String, key: String) { (directory + "/wronghost.pem", directory + "/server.key") }
    /// The CA nginx checks client certificates against.
    public var clientCA: String { directory + "/client-ca.pem" }
    /// A client certificate and key signed by ``clientCA``.
    public var client: (certificate: String, key: String) { (directory + "/client.pem", directory + "/client.key") }
    /// How many days the valid server certificate lasts.
    public static let serverDays = 400

    /// Makes every certificate (a few hundred milliseconds of openssl).
    public static func make() throws -> TestCertificates {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lagotui-certs-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        let certificates = TestCertificates(directory: directory)
        let openssl = NetworkTools.openssl
        func run(_ arguments: [String]) throws { try ChildProcess.run(openssl, arguments, in: directory) }
        func authority(_ name: String, subject: String) throws {
            try run(["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-sha256", "-days", "30", "-subj", subject,
                     "-keyout", "\(name).key", "-out", "\(name).pem",
                     "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign"])
        }
        func sign(_ name: String, key: String, subject: String, ca: String, days: Int, extensions: String) throws {
            try run(["req", "-new", "-key", "\(key).key", "-subj", subject, "-out", "\(name).csr"])
            try extensions.write(toFile: directory + "/\(name).ext", atomically: true, encoding: .utf8)
            try run(["x509", "-req", "-in", "\(name).csr", "-CA", "\(ca).pem", "-CAkey", "\(ca).key", "-CAcreateserial",
                     "-sha256", "-days", String(days), "-extfile", "\(name).ext", "-out", "\(name).pem"])
        }
        try authority("ca", subject: "/O=lagotui tests/CN=lagotui test CA")
        try authority("client-ca", subject: "/O=lagotui tests/CN=lagotui client CA")
        try run(["genrsa", "-out", "server.key", "2048"])
        try run(["genrsa", "-out", "client.key", "2048"])
        let serverExtensions = "subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n"
        try sign("server", key: "server", subject: "/CN=localhost", ca: "ca", days: serverDays, extensions: serverExtensions)
        try sign("expired", key: "server", subject: "/CN=localhost", ca: "ca", days: -1, extensions: serverExtensions)
        try sign("wronghost", key: "server", subject: "/CN=wrong.example", ca: "ca", days: serverDays,
                 extensions: "subjectAltName=DNS:wrong.example\nextendedKeyUsage=serverAuth\n")
        try sign("client", key: "client", subject: "/CN=lagotui client", ca: "client-ca", days: 30,
                 extensions: "extendedKeyUsage=clientAuth\n")
        for key in ["ca.key", "client-ca.key", "server.key", "client.key"] {
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: directory + "/" + key)
        }
        return certificates
    }

    /// Deletes the directory.
    public func remove() {
        try? FileManager.default.removeItem(atPath: directory)
    }
}
