/// A Lago object with a stable identifier that can be listed and fetched on its own.
/// `id` is the record's `lago_id` (events without one fall back to `transaction_id`, API logs
/// use `request_id`); `resource` names the endpoint family it comes from.
public protocol LagoRecord: Decodable, Sendable, Identifiable where ID == String {
    static var resource: LagoResource { get }

    /// The value `GET {resource.path}/{recordKey}` takes (`LagoResource.recordKeyField`): the
    /// external id of customers and subscriptions, the code of catalogue objects, an event's
    /// transaction id, else `id`.
    var recordKey: String { get }
}

extension LagoRecord {
    public var recordKey: String { id }
}
