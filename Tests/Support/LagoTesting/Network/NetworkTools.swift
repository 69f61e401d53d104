import Foundation

/// The Debian programs the real-network tests run (installed by `scripts/setup`): nginx,
/// tinyproxy, openssl. When one is missing the tests skip with a message, except under CI
/// (`CI=true`), where ``requirementFailure`` makes them fail: CI must run them.
public enum NetworkTools {
    static func locate(_ name: String) -> String? {
        ["/usr/sbin/", "/usr/bin/", "/usr/local/sbin/", "/usr/local/bin/", "/sbin/", "/bin/"]
            .map { $0 + name }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Path of nginx.
    public static let nginx = locate("nginx") ?? "/usr/sbin/nginx"
    /// Path of tinyproxy.
    public static let tinyproxy = locate("tinyproxy") ?? "/usr/bin/tinyproxy"
    /// Path of openssl.
    public static let openssl = locate("openssl") ?? "/usr/bin/openssl"

    /// The missing programs, empty when all are there.
    public static let missing: [String] = ["nginx", "tinyproxy", "openssl"].filter { locate($0) == nil }

    /// Whether every program is installed.
    public static var available: Bool { missing.isEmpty }

    /// Whether this is a CI run, where missing programs are a failure rather than a skip.
    public static var isCI: Bool {
        ["true", "1", "yes"].contains(ProcessInfo.processInfo.environment["CI"]?.lowercased() ?? "")
    }

    /// The message for a skip or a CI failure.
    public static var missingMessage: String {
        "real-network tests need \(missing.joined(separator: ", ")) (run scripts/setup: apt-get install nginx tinyproxy openssl)"
    }
}
