/// Lago's pagination `meta` object.
///
/// `currentPage` is **0** on an empty list (Lago builds it from `nil.to_i`), `nextPage` is
/// `nil` on the last page and past the end, and `totalCount`/`totalPages` of `GET /invoices`
/// and `GET /fees` may be up to 30 minutes stale on pages before the last.
public struct PageMeta: Codable, Sendable, Equatable, Hashable {
    /// The page this is (1-based; 0 when the list is empty).
    public var currentPage: Int
    /// The next page, or `nil` on the last page.
    public var nextPage: Int?
    /// The previous page, or `nil` on page 1.
    public var prevPage: Int?
    /// `ceil(totalCount / perPage)`, when the server sent it.
    public var totalPages: Int?
    /// How many records match in all pages, when the server sent it.
    public var totalCount: Int?

    /// Creates a meta value.
    public init(currentPage: Int, nextPage: Int? = nil, prevPage: Int? = nil, totalPages: Int? = nil, totalCount: Int? = nil) {
        self.currentPage = currentPage
        self.nextPage = nextPage
        self.prevPage = prevPage
        self.totalPages = totalPages
        self.totalCount = totalCount
    }

    enum CodingKeys: String, CodingKey {
        case currentPage = "current_page"
        case nextPage = "next_page"
        case prevPage = "prev_page"
        case totalPages = "total_pages"
        case totalCount = "total_count"
    }

    /// Decodes leniently: a missing `current_page` reads as 0.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        currentPage = try container.decodeIfPresent(Int.self, forKey: .currentPage) ?? 0
        nextPage = try container.decodeIfPresent(Int.self, forKey: .nextPage)
        prevPage = try container.decodeIfPresent(Int.self, forKey: .prevPage)
        totalPages = try container.decodeIfPresent(Int.self, forKey: .totalPages)
        totalCount = try container.decodeIfPresent(Int.self, forKey: .totalCount)
    }

    /// Writes Lago's snake_case shape (with explicit nulls, as the server does).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(currentPage, forKey: .currentPage)
        try container.encode(nextPage, forKey: .nextPage)
        try container.encode(prevPage, forKey: .prevPage)
        try container.encode(totalPages, forKey: .totalPages)
        try container.encode(totalCount, forKey: .totalCount)
    }

    /// The meta of an unpaginated list (`GET /billing_entities`, `GET /analytics/*`): one page
    /// holding everything, or Lago's empty shape when there is nothing.
    public static func singlePage(count: Int) -> PageMeta {
        count == 0
            ? PageMeta(currentPage: 0, totalPages: 0, totalCount: 0)
            : PageMeta(currentPage: 1, totalPages: 1, totalCount: count)
    }

    /// Whether another page follows this one.
    public var hasNextPage: Bool { nextPage != nil }
}
