import Foundation

/// The connection state the header shows.
public enum ConnectionState: Sendable, Equatable {
    case online
    case offline(since: Date)
    case cached(age: TimeInterval)
    case problem(String)

    /// "online", "offline since 14:02", "cached 2 min ago", or the problem in one line.
    public func text(now: Date = Date()) -> String {
        switch self {
        case .online: return "● online"
        case .offline(let since):
            let f = DateFormatter()
            f.dateFormat = "HH:mm"
            f.timeZone = TimeZone.current
            return "○ offline since \(f.string(from: since))"
        case .cached(let age): return "◐ cached \(Self.ago(age))"
        case .problem(let message): return "○ \(message)"
        }
    }

    var role: StyleRole {
        switch self {
        case .online: return .connectionOnline
        case .offline, .problem: return .connectionOffline
        case .cached: return .connectionCached
        }
    }

    /// "just now", "45 s ago", "2 min ago", "3 h ago", "2 d ago".
    public static func ago(_ seconds: TimeInterval) -> String {
        let s = max(0, Int(seconds))
        if s < 5 { return "just now" }
        if s < 60 { return "\(s) s ago" }
        if s < 3600 { return "\(s / 60) min ago" }
        if s < 86400 { return "\(s / 3600) h ago" }
        return "\(s / 86400) d ago"
    }
}

/// The facts the header line shows.
public struct HeaderInfo: Sendable, Equatable {
    public enum Environment: Sendable, Equatable { case live, test }
    public var profile: String
    public var organization: String?
    public var environment: Environment
    public var readOnly: Bool
    public var connection: ConnectionState
    public var busy: Bool

    public init(profile: String, organization: String? = nil, environment: Environment, readOnly: Bool, connection: ConnectionState, busy: Bool = false) {
        self.profile = profile; self.organization = organization; self.environment = environment
        self.readOnly = readOnly; self.connection = connection; self.busy = busy
    }
}

/// The top line: app name, profile and organisation, LIVE/TEST badge, READ-ONLY badge, and
/// the connection state on the right with a spinner while work is in flight. When space is
/// short the organisation goes first, then the app name; the badges always stay.
public struct HeaderBar {
    public var info: HeaderInfo
    public var spinnerFrame: Int
    public var now: Date

    public init(info: HeaderInfo, spinnerFrame: Int = 0, now: Date = Date()) { self.info = info; self.spinnerFrame = spinnerFrame; self.now = now }

    @MainActor
    public func draw(on canvas: Canvas, row: Int, in rect: Rect) {
        canvas.fill(row: row, column: rect.column, width: rect.columns, style: Style(.header))
        let live = info.environment == .live
        let badges: [(String, StyleRole)] = [(live ? " LIVE " : " TEST ", live ? .badgeLive : .badgeTest)]
            + (info.readOnly ? [(" READ-ONLY ", StyleRole.badgeReadOnly)] : [])
        var right = info.connection.text(now: now)
        if info.busy { right = Spinner.frame(spinnerFrame) + " " + right }
        let badgeWidth = badges.reduce(0) { $0 + $1.0.displayWidth + 1 }
        let rightWidth = right.displayWidth
        var x = rect.column
        // Badges first on the left: the one thing nobody may miss.
        for (text, role) in badges where x + text.displayWidth <= rect.right {
            x += canvas.text(text, row: row, column: x, style: Style(role)) + 1
        }
        // When Lago cannot be reached that matters more than the profile's name: the state is
        // always shown, clipped if need be (keeping its "· retrying in N s" tail). "online" and
        // "cached" only show when they fit beside the profile.
        let urgent = info.connection.role == .connectionOffline
        let shownRight: String?
        if urgent {
            let afterBadges = max(0, rect.right - x)
            let profileRoom = min(info.profile.displayWidth + 1, 16)
            // Up to 30 columns are taken from the profile, enough for "○ cannot re… · retrying in 7 s".
            let width = min(rightWidth, afterBadges, max(min(afterBadges, 30), afterBadges - profileRoom - 1))
            shownRight = width > 0 ? Self.fit(right, width: width) : nil
        } else {
            shownRight = rect.columns >= badgeWidth + rightWidth + 12 ? right : nil
        }
        var room = rect.right - x - (shownRight.map { $0.displayWidth + 1 } ?? 0)
        var parts: [(String, StyleRole)] = [("lagotui", .headerLabel), (info.profile, .headerValue)]
        if let org = info.organization, !org.isEmpty { parts.append(("· " + org, .headerValue)) }
        while parts.count > 1 && parts.map({ $0.0.displayWidth + 1 }).reduce(0, +) > room {
            parts.remove(at: parts.count > 2 ? parts.count - 1 : 0)
        }
        // A name cut to a letter and an ellipsis says nothing: below four columns it is left out.
        for (text, role) in parts where room > (shownRight == nil ? 0 : 3) {
            let used = canvas.text(text, row: row, column: x, style: Style(role), maxWidth: room)
            x += used + 1
            room -= used + 1
        }
        if let shownRight {
            canvas.text(shownRight, row: row, column: rect.right - shownRight.displayWidth, style: Style(info.connection.role))
        }
    }

    /// `text` in at most `width` columns; a trailing " · …" part (the retry countdown) is kept
    /// whole when the head can still say something.
    static func fit(_ text: String, width: Int) -> String {
        guard text.displayWidth > width else { return text }
        if let separator = text.range(of: " · ", options: .backwards) {
            let tail = String(text[separator.lowerBound...])
            let headWidth = width - tail.displayWidth
            if headWidth >= 8 { return String(text[..<separator.lowerBound]).truncated(toWidth: headWidth) + tail }
        }
        return text.truncated(toWidth: width)
    }
}

/// Frames for the spinner shown while requests are in flight.
public enum Spinner {
    public static let frames: [String] = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"]
    public static func frame(_ n: Int) -> String { frames[((n % frames.count) + frames.count) % frames.count] }
}

/// A progress bar: "[██████░░░░] 60%" at any width (just the percentage when narrow).
public enum ProgressBar {
    public static func text(fraction: Double, width: Int) -> String {
        let f = min(1, max(0, fraction.isFinite ? fraction : 0))
        let percent = "\(Int((f * 100).rounded(.down)))%"
        let barWidth = width - percent.count - 3
        guard barWidth >= 4 else { return percent }
        let filled = Int((Double(barWidth) * f).rounded(.down))
        return "[" + String(repeating: "█", count: filled) + String(repeating: "░", count: barWidth - filled) + "] " + percent
    }
}
