import Foundation

/// Finds the line of a key inside a table of the TOML text, so configuration errors can say
/// "config.toml:12". TOMLKit reports positions only for syntax errors, not for values.
struct ConfigLineLocator {
    private let lines: [Substring]

    init(text: String) {
        lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    }

    /// The 1-based line where `key` is assigned inside the table `scope` (`[]` for top level).
    func line(of key: String, in scope: [String]) -> Int? {
        var current: [String] = []
        for (offset, raw) in lines.enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("[") {
                let header = line.trimmingCharacters(in: CharacterSet(charactersIn: "[] \t"))
                current = header.split(separator: ".").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\" '")) }
                if current == scope + [key] { return offset + 1 }
                continue
            }
            guard let equals = line.firstIndex(of: "=") else { continue }
            let path = line[..<equals].split(separator: ".").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\" '\t")) }
            if current + path == scope + [key] || (current == scope && path.first == key) { return offset + 1 }
        }
        return nil
    }
}
