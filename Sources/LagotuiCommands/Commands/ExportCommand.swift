import ArgumentParser
import Foundation
import LagoAPI

/// `lagotui export STREAM`: every record of a stream as NDJSON, CSV or JSON, streamed.
public struct ExportCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export every record of a stream (NDJSON, CSV or JSON).",
        discussion: """
            Streams: \(ExportStream.namesList).
            Pages are fetched concurrently and written in the API's order; memory stays flat. With \
            --output the file is written under a temporary name and renamed when complete, so an \
            interrupted export leaves no file. CSV flattens nested objects into dotted columns; \
            arrays stay as JSON in one cell; text cells starting with = + - @ are prefixed with ' \
            so spreadsheets never run them as formulas.
            """
    )

    @OptionGroup public var global: GlobalOptions

    @Argument(help: "The stream to export.", completion: ShellCompletion.streams)
    public var stream: String

    @OptionGroup(title: "Filters") public var filters: FilterOptions

    @Option(name: .long, help: "ndjson (default), csv or json.", completion: .list(ExportFormat.allCases.map(\.rawValue)))
    public var format: String = "ndjson"

    @Option(name: [.short, .long], help: "Write to this file (atomically) instead of standard output.")
    public var output: String?

    @Flag(name: [.short, .long], help: "No progress display.")
    public var quiet = false

    @Option(name: .customLong("per-page"), help: "Records per request (1-1000, default 100).")
    public var perPage: Int = 100

    @Option(name: .long, help: "Requests in flight (1-32, default 8).")
    public var concurrency: Int = 8

    public init() {}

    public func validate() throws {
        guard (1...1000).contains(perPage) else { throw ValidationError("--per-page must be from 1 to 1000") }
        guard (1...32).contains(concurrency) else { throw ValidationError("--concurrency must be from 1 to 32") }
    }

    public func run() async throws {
        let stream = try ExportCommand.parseStream(stream)
        guard let format = ExportFormat(rawValue: format.lowercased()) else {
            throw CommandFailure(.usage, "--format \(FilterValidation.shown(format)) is not ndjson, csv or json")
        }
        let query = try StreamQuery.build(stream, filters: filters)
        let destination = try output.flatMap(ExportCommand.destination)
        let settings = try ClientFactory.settings(global)
        var tuning = ClientFactory.Tuning()
        tuning.perPage = perPage
        tuning.concurrency = concurrency
        let client = try ClientFactory.makeClient(settings, tuning: tuning)

        let sink: ByteSink = try destination.map { try AtomicFileSink(destination: $0) } ?? StandardOutputSink()
        let progress = ProgressReporter(label: stream.rawValue, enabled: ProgressReporter.shouldDraw(quiet: quiet))
        do {
            let writer = try makeRecordWriter(format, sink: sink)
            let engine = ExportEngine(source: client, perPage: perPage, concurrency: concurrency)
            let summary = try await engine.run(query, progress: progress) { try writer.write(record: $0) }
            try writer.finish()
            progress.finish()
            if ProgressReporter.shouldDraw(quiet: quiet) {
                let target = destination.map { " to \($0.path)" } ?? ""
                Diagnostics.shared.line("exported \(summary.records) \(stream.rawValue) records (\(summary.pages) pages)\(target)")
            }
        } catch {
            sink.abandon()
            progress.clear()
            throw error
        }
    }

    /// The stream for a typed name, or a usage error listing the streams.
    static func parseStream(_ name: String) throws -> ExportStream {
        guard let stream = ExportStream.named(name) else {
            throw CommandFailure(.usage, "unknown stream \(FilterValidation.shown(name)); streams: \(ExportStream.namesList)")
        }
        return stream
    }

    /// `-` means standard output; anything else must be a file path in an existing directory.
    static func destination(_ path: String) throws -> URL? {
        if path == "-" { return nil }
        guard !path.isEmpty else { throw CommandFailure(.usage, "--output needs a file name") }
        let url = URL(fileURLWithPath: path)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw CommandFailure(.usage, "--output \(FilterValidation.shown(path)) is a directory; give a file name")
        }
        return url
    }
}
