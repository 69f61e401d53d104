import Foundation
import Testing
@testable import TerminalUI

/// Theme files: parsing, errors naming file/line/key, fallback to the default theme, user
/// themes from XDG_CONFIG_HOME, colour degradation and NO_COLOR.
@Suite struct ThemeTests {
    @Test func everyBuiltinThemeLoadsAndCoversEveryRole() throws {
        let loader = ThemeLoader(userDirectory: nil)
        for name in ["dark", "light", "high-contrast", "monochrome", "live-frame"] {
            let theme = try loader.load(name)
            #expect(theme.name == name)
            for role in StyleRole.allCases { #expect(theme.styles[role] != nil, "\(name) lacks \(role.rawValue)") }
        }
    }

    @Test func builtinSourcesMatchThemeFiles() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        for (name, source) in BuiltinThemes.sources {
            let file = try String(contentsOf: root.appendingPathComponent("themes/\(name).theme"), encoding: .utf8)
            #expect(file.trimmingCharacters(in: .newlines) == source.trimmingCharacters(in: .newlines), "themes/\(name).theme differs from BuiltinThemes")
        }
    }

    @Test func darkThemeNamesEveryRole() throws {
        let file = try ThemeParser.parse(BuiltinThemes.sources["dark"]!, file: "dark.theme")
        let missing = StyleRole.allCases.filter { file.styles[$0] == nil }
        #expect(missing.isEmpty, "dark.theme must list every key; missing \(missing.map(\.rawValue))")
    }

    @Test func parsesColoursAndAttributes() throws {
        let file = try ThemeParser.parse("""
        # comment
        name = mine
        status.danger = bold red on #1c1c1c   # trailing comment
        text.dim = 244
        badge.live = reverse
        frame.glyphs = ascii
        """, file: "mine.theme")
        #expect(file.name == "mine")
        #expect(file.glyphs == .ascii)
        #expect(file.styles[.statusDanger] == ThemeStyle(foreground: .ansi(1), background: .rgb(0x1c, 0x1c, 0x1c), emphasis: .bold))
        #expect(file.styles[.dim] == ThemeStyle(foreground: .indexed(244)))
        #expect(file.styles[.badgeLive] == ThemeStyle(emphasis: .reverse))
    }

