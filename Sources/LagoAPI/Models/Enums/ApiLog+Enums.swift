// ApiLog enumerations: known values with their exact wire spelling, plus `.unknown(String)`
// for values added by newer servers (see `LagoEnum`).

/// The HTTP method of a logged API request (only mutating requests are logged).
public enum ApiLogHTTPMethod: LagoEnum {
    case post, put, delete, get, patch
    case unknown(String)

    public static let knownValues: [(value: Self, raw: String)] = [
        (.post, "post"),
        (.put, "put"),
        (.delete, "delete"),
        (.get, "get"),
        (.patch, "patch"),
    ]
}
