import CBuildStamp
import LagoAPI

/// What `lagotui --version` says: the version, the commit the binary was built from and the
/// build date. Commit and date are stamped into the linked binary by `scripts/package`
/// (see `CBuildStamp`); a build from source that was not packaged says so instead.
public struct BuildInfo: Sendable, Equatable {
    public var version: String
    /// The commit (`git rev-parse HEAD`, `-dirty` when the tree had changes); nil when unstamped.
    public var commit: String?
    /// The build date, ISO 8601 UTC; nil when unstamped.
    public var date: String?

    /// This binary's build information.
    public static let current = BuildInfo(version: LagotuiVersion.current, stamp: String(cString: lagotui_build_stamp()))

    /// Reads a stamp `commit=<sha>;date=<ISO 8601>`; unknown fields are ignored, an empty stamp
    /// leaves both nil.
    public init(version: String, stamp: String) {
        self.version = version
        for field in stamp.split(separator: ";") {
            let parts = field.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[1].isEmpty else { continue }
            switch parts[0] {
            case "commit": commit = parts[1]
            case "date": date = parts[1]
            default: continue
            }
        }
    }

    /// `0.1.0 (commit 97bab2a3c1d2, built 2026-12-04T01:40:00Z)`, or
    /// `0.1.0 (built from source, not packaged)`.
    public var versionLine: String {
        guard let commit else { return "\(version) (built from source, not packaged)" }
        return "\(version) (commit \(commit), built \(date ?? "on an unknown date"))"
    }
}
