import Foundation
import LagoAPI
import Testing
@testable import LagotuiCommands

/// The activity_logs stream's own filters narrow what is exported (every stream's every format
/// is covered by `ExportSandboxTests.everyStreamExportsEveryRecordExactlyOnce`).
@Suite(.serialized) struct ExportActivitySandboxTests {
    @Test func activityFiltersNarrowTheStream() async throws {
        try await withSandbox { sandbox in
            let client = try sandbox.client()
            let all = try await ExportSandboxTests().export(.resource(.activityLogs), format: .ndjson, client: client)
            #expect(!all.isEmpty, "the seed's last 30 days have activity")
            let created = try await ExportSandboxTests().export(.resource(.activityLogs), ["--activity-type", "customer.created"], format: .ndjson, client: client)
            #expect(created.allSatisfy { $0["activity_type"]?.stringValue == "customer.created" })
            #expect(created.count == all.filter { $0["activity_type"]?.stringValue == "customer.created" }.count)
            let system = try await ExportSandboxTests().export(.resource(.activityLogs), ["--activity-source", "system"], format: .csv, client: client)
            #expect(system.count == all.filter { $0["activity_source"]?.stringValue == "system" }.count)
            #expect(throws: (any Error).self) {
                _ = try StreamQuery.build(.resource(.activityLogs), filters: try FilterOptions.parse(["--activity-source", "robot"]))
            }
        }
    }
}
