import Foundation
import Testing
import LagoSandbox

/// Runs `Tests/Conformance/check_sandbox.py` (python3 + openapi-core) against an in-process
/// sandbox: every endpoint lagotui uses, validated against ../shared/lago/openapi.yaml.
@Suite("OpenAPI conformance")
struct ConformanceTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let spec = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/lago/openapi.yaml")
    static let script = packageRoot.appendingPathComponent("Tests/Conformance/check_sandbox.py")

    static var specAvailable: Bool { FileManager.default.fileExists(atPath: spec.path) }

    static var openAPICoreAvailable: Bool {
        (try? run(["python3", "-c", "import openapi_core, yaml"]).status) == 0
    }

    static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test("every sandbox response validates against Lago's OpenAPI spec (skipped without ../shared/lago/openapi.yaml or openapi-core)",
          .enabled(if: ConformanceTests.specAvailable, "../shared/lago/openapi.yaml is missing: conformance skipped"),
          .enabled(if: ConformanceTests.openAPICoreAvailable, "python3 with openapi-core is missing (scripts/setup installs it): conformance skipped"))
    func conformance() async throws {
        try await withSandbox(SandboxOptions(seed: 42, customers: 60)) { client in
            let base = client.base.absoluteString
            let result = try await Task.detached {
                try Self.run(["python3", Self.script.path, "--base-url", base, "--spec", Self.spec.path])
            }.value
            #expect(result.status == 0, "conformance checker failed:\n\(result.output)")
            #expect(result.output.contains("OK"))
        }
    }
}
