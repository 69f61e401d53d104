/// One page of a Lago list: the decoded items in API order and the server's ``PageMeta``.
public struct Page<Item: Sendable>: Sendable {
    /// The records on this page, in the server's order.
    public var items: [Item]
    /// Lago's pagination `meta`.
    public var meta: PageMeta

    /// Creates a page.
    public init(items: [Item], meta: PageMeta) {
        self.items = items
        self.meta = meta
    }
}

extension Page: Equatable where Item: Equatable {}
