import ArgumentParser

/// Options every `lagotui` command accepts, before or after the subcommand name.
public struct GlobalOptions: ParsableArguments, Sendable {
    @Option(name: .customLong("api-url"), help: "Lago API base URL (default https://api.getlago.com/api/v1; env LAGO_API_URL).")
    public var apiURL: String?

    @Option(name: .customLong("api-key"), help: "API key (visible in the process list: prefer LAGO_API_KEY or api_key_command).")
    public var apiKey: String?

    @Option(name: .long, help: "Profile from config.toml (env LAGOTUI_PROFILE).", completion: ShellCompletion.profiles)
    public var profile: String?

    @Flag(name: .long, help: "Allow plain http to a non-loopback host (the key travels unencrypted).")
    public var insecure = false

    @Flag(name: .long, help: "Refuse every action that changes billing data.")
    public var readonly = false

    @Option(name: .long, help: "Colour theme for the browser.", completion: ShellCompletion.themes)
    public var theme: String?

    @Flag(name: .long, help: "On errors, also print the request id, URL, status and a body excerpt.")
    public var verbose = false

    @Option(name: .customLong("cacert"), help: ArgumentHelp("PEM bundle of extra CAs, trusted besides the system's (profile ca_file).", valueName: "file"))
    public var caFile: String?

    @Option(name: .customLong("client-cert"), help: ArgumentHelp("PEM client certificate for mutual TLS (profile client_cert).", valueName: "file"))
    public var clientCert: String?

    @Option(name: .customLong("client-key"), help: ArgumentHelp("PEM key of --client-cert when in its own file (profile client_key).", valueName: "file"))
    public var clientKey: String?

    @Option(name: .long, help: ArgumentHelp("HTTP(S) proxy URL, or none (profile proxy; default HTTPS_PROXY/HTTP_PROXY/NO_PROXY).", valueName: "url"))
    public var proxy: String?

    public init() {}

    /// The flags as plain settings for `Settings.resolve`.
    public var commandLine: CommandLineSettings {
        var settings = CommandLineSettings()
        settings.apiURL = apiURL
        settings.apiKey = apiKey
        settings.profile = profile
        settings.insecure = insecure
        settings.readonly = readonly
        settings.theme = theme
        settings.verbose = verbose
        settings.network.caFile = caFile
        settings.network.clientCert = clientCert
        settings.network.clientKey = clientKey
        settings.network.proxy = proxy
        return settings
    }
}
