import Foundation
import LagoAPI

/// One line of `lagotui doctor`.
public struct DoctorCheck: Sendable, Equatable {
    public enum Level: String, Sendable { case ok = "OK", warn = "WARN", fail = "FAIL" }
    public var level: Level
    public var name: String
    public var detail: String
    /// What to do about a WARN or FAIL.
    public var advice: String?
    /// The exit code a FAIL stands for.
    public var failure: ExitStatus

    public init(_ level: Level, _ name: String, _ detail: String, advice: String? = nil, failure: ExitStatus = .generic) {
        self.level = level
        self.name = name
        self.detail = detail
        self.advice = advice
        self.failure = failure
    }

    /// `OK    config     /home/ana/.config/lagotui/config.toml`, with the advice after a dash.
    public var line: String {
        let level = self.level.rawValue.padding(toLength: 5, withPad: " ", startingAt: 0)
        let name = self.name.padding(toLength: 10, withPad: " ", startingAt: 0)
        var text = "\(level) \(name) \(detail)"
        if let advice { text += " — \(advice)" }
        return TextSanitizer.printable(text)
    }
}
