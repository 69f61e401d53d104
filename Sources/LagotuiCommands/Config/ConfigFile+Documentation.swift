extension ConfigFile {
    /// Every key a profile table takes, with what it sets: the list the parser accepts
    /// (`profileKeys`) and the man page's CONFIGURATION section both come from it.
    static let profileKeyDocumentation: [(key: String, summary: String)] = [
        ("api_url", "Lago API base URL (default https://api.getlago.com/api/v1; EU: https://api.eu.getlago.com/api/v1)."),
        ("api_key", "The API key in plain text (prefer api_key_command)."),
        ("api_key_command", "A command whose standard output, trimmed, is the API key (e.g. \"pass show lago/eu\")."),
        ("mode", "\"live\" or \"test\": shown in the header; voiding on a live profile asks for the invoice number."),
        ("readonly", "true removes every action that changes billing data."),
        ("theme", "Colour theme name (see FILES for where themes are found)."),
        ("download_dir", "Where invoice PDFs are saved (default ~/Downloads when it exists, else the current directory)."),
        ("keys", "Table of key remappings: action name = key or [keys] (see KEYS)."),
        ("freshness", "Table of cache freshness per resource: seconds or \"5m\", \"1h\"."),
        ("cache_max_mb", "Size limit of the profile's page cache in megabytes (default 256)."),
        ("ca_file", "A PEM bundle of company CAs, trusted in addition to the system's (also --cacert)."),
        ("client_cert", "A PEM client certificate for mutual TLS (may hold its key too)."),
        ("client_key", "The client certificate's PEM key, when it is in its own file."),
        ("proxy", "An HTTP(S) proxy URL; \"none\" forces direct connections (default: HTTPS_PROXY/HTTP_PROXY/NO_PROXY)."),
    ]
}
