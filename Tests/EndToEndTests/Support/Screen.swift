import Foundation

/// Reading a captured pane: its lines, and whether the browser has settled (no loading line,
/// no spinner) — the idle signal the tests wait for instead of sleeping.
enum Screen {
    static let spinnerFrames: [Character] = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"]

    static func lines(_ screen: String) -> [String] { screen.components(separatedBy: "\n") }

    /// True when nothing on screen says work is in flight.
    static func isSettled(_ screen: String) -> Bool {
        !screen.contains("Loading…") && !screen.contains(where: { spinnerFrames.contains($0) })
    }

    /// The breadcrumb line (second row at 12 rows and more).
    static func breadcrumbs(_ screen: String) -> String {
        let all = lines(screen)
        guard all.count > 1 else { return "" }
        let row = all[1].trimmingCharacters(in: .whitespaces)
        // From 120 columns the dashboard names its tabs at the right of the crumbs row.
        guard row.hasSuffix(dashboardTabs), row.count > dashboardTabs.count else { return row }
        return String(row.dropLast(dashboardTabs.count)).trimmingCharacters(in: .whitespaces)
    }

    /// The dashboard's tabs as drawn beside its crumbs.
    static let dashboardTabs = "customers │ analytics"

    /// The first capture of `pattern`'s group 1 on screen.
    static func first(_ pattern: String, in screen: String) -> String? {
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return nil }
        let range = NSRange(screen.startIndex..., in: screen)
        guard let match = regex.firstMatch(in: screen, range: range), match.numberOfRanges > 1,
              let r = Range(match.range(at: 1), in: screen) else { return nil }
        return String(screen[r])
    }

    /// The screen without the header line (its clock and connection text change on their own).
    static func body(_ screen: String) -> String { lines(screen).dropFirst().joined(separator: "\n") }
}
