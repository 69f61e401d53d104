import Synchronization

/// Serialised JSON of records that never change once seeded (customers, in the form nested in
/// invoices and credit notes), shared by every copy of a store: a page of 100 invoices embeds
/// 100 customers, and rendering them again each time dominated the cost of a page.
final class RenderCache: Sendable {
    private let customers = Mutex<[Int: [UInt8]]>([:])

    func customer(_ index: Int, render: () -> JSON) -> JSON {
        if let bytes = customers.withLock({ $0[index] }) { return .raw(bytes) }
        let bytes = render().bytes
        customers.withLock { $0[index] = bytes }
        return .raw(bytes)
    }
}
