import BrowserModel
import LagoAPI
import Foundation
import Testing
@testable import LagotuiCommands

/// What the packages carry that the program generates itself (issue 19): the version line,
/// the man page's extra sections and the shell completions, driven through bash as a user's
/// Tab would drive them.
@Suite(.serialized) struct PackagingTests {
    // MARK: version

    @Test func buildStampReadsCommitAndDateAndUnstampedBuildsSaySo() {
        let stamped = BuildInfo(version: "1.2.3", stamp: "commit=97bab2a3c1d2-dirty;date=2026-12-04T01:40:00Z")
        #expect(stamped.commit == "97bab2a3c1d2-dirty")
        #expect(stamped.versionLine == "1.2.3 (commit 97bab2a3c1d2-dirty, built 2026-12-04T01:40:00Z)")
        let unstamped = BuildInfo(version: "1.2.3", stamp: "")
        #expect(unstamped.commit == nil && unstamped.date == nil)
        #expect(unstamped.versionLine == "1.2.3 (built from source, not packaged)")
    }

    @Test func versionFlagPrintsTheVersionLine() async throws {
        let run = BinaryRunner(workDirectory: try TemporaryDirectory())
        defer { run.workDirectory.remove() }
        let result = try await run.run(["--version"])
        #expect(result.status == 0)
        #expect(result.stdout == BuildInfo.current.versionLine + "\n")
        #expect(result.stdout.hasPrefix(LagotuiVersion.current + " ("))
    }

    // MARK: doctor

    @Test func doctorSaysWhereTheBinaryFoundItsThemes() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        _ = try dir.write("name = dark\n", to: "usr/share/lagotui/themes/dark.theme")
        _ = try dir.write("", to: "usr/bin/lagotui", mode: 0o755)
        let themes = dir.url.appendingPathComponent("usr/share/lagotui/themes").standardizedFileURL.path
        let checks = DoctorCommand.installChecks(theme: nil, environment: ["HOME": dir.path + "/home"],
                                                 executable: dir.url.appendingPathComponent("usr/bin/lagotui"))
        let lines = checks.map(\.line)
        #expect(lines.first?.hasPrefix("OK    version    \(BuildInfo.current.versionLine) at ") == true, "\(lines)")
        #expect(lines.contains { $0.contains("installed in \(themes) (dark)") }, "\(lines)")
        #expect(lines.contains("OK    theme      dark from \(themes)/dark.theme"), "\(lines)")
        #expect(lines.contains { $0.contains("no user themes in \(dir.path)/home/.config/lagotui/themes") }, "\(lines)")

