import ArgumentParser
import Foundation
import LagoAPI

/// Turns any error into one line on stderr (more with `--verbose`) and an `ExitStatus` code.
public enum ErrorReporter {
    /// Prints the error and returns the exit code.
    public static func report(_ error: Error) -> Int32 {
        let diagnostics = Diagnostics.shared
        if error is OutputClosed { return ExitStatus.success.rawValue }
        // The browser ended by SIGTERM/SIGHUP asks for 128+signal: pass it through as the shell
        // convention has it (ExitStatus has no such case, so it would become a generic 1).
        if let code = error as? ExitCode, code.rawValue > 128, ExitStatus(rawValue: code.rawValue) == nil { return code.rawValue }
        let (status, message) = classify(error)
        if status == .success {
            // --help, --version: ArgumentParser's clean exits print to stdout.
            let text = Lagotui.fullMessage(for: error)
            if !text.isEmpty { print(text) }
            return 0
        }
        diagnostics.line("lagotui: " + message)
        if diagnostics.verbose, let failure = diagnostics.lastFailure, isAPIError(error) {
            var detail = "  \(failure.method) \(failure.url)"
            if let status = failure.status { detail += " → HTTP \(status)" }
            if let id = failure.requestID { detail += " (request id \(id))" }
            diagnostics.line(detail)
            if !failure.bodyExcerpt.isEmpty { diagnostics.line("  body: " + failure.bodyExcerpt) }
        }
        if diagnostics.verbose { diagnostics.line("  exit \(status.rawValue): \(status.label)") }
        return status.rawValue
    }

    static func isAPIError(_ error: Error) -> Bool { error is LagoError }

    /// The exit status and the one-line message for an error.
    public static func classify(_ error: Error) -> (ExitStatus, String) {
        switch error {
        case let failure as CommandFailure:
            return (failure.status, failure.message)
        case let lago as LagoError:
            return (exitStatus(for: lago), lago.message)
        case let config as ConfigError:
            return (.usage, config.description)
        case let output as OutputError:
            return (.generic, output.description)
        case let json as JSONParseError:
            return (.generic, "the API sent a record that is not valid JSON (\(json.description))")
        case let code as ExitCode:
            return (code.rawValue == 0 ? .success : (ExitStatus(rawValue: code.rawValue) ?? .generic), "exit \(code.rawValue)")
        default:
            let parserCode = Lagotui.exitCode(for: error)
            if parserCode == .success { return (.success, "") }
            if parserCode == .validationFailure || String(reflecting: type(of: error)).contains("ArgumentParser") {
                let message = Lagotui.message(for: error)
                    .split(separator: "\n").first.map(String.init) ?? "invalid command line"
                return (.usage, message.replacingOccurrences(of: "Error: ", with: "") + " (see lagotui --help)")
            }
            return (.generic, String(describing: error))
        }
    }
}
