import Foundation

/// One entry of `GET /activity_logs`: what changed, on which record, through which source.
/// Entries the sandbox's own actions make are stored; the seed's history (records created,
/// subscriptions started, invoices issued) is derived from the records' dates on demand.
struct ActivityRecord: Sendable {
    var type: String
    /// `api`, `front` or `system`.
    var source: String
    /// Lago's Ruby class name: `Invoice`, `Customer`, `Subscription`, `Wallet`, `Plan`…
    var resourceType: String
    var resourceId: String
    /// The record as flat strings (ClickHouse's `Map(String, Nullable(String))`).
    var object: [(String, String?)]
    /// `field → (before, after)`, only for `*updated*` types.
    var changes: [(String, String?, String?)]
    var externalCustomerId: String?
    var externalSubscriptionId: String?
    var userEmail: String?
    var loggedAt: Int64
}

extension SandboxStore {
    /// Runs a mutating request and logs what it changed on the record it addresses (an invoice
    /// action, a wallet top-up): the record's fields before and after, field by field.
    mutating func recordingActivity(_ request: SandboxRequest, _ body: (inout SandboxStore) throws -> SandboxResponse) throws -> SandboxResponse {
        guard request.method != "GET", let subject = activitySubject(request) else { return try body(&self) }
        let before = subject.fields(self)
        let response = try body(&self)
        guard (200..<300).contains(response.status) else { return response }
        let after = subject.fields(self)
        var changes: [(String, String?, String?)] = []
        for (key, value) in after where key != "updated_at" {
            let old = before.first { $0.0 == key }?.1 ?? nil
            if old != value { changes.append((key, old, value)) }
        }
        guard !changes.isEmpty else { return response }
        let voided = changes.contains { $0.0 == "status" && $0.2 == "voided" }
        let paymentOnly = changes.allSatisfy { ["payment_status", "total_paid_amount_cents", "total_due_amount_cents", "payment_overdue"].contains($0.0) }
        let type = voided ? "\(subject.name).voided" : paymentOnly ? "\(subject.name).payment_status_updated" : "\(subject.name).updated"
        activities.append(ActivityRecord(type: type, source: "api", resourceType: subject.resourceType, resourceId: subject.id(self), object: after,
                                         changes: type.contains("updated") ? changes : [], externalCustomerId: subject.externalCustomerId(self),
                                         externalSubscriptionId: nil, userEmail: nil, loggedAt: now))
        return response
    }

    /// The record a request changes, when the sandbox logs its activity.
    struct ActivitySubject {
        var name: String
        var resourceType: String
        var index: Int

        func fields(_ store: SandboxStore) -> [(String, String?)] {
            let json: JSON = name == "invoice" ? store.invoiceJSON(index, bare: true, baseURL: "") : store.walletJSON(index)
            return SandboxStore.flatten(json)
        }

        func id(_ store: SandboxStore) -> String { store.ids.make(name == "invoice" ? .invoice : .wallet, index) }

        func externalCustomerId(_ store: SandboxStore) -> String? {
            let customer = name == "invoice" ? Int(store.invoices[index].customer) : Int(store.wallets[index].customer)
            return store.customers[customer].externalId
        }
    }

    func activitySubject(_ request: SandboxRequest) -> ActivitySubject? {
        let segments = request.segments
        if segments.count >= 2, segments[0] == "invoices", let i = invoiceIndex(lagoId: segments[1]) {
            return ActivitySubject(name: "invoice", resourceType: "Invoice", index: i)
        }
        if segments == ["wallet_transactions"],
           let root = try? JSONSerialization.jsonObject(with: Data(request.body)) as? [String: Any],
           let id = (root["wallet_transaction"] as? [String: Any])?["wallet_id"] as? String, let w = walletIndex(lagoId: id) {
            return ActivitySubject(name: "wallet", resourceType: "Wallet", index: w)
        }
        return nil
    }

    /// A record's top-level fields as strings, nested values JSON-encoded, as ClickHouse keeps them.
    static func flatten(_ json: JSON) -> [(String, String?)] {
        guard case let .object(fields) = json else { return [] }
        return fields.map { field in
            switch field.value {
            case .null: return (field.key, nil)
            case let .string(s): return (field.key, s)
            case let .number(n): return (field.key, n)
            case let .int(i): return (field.key, String(i))
            case let .bool(b): return (field.key, b ? "true" : "false")
            default: return (field.key, String(decoding: field.value.bytes, as: UTF8.self))
            }
        }
    }

