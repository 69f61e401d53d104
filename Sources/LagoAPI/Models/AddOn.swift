import Foundation

/// An add-on: a one-off charge that can be invoiced on its own.
public struct AddOn: LagoRecord, Codable, Hashable, Sendable {
    /// The endpoint family this record comes from.
    public static let resource: LagoResource = .addOns
    /// Stable identity for lists and diffing: `lagoId`.
    public var id: String { lagoId }
    /// The identifier `GET {path}/{id}` takes for this resource.
    public var recordKey: String { code }

    public var lagoId: String
    public var code: String
    public var name: String?
    public var invoiceDisplayName: String?
    public var description: String?
    /// Minor units (cents) of the currency; see the `Money` accessors.
    public var amountCents: Int64?
    public var amountCurrency: Currency?
    public var taxes: [Tax]?
    public var createdAt: Date?

    /// Builds a value directly (tests, previews); decoding is the usual way in.
    public init(
        lagoId: String,
        code: String,
        name: String? = nil,
        invoiceDisplayName: String? = nil,
        description: String? = nil,
        amountCents: Int64? = nil,
        amountCurrency: Currency? = nil,
        taxes: [Tax]? = nil,
        createdAt: Date? = nil
    ) {
        self.lagoId = lagoId
        self.code = code
        self.name = name
        self.invoiceDisplayName = invoiceDisplayName
        self.description = description
        self.amountCents = amountCents
        self.amountCurrency = amountCurrency
        self.taxes = taxes
        self.createdAt = createdAt
    }

    /// `amountCents` as money in the record's currency; nil when either is missing.
    public var amount: Money? { Money.optional(cents: amountCents, currency: amountCurrency) }

    enum CodingKeys: String, CodingKey {
        case lagoId = "lago_id"
        case code
        case name
        case invoiceDisplayName = "invoice_display_name"
        case description
        case amountCents = "amount_cents"
        case amountCurrency = "amount_currency"
        case taxes
        case createdAt = "created_at"
    }
}
