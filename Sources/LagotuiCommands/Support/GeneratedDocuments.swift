import ArgumentParser

/// Requests answered before the command line is parsed, because they print a document made
/// from this binary's own definitions rather than run a command:
/// `--generate-completion-script SHELL` (swift-argument-parser's script with the per-stream
/// filter narrowing of `ShellCompletion`) and `--generate-manual-sections` (the man page
/// sections `scripts/package` adds to swift-argument-parser's manual).
enum GeneratedDocuments {
    static func respond(to arguments: [String]) -> String? {
        switch arguments.count {
        case 1 where arguments[0] == "--generate-manual-sections":
            return ManualSections.mdoc()
        case 1 where arguments[0].hasPrefix("--generate-completion-script="):
            return CompletionShell(rawValue: String(arguments[0].dropFirst("--generate-completion-script=".count)))
                .map(ShellCompletion.script(for:))
        case 2 where arguments[0] == "--generate-completion-script":
            return CompletionShell(rawValue: arguments[1]).map(ShellCompletion.script(for:))
        default:
            return nil
        }
    }
}
