import Foundation

/// The package's executables as built next to the test bundle (`.build/debug/lagotui`,
/// `.build/debug/lago-sandbox`): the end-to-end tests drive the real products, not modules.
enum BuiltProducts {
    /// Directories that may hold the products: `LAGOTUI_E2E_BIN_DIR` when set (to test other
    /// builds, e.g. a release build), the test runner's own directory and its parents, then
    /// `.build/debug` of this package.
    static let searchDirectories: [URL] = {
        var dirs: [URL] = []
        if let override = ProcessInfo.processInfo.environment["LAGOTUI_E2E_BIN_DIR"], !override.isEmpty {
            return [URL(fileURLWithPath: override)]
        }
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<4 {
            dirs.append(dir)
            dir = dir.deletingLastPathComponent()
        }
        let packageRoot = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        dirs.append(packageRoot.appendingPathComponent(".build/debug"))
        return dirs
    }()

    /// The path of the built executable `name`, or nil when it has not been built.
    static func path(_ name: String) -> String? {
        searchDirectories.map { $0.appendingPathComponent(name).path }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static var lagotui: String? { path("lagotui") }
    static var sandbox: String? { path("lago-sandbox") }
}