        let unknown = DoctorCommand.installChecks(theme: "nosuch", environment: [:], executable: nil)
        #expect(unknown.last?.level == .fail)
        #expect(unknown.last?.failure == .usage)
    }

    // MARK: man page sections

    @Test func manualSectionsComeFromTheRegistryTheConfigKeysAndTheExitCodes() {
        let text = ManualSections.mdoc()
        let headers = text.split(separator: "\n").filter { $0.hasPrefix(".Sh ") }
        #expect(headers == [".Sh KEYS", ".Sh CONFIGURATION", ".Sh ENVIRONMENT", ".Sh FILES", ".Sh EXIT STATUS"])
        for spec in ActionRegistry(readOnly: false).specs {
            #expect(text.contains("(\(spec.id.rawValue)"), "KEYS lacks \(spec.id.rawValue)")
            for key in spec.defaultKeys { #expect(text.contains("Sy \(key.name)"), "KEYS lacks key \(key.name)") }
        }
        for key in ConfigFile.profileKeys { #expect(text.contains(".It Sy \(key)\n"), "CONFIGURATION lacks \(key)") }
        for status in ExitStatus.allCases { #expect(text.contains(".It \(status.rawValue)\n\(status.label)\n")) }
        for line in text.split(separator: "\n") where !line.hasPrefix(".") {
            #expect(!line.hasPrefix("'"), "a text line roff would read as a request: \(line)")
        }
    }

    @Test func manualTextIsEscapedForRoff() {
        #expect(ManualSections.escape(".hidden") == "\\&.hidden")
        #expect(ManualSections.escape("a\\b") == "a\\eb")
    }

    @Test func theConfigParserAcceptsExactlyTheDocumentedKeys() {
        #expect(ConfigFile.profileKeys == Set(ConfigFile.profileKeyDocumentation.map(\.key)))
        #expect(ConfigFile.profileKeys.count == ConfigFile.profileKeyDocumentation.count)
    }

    // MARK: completions

    @Test func filterFlagsPerStreamComeFromTheStreamDefinitions() {
        #expect(ShellCompletion.filterFlags(for: .resource(.invoices)).contains("--overdue"))
        #expect(ShellCompletion.filterFlags(for: .resource(.plans)).isEmpty)
        #expect(ShellCompletion.stream(in: ["lagotui", "--profile", "eu", "export", "fees", "--"]) == .resource(.fees))
    }

    @Test func bashScriptNarrowsFiltersInEveryFilteredCommand() {
        let script = ShellCompletion.script(for: .bash)
        #expect(script.contains("__lagotui_narrow_filters() {"))
        let calls = script.components(separatedBy: "\n").filter { $0 == "    __lagotui_narrow_filters" }
        #expect(calls.count == ShellCompletion.filteredCommands.count)
    }

    /// Tab in bash: the generated script sourced, `_lagotui` called as `complete -F` would, the
    /// built binary answering the custom completions.
    func bashCompletions(_ line: String, config: String? = nil) async throws -> [String] {
        let run = BinaryRunner(workDirectory: try TemporaryDirectory())
        defer { run.workDirectory.remove() }
        let script = try await run.run(["--generate-completion-script", "bash"])
        try #require(script.status == 0, "\(script.stderr)")
        let scriptPath = try run.workDirectory.write(script.stdout, to: "lagotui.bash")
        if let config { _ = try run.workDirectory.write(config, to: "config/lagotui/config.toml") }
        let driver = """
            source "$1"
            COMP_LINE="$2"; COMP_POINT=${#COMP_LINE}; read -ra COMP_WORDS <<<"$COMP_LINE"
            [[ "$COMP_LINE" == *" " ]] && COMP_WORDS+=("")
            COMP_WORDS[0]="$3"; COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
            _lagotui lagotui "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
            printf '%s\\n' "${COMPREPLY[@]}"
            """
        let result = try await run.run(["-c", driver, "bash", scriptPath, line, BinaryRunner.executable.path],
                                       executable: URL(fileURLWithPath: "/bin/bash"))
        try #require(result.status == 0, "\(result.stderr)")
        return result.stdout.split(separator: "\n").map(String.init).sorted()
    }

    @Test func bashCompletesAStreamName() async throws {
        #expect(try await bashCompletions("lagotui export inv") == ["invoices"])
        #expect(try await bashCompletions("lagotui sync credit") == ["credit_notes"])
    }

    @Test func bashCompletesProfileNamesFromTheConfigFile() async throws {
        let config = """
            default_profile = "eu-live"
            [profiles.eu-live]
            api_url = "https://api.eu.getlago.com/api/v1"
            [profiles.us-test]
            mode = "test"
            """
        #expect(try await bashCompletions("lagotui --profile ", config: config) == ["eu-live", "us-test"])
        #expect(try await bashCompletions("lagotui export invoices --profile u", config: config) == ["us-test"])
    }

    @Test func bashOffersOnlyTheFiltersOfTheNamedStream() async throws {
        #expect(try await bashCompletions("lagotui export invoices --ov") == ["--overdue"])
        #expect(try await bashCompletions("lagotui export plans --ov") == [])
        #expect(try await bashCompletions("lagotui export fees --fee") == ["--fee-type"])
        // Before a stream is typed every filter is offered.
        #expect(try await bashCompletions("lagotui export --ov") == ["--overdue"])
    }

    @Test func bashCompletesStatusValuesOfTheNamedStreamAndThemeNames() async throws {
        #expect(try await bashCompletions("lagotui export wallet_transactions --status ") == ["failed", "pending", "settled"])
        let feeTypes = try await bashCompletions("lagotui export fees --fee-type ")
        #expect(feeTypes == ShellCompletion.knownValues(of: .feeType, for: .resource(.fees)).sorted() && feeTypes.contains("charge"), "\(feeTypes)")
        let themes = try await bashCompletions("lagotui --theme ")
        #expect(["dark", "high-contrast", "light", "live-frame", "monochrome"].allSatisfy(themes.contains), "\(themes)")
    }

    @Test func zshAndFishScriptsCallBackIntoTheBinary() async throws {
        for shell in ["zsh", "fish"] {
            let text = ShellCompletion.script(for: .init(rawValue: shell)!)
            #expect(text.contains("---completion"), "\(shell) script has no dynamic completion")
            #expect(text.contains("export"))
        }
    }
}
