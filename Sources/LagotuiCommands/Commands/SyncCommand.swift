import ArgumentParser
import Foundation
import LagoAPI
import PageCache

/// `lagotui sync [STREAM…]`: fetches streams into the profile's page cache for offline use.
public struct SyncCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Fill the profile's page cache for offline browsing.",
        discussion: "With no stream, syncs every stream. Streams: \(ExportStream.namesList)."
    )

    @OptionGroup public var global: GlobalOptions

    @Argument(help: "Streams to sync (default: all).", completion: ShellCompletion.streams)
    public var streams: [String] = []

    @OptionGroup(title: "Filters") public var filters: FilterOptions

    @Flag(name: [.short, .long], help: "No progress display.")
    public var quiet = false

    @Option(name: .long, help: "Requests in flight (1-32, default 8).")
    public var concurrency: Int = 8

    public init() {}

    public func validate() throws {
        guard (1...32).contains(concurrency) else { throw ValidationError("--concurrency must be from 1 to 32") }
    }

    public func run() async throws {
        // The analytics series are computed by Lago on request and cached there for 4 h; they
        // are not records to keep for offline browsing, so syncing everything leaves them out.
        let everything = ExportStream.allCases.filter { if case .analytics = $0 { false } else { true } }
        let chosen = try streams.isEmpty ? everything : streams.map(ExportCommand.parseStream)
        let queries = try chosen.map { try StreamQuery.build($0, filters: filters) }
        let settings = try ClientFactory.settings(global)
        var tuning = ClientFactory.Tuning()
        tuning.concurrency = concurrency
        let client = try ClientFactory.makeClient(settings, tuning: tuning)
        let cache = PageCache(configuration: CacheReport.configuration(profile: settings.profileName, settings: settings),
                              fetcher: LagoPageFetcher(client: client))
        for warning in cache.openingWarnings { Diagnostics.shared.warn(warning) }
        guard cache.isPersistent else {
            throw CommandFailure(.generic, "the cache of profile \(settings.profileName) cannot be opened; nothing to sync into")
        }
        let engine = ExportEngine(source: CachingRecordSource(cache: cache), concurrency: concurrency)
        var failures: [(ExportStream, Error)] = []
        for query in queries {
            let progress = ProgressReporter(label: query.stream.rawValue, enabled: ProgressReporter.shouldDraw(quiet: quiet))
            do {
                let summary = try await engine.run(query, progress: progress) { _ in }
                progress.finish()
                if !quiet {
                    Diagnostics.shared.line("synced \(query.stream.rawValue): \(summary.records) records, \(summary.pages) pages")
                }
            } catch let error as LagoError where SyncCommand.isUnavailable(error) && streams.isEmpty {
                // Premium-only streams (api_logs) are skipped when syncing everything.
                progress.clear()
                Diagnostics.shared.line("skipped \(query.stream.rawValue): \(error.message)")
            } catch {
                progress.clear()
                failures.append((query.stream, error))
                Diagnostics.shared.line("failed \(query.stream.rawValue): \(ErrorReporter.classify(error).1)")
            }
        }
        if let (stream, error) = failures.first {
            let (status, message) = ErrorReporter.classify(error)
            throw CommandFailure(status, "sync of \(stream.rawValue) failed: \(message)")
        }
    }

    static func isUnavailable(_ error: LagoError) -> Bool {
        if case .forbidden = error { return true }
        return false
    }
}
