/// How a ``CurlTransport`` authenticates TLS connections, beyond the system's defaults.
///
/// Verification of the server's certificate and host name is always on; these settings only
/// add trust (a company CA) or present a client certificate (mutual TLS). Paths are read by
/// libcurl when a connection is made, except `caFile`, which is read once per transport (see
/// ``CertificateBundle``).
public struct TLSSettings: Sendable, Equatable {
    /// A PEM bundle of extra certificate authorities, trusted *in addition to* the system's.
    public var caFile: String?
    /// A PEM client certificate for mutual TLS (it may also hold the key).
    public var clientCertificate: String?
    /// The PEM private key of ``clientCertificate`` when it is in a file of its own.
    public var clientKey: String?

    /// Creates settings; all `nil` means the system's trust store and no client certificate.
    public init(caFile: String? = nil, clientCertificate: String? = nil, clientKey: String? = nil) {
        self.caFile = caFile
        self.clientCertificate = clientCertificate
        self.clientKey = clientKey
    }
}
