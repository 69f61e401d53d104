import Foundation
import Testing
@testable import LagoAPI

/// The catalogue is the one place a list filter's wire name is spelled: outside it (and the
/// sandbox, which is a second, independent reading of Lago) no source file builds a query
/// item with a filter's wire name, spells its array form, or spells a wire name that differs
/// from what users type for it. Field names that happen to equal a filter's name (a record's
/// `currency`) stay legal: they are read from records, not sent.
@Suite struct CatalogSpellingTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Where wire names may be spelled.
    static let owners = ["Sources/LagoAPI/Catalog/", "Sources/LagoSandbox/"]

    /// Every Swift file under Sources/ outside the owners, with its text.
    static func sources() throws -> [(path: String, text: String)] {
        let sources = root.appendingPathComponent("Sources")
        guard let walker = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil) else { return [] }
        var out: [(String, String)] = []
        for case let url as URL in walker where url.pathExtension == "swift" {
            let path = String(url.path.dropFirst(root.path.count + 1))
            guard !owners.contains(where: path.hasPrefix) else { continue }
            out.append((path, try String(contentsOf: url, encoding: .utf8)))
        }
        return out
    }

    /// The spellings of `filter` no file but the catalogue may contain.
    static func forbidden(_ filter: FilterSpec) -> [String] {
        var spellings = ["\"\(filter.wire)[]\"", "name: \"\(filter.wire)\""]
        if filter.wire != filter.key { spellings.append("\"\(filter.wire)\"") }
        return spellings
    }

    @Test func everyFilterWireNameIsSpelledOnlyInTheCatalogue() throws {
        let files = try Self.sources()
        try #require(files.count > 100, "found only \(files.count) source files under \(Self.root.path)/Sources")
        var offences: [String] = []
        for resource in LagoResource.allCases {
            for filter in resource.entry.filters where filter.shape != .path {
                for spelling in Self.forbidden(filter) {
                    for file in files where file.text.contains(spelling) {
                        offences.append("\(file.path) spells \(spelling) (\(resource.rawValue) filter)")
                    }
                }
            }
        }
        #expect(Set(offences).sorted() == [], "use the catalogue row instead")
    }

    /// The check itself can fail: the catalogue's own file would be an offender.
    @Test func theCheckFindsASpellingWhereOneIs() throws {
        let catalogue = try String(
            contentsOf: Self.root.appendingPathComponent("Sources/LagoAPI/Catalog/LagoResource+Catalog.swift"), encoding: .utf8)
        let statuses = try #require(LagoResource.invoices.entry.filter(named: "status"))
        #expect(Self.forbidden(statuses).contains { catalogue.contains($0) })
    }
}
