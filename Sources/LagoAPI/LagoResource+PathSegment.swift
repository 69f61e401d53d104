import Foundation

/// Building request paths from identifiers that come from users or the API.
public enum LagoPath {
    /// Percent-encodes `value` as one path segment: "/", "?", "#", "%" and spaces can never
    /// change which endpoint is called (`external_id` values are free-form strings).
    public static func segment(_ value: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "/?#%;")
        return value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value
    }
}
