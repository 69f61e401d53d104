/// Lago's pagination (`pagination.rb` + Kaminari): default 100 per page, no maximum, odd
/// values coerced as Kaminari does, and `meta` built by hand (current_page 0 when empty).
struct Pagination: Sendable {
    var page: Int
    var perPage: Int

    init(_ query: QueryParameters) {
        let rawPage = query.scalar("page").flatMap { Int($0) } ?? 1
        page = rawPage < 1 ? 1 : rawPage
        if let raw = query.scalar("per_page") {
            if let value = Int(raw), value >= 0 {
                // per_page=0 would make Lago divide by zero (500); the sandbox clamps to 1.
                perPage = max(1, value)
            } else {
                perPage = 25
            }
        } else {
            perPage = 100
        }
    }

    /// The slice of `total` rows this page covers.
    func range(total: Int) -> Range<Int> {
        let start = min(total, (page - 1).multipliedReportingOverflow(by: perPage).overflow ? total : (page - 1) * perPage)
        return start..<min(total, start + perPage)
    }

    func meta(total: Int) -> JSON {
        if total == 0 {
            return .obj(["current_page": .int(0), "next_page": .null, "prev_page": .null, "total_pages": .int(0), "total_count": .int(0)])
        }
        let totalPages = (total + perPage - 1) / perPage
        return .obj([
            "current_page": .int(page),
            "next_page": page < totalPages ? .int(page + 1) : .null,
            "prev_page": page > 1 ? .int(page - 1) : .null,
            "total_pages": .int(totalPages),
            "total_count": .int(total),
        ])
    }

    /// `{"<key>": [...], "meta": {...}}` for the rows of this page, rendered lazily.
    func response(key: String, total: Int, render: (Range<Int>) -> [JSON]) -> SandboxResponse {
        .json(.obj([key: .array(render(range(total: total))), "meta": meta(total: total)]))
    }

    /// Pages over an index list, rendering only the rows on the page.
    func response<T>(key: String, rows: [T], render: (T) -> JSON) -> SandboxResponse {
        response(key: key, total: rows.count) { range in rows[range].map(render) }
    }
}
