import Foundation
import Testing
@testable import TerminalUI

/// Installed themes: a binary in PREFIX/bin finds PREFIX/share/lagotui/themes (the tarball and
/// the .deb lay them out so), after the user's own and before the built-in ones.
struct ThemeInstallTests {
    /// A PREFIX tree with `bin/lagotui` and the given theme files installed.
    func prefix(themes: [String: String]) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("lagotui-prefix-\(UUID().uuidString)")
        let dir = root.appendingPathComponent("share/lagotui/themes")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("bin"), withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: root.appendingPathComponent("bin/lagotui").path, contents: Data())
        for (name, text) in themes { try Data(text.utf8).write(to: dir.appendingPathComponent(name + ".theme")) }
        return root
    }

    @Test func aBinaryInPrefixBinFindsPrefixShareThemes() throws {
        let root = try prefix(themes: ["oncall": "name = oncall\ntext.accent = magenta\n"])
        defer { try? FileManager.default.removeItem(at: root) }
        let dirs = ThemeLoader.installedDirectories(executable: root.appendingPathComponent("bin/lagotui"))
        #expect(dirs.first?.standardizedFileURL.path == root.appendingPathComponent("share/lagotui/themes").standardizedFileURL.path)

        let loader = ThemeLoader(userDirectory: nil, installedDirectories: dirs)
        #expect(loader.availableThemes().contains("oncall"))
        #expect(loader.location(of: "oncall") == .installed(dirs[0].appendingPathComponent("oncall.theme").path))
        #expect(loader.location(of: "light") == .builtIn)
        #expect(loader.location(of: "nosuch") == nil)
        #expect(try loader.load("oncall").name == "oncall")
    }

    @Test func userThemesComeBeforeInstalledOnes() throws {
        let installed = try prefix(themes: ["dark": "name = installed-dark\n"])
        let user = try prefix(themes: ["dark": "name = user-dark\n"])
        defer {
            try? FileManager.default.removeItem(at: installed)
            try? FileManager.default.removeItem(at: user)
        }
        let installedDirs = ThemeLoader.installedDirectories(executable: installed.appendingPathComponent("bin/lagotui"))
        let userDir = user.appendingPathComponent("share/lagotui/themes")
        #expect(try ThemeLoader(userDirectory: userDir, installedDirectories: installedDirs).load("dark").name == "user-dark")
        #expect(try ThemeLoader(userDirectory: nil, installedDirectories: installedDirs).load("dark").name == "installed-dark")
    }

    @Test func aMissingPrefixAddsNoDirectory() {
        let dirs = ThemeLoader.installedDirectories(executable: URL(fileURLWithPath: "/nonexistent-\(UUID().uuidString)/bin/lagotui"))
        #expect(dirs.allSatisfy { $0.path == "/usr/share/lagotui/themes" })
    }

    @Test func pathsAreNotThemeNames() {
        #expect(ThemeLoader(userDirectory: nil).location(of: "../etc/passwd") == nil)
    }
}
