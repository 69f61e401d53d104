import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where a profile's cache database lives, and the file-system rules for it: the directory is
/// private to the user (0700) and every database file, including SQLite's `-wal` and `-shm`
/// companions, is 0600, because the cache holds billing and personal data.
public struct CacheLocation: Sendable, Equatable {
    /// The directory holding every profile's database.
    public let directory: URL
    /// The profile's database file.
    public let databaseURL: URL

    /// Resolves the location for a profile; `directory` overrides the XDG default.
    ///
    /// With an `origin` (the API base URL, path prefix included) the file is
    /// `<profile>@<hash of origin>.sqlite`: one profile pointed at two servers, or at one host
    /// under two prefixes, never reads one server's pages as the other's.
    public init(directory: URL? = nil, profile: String, origin: URL? = nil,
                environment: [String: String] = ProcessInfo.processInfo.environment) {
        let base = directory ?? Self.defaultDirectory(environment: environment)
        self.directory = base
        let stem = Self.fileStem(for: profile) + (origin.map { "@" + Self.originTag($0) } ?? "")
        self.databaseURL = base.appendingPathComponent("\(stem).sqlite", isDirectory: false)
    }

    /// A stable 16-hex-digit tag for a base URL (FNV-1a over scheme, host, port and path;
    /// case of scheme and host and a trailing slash do not matter).
    public static func originTag(_ origin: URL) -> String {
        let components = URLComponents(url: origin, resolvingAgainstBaseURL: false)
        var path = components?.percentEncodedPath ?? origin.path
        while path.hasSuffix("/") { path.removeLast() }
        let port = components?.port.map { ":\($0)" } ?? ""
        let text = "\(origin.scheme?.lowercased() ?? "")://\(origin.host?.lowercased() ?? "")\(port)\(path)"
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// `$XDG_CACHE_HOME/lagotui` when XDG_CACHE_HOME is an absolute path, else `~/.cache/lagotui`.
    public static func defaultDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") {
            return URL(fileURLWithPath: xdg, isDirectory: true).appendingPathComponent("lagotui", isDirectory: true)
        }
        let home = environment["HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil } ?? NSHomeDirectory()
        return URL(fileURLWithPath: home, isDirectory: true)
            .appendingPathComponent(".cache", isDirectory: true)
            .appendingPathComponent("lagotui", isDirectory: true)
    }

    /// A file-name-safe stem for a profile: letters, digits, `-` and `_` kept, others become `_`.
    static func fileStem(for profile: String) -> String {
        let kept = profile.unicodeScalars.map { scalar -> Character in
            let ok = scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || scalar == "-" || scalar == "_")
            return ok ? Character(scalar) : "_"
        }
        let stem = String(kept)
        return stem.isEmpty ? "default" : stem
    }

    /// The database file and its SQLite companions.
    public var allFiles: [URL] {
        ["", "-wal", "-shm"].map { URL(fileURLWithPath: databaseURL.path + $0) }
    }

    /// Creates the directory (0700, parents too) and the database file (0600) if missing, and
    /// tightens their modes if they exist. SQLite gives `-wal`/`-shm` the database file's mode,
    /// so pre-creating the file at 0600 keeps all three private without touching the umask.
    func prepare() throws {
        try Self.makeDirectory(directory.path)
        try Self.makePrivate(directory.path)
        let fd = open(databaseURL.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw CacheFileError.posix("open", databaseURL.path, errno) }
        close(fd)
        for file in allFiles where FileManager.default.fileExists(atPath: file.path) {
            guard chmod(file.path, 0o600) == 0 else { throw CacheFileError.posix("chmod", file.path, errno) }
        }
    }

    /// Tightens the directory to 0700 when it is ours to tighten: owned by us and not a
    /// shared sticky directory such as /tmp (a configured directory could be one).
    private static func makePrivate(_ path: String) throws {
        var info = stat()
        guard stat(path, &info) == 0 else { throw CacheFileError.posix("stat", path, errno) }
        guard info.st_uid == geteuid(), info.st_mode & S_ISVTX == 0, info.st_mode & 0o777 != 0o700 else { return }
        guard chmod(path, 0o700) == 0 else { throw CacheFileError.posix("chmod", path, errno) }
    }

    private static func makeDirectory(_ path: String) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw CacheFileError.posix("mkdir", path, ENOTDIR) }
            return
        }
        let parent = (path as NSString).deletingLastPathComponent
        if parent != path, !parent.isEmpty { try makeDirectory(parent) }
        if mkdir(path, 0o700) != 0, errno != EEXIST { throw CacheFileError.posix("mkdir", path, errno) }
    }

    /// Moves a damaged database (and its companions) aside as `<name>.corrupt-<unix time>`
    /// and returns the new path of the main file.
    func moveAside(now: Date) throws -> URL {
        let suffix = ".corrupt-\(Int(now.timeIntervalSince1970))"
        let target = URL(fileURLWithPath: databaseURL.path + suffix)
        for (index, file) in allFiles.enumerated() where FileManager.default.fileExists(atPath: file.path) {
            let destination = index == 0 ? target : URL(fileURLWithPath: target.path + ["", "-wal", "-shm"][index])
            if FileManager.default.fileExists(atPath: destination.path) {
                try FileManager.default.removeItem(at: destination)
            }
            guard rename(file.path, destination.path) == 0 else { throw CacheFileError.posix("rename", file.path, errno) }
        }
        return target
    }

    /// Total bytes of the database file and its companions on disk.
    func bytesOnDisk() -> Int64 {
        allFiles.reduce(0) { total, file in
            let size = (try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? NSNumber)?.int64Value ?? 0
            return total + size
        }
    }
}

/// A file-system failure while preparing the cache directory; carries no data, only the path.
enum CacheFileError: Error, CustomStringConvertible {
    case posix(String, String, Int32)

    var description: String {
        switch self {
        case .posix(let call, let path, let code):
            return "\(call) \(path): \(String(cString: strerror(code)))"
        }
    }
}