    // MARK: seeded history

    /// Index offsets of derived entries' ids, one range per record kind.
    static let seededActivityBase = 1_000_000_000

    /// Every activity in the retention window (30 days), stored and derived, newest first.
    func activityLog(since: Int64) -> [(id: Int, record: ActivityRecord)] {
        var out: [(Int, ActivityRecord)] = []
        for (n, record) in activities.enumerated() where record.loggedAt >= since { out.append((n, record)) }
        let base = Self.seededActivityBase
        for (c, customer) in customers.enumerated() where customer.createdAt >= since && !customer.deleted {
            out.append((base + c, ActivityRecord(type: "customer.created", source: "api", resourceType: "Customer", resourceId: customerId(c),
                                                 object: Self.flatten(customerJSON(c, includes: .nested)), changes: [], externalCustomerId: customer.externalId,
                                                 externalSubscriptionId: nil, userEmail: nil, loggedAt: customer.createdAt)))
        }
        for (s, sub) in subscriptions.enumerated() {
            guard let started = sub.startedAt, started >= since, started <= now else { continue }
            out.append((2 * base + s, ActivityRecord(type: "subscription.started", source: "system", resourceType: "Subscription", resourceId: subscriptionId(s),
                                                     object: Self.flatten(subscriptionJSON(s)), changes: [], externalCustomerId: customers[sub.customer].externalId,
                                                     externalSubscriptionId: sub.externalId, userEmail: nil, loggedAt: started)))
        }
        for (i, invoice) in invoices.enumerated() where invoice.createdAt >= since && invoice.createdAt <= now {
            out.append((3 * base + i, ActivityRecord(type: invoice.status == .draft ? "invoice.drafted" : "invoice.created", source: "system", resourceType: "Invoice",
                                                     resourceId: invoiceId(i), object: Self.flatten(invoiceJSON(i, bare: true, baseURL: "")), changes: [],
                                                     externalCustomerId: customers[Int(invoice.customer)].externalId, externalSubscriptionId: nil,
                                                     userEmail: nil, loggedAt: invoice.createdAt)))
        }
        for r in 0..<seededPaymentRequests where paymentRequests[r].createdAt >= since {
            out.append((5 * base + r, paymentRequestActivity(r)))
        }
        for (w, wallet) in wallets.enumerated() where wallet.createdAt >= since {
            out.append((4 * base + w, ActivityRecord(type: "wallet.created", source: "front", resourceType: "Wallet", resourceId: ids.make(.wallet, w),
                                                     object: Self.flatten(walletJSON(w)), changes: [], externalCustomerId: customers[Int(wallet.customer)].externalId,
                                                     externalSubscriptionId: nil, userEmail: "finance@acme.example", loggedAt: wallet.createdAt)))
        }
        return out.sorted { $0.1.loggedAt != $1.1.loggedAt ? $0.1.loggedAt > $1.1.loggedAt : $0.0 > $1.0 }
    }

    /// `ActivityLogObject` (BEHAVIOUR.md C6): the object as flat strings, changes as
    /// JSON-encoded `[before, after]` pairs, no `organization_id`.
    func activityJSON(id: Int, _ record: ActivityRecord) -> JSON {
        func encoded(_ value: String?) -> String { value.map { String(decoding: JSON.string($0).bytes, as: UTF8.self) } ?? "null" }
        return .obj([
            "activity_id": .string(ids.make(.activityLog, id)),
            "activity_type": .string(record.type),
            "activity_source": .string(record.source),
            "activity_object": .object(record.object.map { JSON.Field(key: $0.0, value: .str($0.1)) }),
            "activity_object_changes": .object(record.changes.map { JSON.Field(key: $0.0, value: .string("[\(encoded($0.1)),\(encoded($0.2))]")) }),
            "user_email": .str(record.userEmail),
            "resource_id": .string(record.resourceId),
            "resource_type": .string(record.resourceType),
            "external_customer_id": .str(record.externalCustomerId),
            "external_subscription_id": .str(record.externalSubscriptionId),
            "logged_at": .string(CivilTime.timestamp(record.loggedAt)),
            "created_at": .string(CivilTime.timestamp(record.loggedAt)),
        ])
    }
}
