import ArgumentParser
import LagoAPI
import Testing
@testable import LagotuiCommands

@Suite struct ExitStatusTests {
    @Test(arguments: [
        (LagoError.unauthorized, LagotuiCommands.ExitStatus.authentication),
        (.forbidden(code: "feature_unavailable"), .authentication),
        (.notFound("invoice_not_found"), .notFound),
        (.api(status: 422, code: "validation_errors", error: "Unprocessable Entity", details: [:]), .validation),
        (.api(status: 405, code: "not_voidable", error: "Method Not Allowed", details: [:]), .validation),
        (.api(status: 400, code: nil, error: "Bad Request", details: [:]), .validation),
        (.rateLimited(retryAfter: .seconds(1)), .rateLimited),
        (.server(status: 503), .server),
        (.network("reset"), .network),
        (.connectionFailed("refused"), .network),
        (.timeout, .network),
        (.insecureURL("http"), .usage),
        (.decoding(path: "x", snippet: "y"), .generic),
    ])
    func apiErrorsMapToTheTable(_ error: LagoError, _ status: LagotuiCommands.ExitStatus) {
        #expect(ErrorReporter.exitStatus(for: error) == status)
        #expect(ErrorReporter.classify(error).0 == status)
    }

    @Test func theTableIsStable() {
        #expect(LagotuiCommands.ExitStatus.allCases.map(\.rawValue) == [0, 1, 2, 3, 4, 5, 6, 7, 8])
    }

    @Test func parserErrorsAreUsageErrors() {
        do {
            _ = try Lagotui.parseAsRoot(["export"])
            Issue.record("parsed without a stream")
        } catch {
            #expect(ErrorReporter.classify(error).0 == .usage)
        }
        do {
            _ = try Lagotui.parseAsRoot(["--no-such-flag"])
            Issue.record("parsed an unknown flag")
        } catch {
            #expect(ErrorReporter.classify(error).0 == .usage)
        }
        do {
            _ = try Lagotui.parseAsRoot(["--help"])
        } catch {
            #expect(ErrorReporter.classify(error).0 == .success)
        }
    }

    @Test func redactsRegisteredSecrets() {
        Diagnostics.shared.addSecret("sk_live_abcdef123456")
        #expect(Diagnostics.shared.redact("key sk_live_abcdef123456 leaked") == "key [redacted] leaked")
    }

    @Test(arguments: [
        ("Sun, 06 Nov 1994 08:49:37 GMT", 0.0, DoctorCheck.Level.ok),
        ("Sun, 06 Nov 1994 08:49:37 GMT", 120.0, .warn),
        ("Sun, 06 Nov 1994 08:49:37 GMT", -45.0, .warn),
        ("garbage", 0.0, .warn),
    ])
    func clockSkewFromTheDateHeader(_ header: String, _ offset: Double, _ level: DoctorCheck.Level) {
        let server = DoctorCommand.httpDate("Sun, 06 Nov 1994 08:49:37 GMT")!
        let check = DoctorCommand.clockCheck(dateHeader: header, roundTrip: .zero, now: server.addingTimeInterval(offset))
        #expect(check.level == level)
    }
}
