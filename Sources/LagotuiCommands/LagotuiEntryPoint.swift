import ArgumentParser
import Foundation

/// Runs the `lagotui` command line; the executable target only calls this.
///
/// It replaces ArgumentParser's own `main()` so that every failure ends with one line on
/// stderr and an exit code from `ExitStatus` (ArgumentParser alone would exit 64 on usage
/// errors), and so the API key is redacted from anything printed.
public enum LagotuiEntryPoint {
    public static func run() async {
        let code = await run(arguments: Array(CommandLine.arguments.dropFirst()))
        exit(code)
    }

    /// Parses and runs one command line, returning the exit code.
    public static func run(arguments: [String]) async -> Int32 {
        if let document = GeneratedDocuments.respond(to: arguments) {
            print(document, terminator: document.hasSuffix("\n") ? "" : "\n")
            return ExitStatus.success.rawValue
        }
        do {
            var command = try Lagotui.parseAsRoot(arguments)
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
            return ExitStatus.success.rawValue
        } catch {
            return ErrorReporter.report(error)
        }
    }
}
