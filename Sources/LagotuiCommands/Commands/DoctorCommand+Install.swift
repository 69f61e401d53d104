import Foundation
import TerminalUI

extension DoctorCommand {
    /// Which build runs and from where, and where it finds its themes: the lines an on-call
    /// engineer needs when a package was installed by hand on a bastion host.
    static func installChecks(theme chosen: String?, environment: [String: String],
                              executable: URL? = Bundle.main.executableURL) -> [DoctorCheck] {
        let binary = executable?.resolvingSymlinksInPath().path ?? "(unknown path)"
        var out = [DoctorCheck(.ok, "version", "\(BuildInfo.current.versionLine) at \(binary)")]

        var loader = ThemeLoader(environment: environment)
        loader.installedDirectories = ThemeLoader.installedDirectories(executable: executable)
        let installed = loader.installedDirectories.map { dir in
            "\(dir.path) (\(ThemeLoader.themeNames(in: dir).joined(separator: ", ")))"
        }
        out.append(DoctorCheck(.ok, "themes", installed.isEmpty
                ? "none installed next to the binary or in /usr/share/lagotui/themes; the built-in ones serve"
                : "installed in \(installed.joined(separator: "; "))"))
        if let user = loader.userDirectory {
            let names = ThemeLoader.themeNames(in: user)
            out.append(DoctorCheck(.ok, "themes", names.isEmpty ? "no user themes in \(user.path)" : "user themes in \(user.path) (\(names.joined(separator: ", ")))"))
        }

        let name = chosen ?? ThemeLoader.defaultThemeName(environment: environment)
        switch loader.location(of: name) {
        case let .user(path)?, let .installed(path)?:
            out.append(DoctorCheck(.ok, "theme", "\(name) from \(path)"))
        case .builtIn?:
            out.append(DoctorCheck(.ok, "theme", "\(name) (built into the binary)"))
        case nil:
            out.append(DoctorCheck(.fail, "theme", "no theme named \(name)",
                                   advice: "choose one of \(loader.availableThemes().joined(separator: ", "))", failure: .usage))
        }
        return out
    }
}
