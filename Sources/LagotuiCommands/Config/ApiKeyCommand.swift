import Foundation

/// Runs a profile's `api_key_command` with `/bin/sh -c` and returns its trimmed standard output.
/// The command's output is never echoed: failures report only the exit status.
public enum ApiKeyCommand {
    public static func run(_ command: String, profile: String, environment: [String: String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        process.environment = environment
        let stdout = Pipe()
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch {
            throw CommandFailure(.authentication, "api_key_command of profile \(profile) could not start: \(error.localizedDescription)")
        }
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            throw CommandFailure(.authentication,
                                 "api_key_command of profile \(profile) failed (exit status \(process.terminationStatus)); run it by hand to see why")
        }
        let key = String(decoding: output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !key.isEmpty else {
            throw CommandFailure(.authentication, "api_key_command of profile \(profile) printed nothing")
        }
        guard !key.contains(where: { $0.isNewline || $0 == " " }) else {
            throw CommandFailure(.authentication, "api_key_command of profile \(profile) printed more than one word; it must print only the key")
        }
        return key
    }
}
