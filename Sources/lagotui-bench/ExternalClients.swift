import Foundation

/// The external clients the export is compared with, fetching the sandbox's invoice pages
/// exactly as the export does (per_page=100, 8 in flight): curl (`--parallel`) once over
/// every page, each written to a file as the export writes its records, and wrk cycling over
/// them for a fixed time.
struct ExternalClients {
    /// curl's command, when curl is installed.
    let curl: [String]?
    private let wrkArguments: [String]?

    init(sandbox: BenchSandbox, pages: Int, directory: URL) {
        let base = sandbox.baseURL.absoluteString.hasSuffix("/") ? String(sandbox.baseURL.absoluteString.dropLast()) : sandbox.baseURL.absoluteString
        let key = sandbox.server.options.apiKey
        func page(_ n: Int) -> String { "\(base)/invoices?per_page=\(ExportBench.perPage)&page=\(n)" }
        if ChildProcess.isInstalled("curl") {
            // Each page into a file beside the export's: the same bytes reach the same disk, so
            // the limit does the export's whole job (writing to /dev/null would leave out the
            // kernel's copy of every byte, a fifth of the export's CPU).
            let pagesDirectory = directory.appendingPathComponent("curl-pages")
            try? FileManager.default.createDirectory(at: pagesDirectory, withIntermediateDirectories: true)
            let config = directory.appendingPathComponent("curl.config")
            let text = (1...max(1, pages)).map { "url = \"\(page($0))\"\noutput = \"\(pagesDirectory.path)/page-\($0).json\"\n" }.joined()
            try? Data(text.utf8).write(to: config)
            curl = ["curl", "--silent", "--no-progress-meter", "--fail", "--parallel", "--parallel-max", "\(ExportBench.concurrency)",
                    "--header", "Authorization: Bearer \(key)", "--config", config.path]
        } else {
            curl = nil
        }
        if ChildProcess.isInstalled("wrk") {
            let script = directory.appendingPathComponent("pages.lua")
            let path = URL(string: page(1))!.path
            let lua = """
            local page = 0
            request = function()
              page = page % \(max(1, pages)) + 1
              return wrk.format("GET", "\(path)?per_page=\(ExportBench.perPage)&page=" .. page, {["Authorization"] = "Bearer \(key)"})
            end
            """
            try? Data(lua.utf8).write(to: script)
            wrkArguments = ["--threads", "2", "--connections", "\(ExportBench.concurrency)", "--script", script.path, page(1)]
        } else {
            wrkArguments = nil
        }
    }

    /// wrk's command for a run of `seconds`, when wrk is installed.
    func wrk(seconds: Int) -> [String]? {
        wrkArguments.map { ["wrk", "--duration", "\(seconds)s"] + $0 }
    }

    /// The `Requests/sec:` figure of wrk's report.
    static func wrkRequestsPerSecond(_ output: String) -> Double? {
        output.split(separator: "\n").first { $0.hasPrefix("Requests/sec:") }
            .flatMap { Double($0.dropFirst("Requests/sec:".count).trimmingCharacters(in: .whitespaces)) }
    }
}

/// The `lagotui` binary built next to `lagotui-bench`, run as a user runs it.
struct LagotuiBinary {
    let path: String

    static func next(to benchPath: String) -> LagotuiBinary? {
        let path = URL(fileURLWithPath: benchPath).deletingLastPathComponent().appendingPathComponent("lagotui").path
        return access(path, X_OK) == 0 ? LagotuiBinary(path: path) : nil
    }

    func export(to file: String, format: String) -> [String] {
        [path, "export", "invoices", "--quiet", "--format", format, "--output", file]
    }

    /// The sandbox's URL and key, and a home of its own (no user config or cache read).
    func environment(_ sandbox: BenchSandbox, home: URL) -> [String: String] {
        ["LAGO_API_URL": sandbox.baseURL.absoluteString, "LAGO_API_KEY": sandbox.server.options.apiKey,
         "HOME": home.path, "XDG_CONFIG_HOME": home.path + "/config", "XDG_CACHE_HOME": home.path + "/cache"]
    }
}
