import Foundation

/// A private directory per test: HOME, XDG_CONFIG_HOME, XDG_CACHE_HOME, the download
/// directory and the files the wrapper script leaves behind. Removed by `remove()`.
struct WorkDirectory {
    let url: URL
    var path: String { url.path }
    var home: String { path + "/home" }
    var config: String { path + "/config" }
    var cache: String { path + "/cache" }
    var downloads: String { path + "/downloads" }

    init() throws {
        url = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("lagotui-e2e-\(UUID().uuidString.prefix(8))")
        let fm = FileManager.default
        for dir in [path, home, config + "/lagotui", cache, downloads] {
            try fm.createDirectory(atPath: dir, withIntermediateDirectories: true)
        }
    }

    /// Writes `config.toml` (mode 600, so lagotui has no permission warning to print).
    func writeConfig(_ text: String) throws {
        let file = config + "/lagotui/config.toml"
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file)
    }

    /// The isolated environment lagotui runs with: nothing inherited but PATH.
    var environment: [String: String] {
        ["PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": home, "XDG_CONFIG_HOME": config, "XDG_CACHE_HOME": cache,
         "LANG": "C.UTF-8", "TERM": "xterm-256color"]
    }

    func read(_ name: String) -> String? {
        (try? String(contentsOfFile: path + "/" + name, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func remove() { try? FileManager.default.removeItem(at: url) }
}
