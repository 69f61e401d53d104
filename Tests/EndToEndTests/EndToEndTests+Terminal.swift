import Foundation
import Testing

/// The terminal itself: sizes, resize storms, quitting, signals, and refusing to draw where
/// there is no terminal.
extension EndToEndTests {
    @Test func resizeFromDashboardToTabsToTheSmallestAndBack() async throws {
        try await Self.withBrowser { app, sandbox in
            let names = try await Self.customerNames(sandbox)
            let t = app.tmux
            let wide = try await Self.waitForDashboard(app, names: names)
            #expect(wide.contains("subscriptions") && wide.contains("invoices"), "the dashboard shows the customer's panes:\n\(wide)")

            try t.resize(columns: 80, rows: 24)
            let tabs = try await t.waitFor("the 80x24 layout") { screen in
                let lines = Screen.lines(screen)
                return lines.count <= 24 && lines.allSatisfy { $0.count <= 80 } && screen.contains("customers") && screen.contains("TEST")
                    && names.contains(where: screen.contains)
            }
            #expect(try t.paneSize() == "80x24")
            #expect(Screen.lines(tabs).count >= 20, "80x24 uses the whole screen:\n\(tabs)")

            try t.resize(columns: 20, rows: 6)
            let tiny = try await t.waitFor("the 20x6 layout") { screen in
                let lines = Screen.lines(screen)
                return lines.count <= 6 && lines.first?.contains("TEST") == true && lines.count >= 3
            }
            #expect(!tiny.contains("Terminal too small"), "20x6 is the minimum, still a browser:\n\(tiny)")

            try t.resize(columns: 12, rows: 4)
            // Below the minimum: the message, cut to the width, and how to leave.
            try await t.waitFor("the too-small message") { $0.contains("Terminal to") && $0.contains("12x4") && $0.contains("q quits") }

            try t.resize(columns: 200, rows: 60)
            let back = try await t.waitFor("the dashboard again") { screen in
                screen.contains("subscriptions") && screen.contains("invoices") && names.contains(where: screen.contains) && Screen.isSettled(screen)
            }
            #expect(!back.contains("Terminal to"))
            #expect(try t.paneSize() == "200x60")

            // A very large terminal: every line drawn within it, the dashboard still whole.
            try t.resize(columns: 400, rows: 120)
            let huge = try await t.waitFor("the dashboard at 400x120") { screen in
                let lines = Screen.lines(screen)
                return lines.count > 60 && lines.allSatisfy { $0.count <= 400 } && screen.contains("subscriptions")
                    && names.contains(where: screen.contains) && Screen.isSettled(screen)
            }
            #expect(try t.paneSize() == "400x120")
            // The footer's key hints sit on the 120th line: the layout filled the whole height.
            let hugeLines = Screen.lines(huge)
            #expect(hugeLines.count >= 120 && hugeLines[119].contains("help"), "400x120 uses the whole screen:\n\(huge)")
            try await app.quit()
        }
    }

    @Test func aHundredQuickResizes() async throws {
        try await Self.withBrowser { app, sandbox in
            let names = try await Self.customerNames(sandbox)
            let t = app.tmux
            try await Self.waitForDashboard(app, names: names)
            var generator = SystemRandomNumberGenerator()
            var sizes: [(columns: Int, rows: Int)] = (0..<99).map { _ in
                (Int.random(in: 10...220, using: &generator), Int.random(in: 3...70, using: &generator))
            }
            sizes.append((130, 40))
            try t.resizeBurst(sizes)
            try await t.waitFor("the dashboard at 130x40 after 100 resizes") { screen in
                let lines = Screen.lines(screen)
                return lines.allSatisfy { $0.count <= 130 } && screen.contains("subscriptions") && names.contains(where: screen.contains)
                    && Screen.isSettled(screen)
            }
            #expect(!t.isDead)
            #expect(try t.paneSize() == "130x40")
            // Still answering keys.
            try t.press("?")
            try await t.waitFor("the help overlay") { $0.contains("Navigation") && $0.contains("quit") }
            try t.press("Escape")
            try await app.quit()
        }
    }

    @Test(arguments: [(signal: SIGTERM, name: "SIGTERM"), (signal: SIGHUP, name: "SIGHUP")])
    func aSignalRestoresTheTerminal(signal: Int32, name: String) async throws {
        try await Self.withBrowser { app, sandbox in
            try await Self.waitForDashboard(app, names: try await Self.customerNames(sandbox))
            let pid = try app.lagotuiPID()
            #expect(kill(pid, signal) == 0, "sending \(name)")
            try await app.expectExit(128 + signal)
        }
    }

    /// With stdin closed or stdout going into a pipe there is no terminal to draw on:
    /// a one-line message on stderr, exit 2, and not one escape sequence written.
    @Test(arguments: ["stdin closed", "stdout into a pipe", "TERM=dumb"])
    func noTerminalGivesAClearMessage(situation: String) async throws {
        guard let executable = BuiltProducts.sandbox else { throw TmuxSession.Failure(description: "lago-sandbox is not built") }
        let sandbox = try SandboxProcess(executable: executable)
        defer { sandbox.stop() }
        let redirection: LagotuiUnderTmux.Redirection = switch situation {
        case "stdin closed": .closeStdin
        case "stdout into a pipe": .pipeStdout
        default: .environment(["TERM": "dumb"])
        }
        let app = try LagotuiUnderTmux(sandbox: sandbox, redirection: redirection, columns: 100, rows: 30)
        defer { app.stop() }
        let status = try await app.tmux.waitForExit() ?? app.work.read("status").flatMap { Int32($0) }
        #expect(status == 2, "exit status for \(situation)")
        let stderr = app.work.read("stderr.txt") ?? ""
        let expected = situation == "TERM=dumb" ? "cannot draw the browser" : "is not a terminal"
        #expect(stderr.contains(expected), "stderr: \(stderr)")
        #expect(stderr.split(separator: "\n").count <= 2, "one clear message, not a dump: \(stderr)")
        #expect(!stderr.contains("\u{1B}"))
        let piped = app.work.read("stdout.txt") ?? ""
        #expect(!piped.contains("\u{1B}"), "escape codes written into the pipe: \(piped.debugDescription)")
        #expect(app.work.read("stty.before") == app.work.read("stty.after"))
        #expect(try app.tmux.display("#{alternate_on}") == "0")
    }
}