    @Test func errorsNameFileLineAndKey() {
        #expect(throws: ThemeError(file: "x.theme", line: 3, key: "status.danger", problem: "unknown colour or attribute \"rde\" (colours: default, black…white, bright-*, gray, 0-255, #rrggbb)")) {
            try ThemeParser.parse("name = x\n\nstatus.danger = rde\n", file: "x.theme")
        }
        do {
            _ = try ThemeParser.parse("status.nope = red", file: "y.theme")
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "y.theme:1: key \"status.nope\": unknown key (see themes/README.md for the list)")
        }
        do {
            _ = try ThemeParser.parse("just words", file: "z.theme")
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "z.theme:1: expected `key = value`")
        }
        #expect(throws: ThemeError.self) { try ThemeParser.parse("text = red on", file: "a.theme") }
        #expect(throws: ThemeError.self) { try ThemeParser.parse("text = red blue", file: "a.theme") }
        #expect(throws: ThemeError.self) { try ThemeParser.parse("frame.glyphs = round", file: "a.theme") }
    }

    @Test func userThemeOverridesOnlyWhatItNamesAndFallsBackToDefault() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lagotui-themes-\(UUID().uuidString)")
        let themes = dir.appendingPathComponent("lagotui/themes")
        try FileManager.default.createDirectory(at: themes, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "status.danger = magenta\n".write(to: themes.appendingPathComponent("ocean.theme"), atomically: true, encoding: .utf8)
        try "extends = ocean\ntext = 250\n".write(to: themes.appendingPathComponent("deep.theme"), atomically: true, encoding: .utf8)
        try "extends = loop\n".write(to: themes.appendingPathComponent("loop.theme"), atomically: true, encoding: .utf8)
        try "text = nonsense\n".write(to: themes.appendingPathComponent("broken.theme"), atomically: true, encoding: .utf8)
        let loader = ThemeLoader(environment: ["XDG_CONFIG_HOME": dir.path])
        let dark = try loader.load("dark")
        let ocean = try loader.load("ocean")
        #expect(ocean.style(for: .statusDanger).foreground == .ansi(5))
        #expect(ocean.style(for: .statusSuccess) == dark.style(for: .statusSuccess))
        let deep = try loader.load("deep")
        #expect(deep.style(for: .statusDanger).foreground == .ansi(5))
        #expect(deep.style(for: .text).foreground == .indexed(250))
        #expect(loader.availableThemes().contains("ocean"))
        #expect(throws: ThemeError.self) { try loader.load("loop") }
        do { _ = try loader.load("broken"); Issue.record("expected error") } catch {
            #expect(error.file.hasSuffix("lagotui/themes/broken.theme"))
            #expect(error.line == 1)
            #expect(error.key == "text")
        }
        #expect(throws: ThemeError.self) { try loader.load("missing") }
        #expect(throws: ThemeError.self) { try loader.load("../etc/passwd") }
    }

    @Test func colourDegradation() {
        #expect(ThemeColor.rgb(0xd7, 0, 0).resolved(for: .indexed256) == 160)
        #expect(ThemeColor.rgb(0xd7, 0, 0).resolved(for: .direct) == 0xd70000)
        #expect(ThemeColor.rgb(0xd7, 0, 0).resolved(for: .ansi16) == 1)
        #expect(ThemeColor.ansi(9).resolved(for: .ansi8) == 1)
        #expect(ThemeColor.indexed(244).resolved(for: .ansi16) == 8)
        #expect(ThemeColor.terminalDefault.resolved(for: .indexed256) == -1)
        #expect(ThemeColor.ansi(2).resolved(for: .none) == nil)
        #expect(ThemeColor.rgb(128, 128, 128).resolved(for: .indexed256) == 244)
    }

    @Test func noColorDetection() {
        #expect(ColorMode.detect(colors: 256, environment: ["NO_COLOR": "1"]) == .none)
        #expect(ColorMode.detect(colors: 256, environment: ["NO_COLOR": ""]) == .indexed256)
        #expect(ColorMode.detect(colors: 8, environment: [:]) == .ansi8)
        #expect(ColorMode.detect(colors: 16, environment: [:]) == .ansi16)
        #expect(ColorMode.detect(colors: 0x1000000, environment: [:]) == .direct)
        #expect(ColorMode.detect(colors: 2, environment: [:]) == .none)
    }

    @Test func monochromeKeepsStatesDistinct() {
        #expect(Theme.monochromeEmphasis(for: .statusDanger) != Theme.monochromeEmphasis(for: .statusSuccess))
        #expect(Theme.monochromeEmphasis(for: .badgeLive).contains(.reverse))
        #expect(Theme.monochromeEmphasis(for: .dialogButtonFocused).contains(.reverse))
        #expect(Theme.monochromeEmphasis(for: .dialogButton) != Theme.monochromeEmphasis(for: .dialogButtonFocused))
    }
}

extension ThemeTests {
    @Test func lightBackgroundFromCOLORFGBG() throws {
        #expect(ThemeLoader.defaultThemeName(environment: ["COLORFGBG": "0;15"]) == "light")
        #expect(ThemeLoader.defaultThemeName(environment: ["COLORFGBG": "0;default;7"]) == "light")
        #expect(ThemeLoader.defaultThemeName(environment: ["COLORFGBG": "15;0"]) == "dark")
        #expect(ThemeLoader.defaultThemeName(environment: [:]) == "dark")
        #expect(try TerminalBrowser.loadTheme(named: nil, environment: ["COLORFGBG": "0;15"]).name == "light")
        #expect(try TerminalBrowser.loadTheme(named: "monochrome", environment: ["COLORFGBG": "0;15"]).name == "monochrome")
    }
}
