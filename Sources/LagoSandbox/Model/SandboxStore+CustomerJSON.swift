/// The includes a customer is serialized with (`V1::CustomerSerializer`'s `includes:`).
struct CustomerIncludes: OptionSet, Sendable {
    let rawValue: Int
    static let taxes = CustomerIncludes(rawValue: 1)
    static let integrationCustomers = CustomerIncludes(rawValue: 2)
    /// `applicable_invoice_custom_sections` and `error_details`.
    static let showExtras = CustomerIncludes(rawValue: 4)

    /// `GET /customers`.
    static let list: CustomerIncludes = [.taxes, .integrationCustomers]
    /// `GET /customers/{external_id}`.
    static let show: CustomerIncludes = [.taxes, .integrationCustomers, .showExtras]
    /// The customer inside an invoice or a credit note.
    static let nested: CustomerIncludes = [.integrationCustomers]
}

extension SandboxStore {
    /// `V1::CustomerSerializer`, keys in its order, with the includes the caller's action passes.
    func customerJSON(_ i: Int, includes: CustomerIncludes) -> JSON {
        let c = customers[i]
        let entity = billingEntities[c.billingEntity]
        var billing = JSON.obj([
            "invoice_grace_period": .intOrNull(c.invoiceGracePeriod.map(Int64.init)),
            "payment_provider": .str(c.paymentProvider),
            "payment_provider_code": .str(c.paymentProvider.map { "\($0)_main" }),
            "document_locale": .str(c.documentLocale),
            "subscription_invoice_issuing_date_anchor": .null,
            "subscription_invoice_issuing_date_adjustment": .null,
        ])
        if let provider = c.paymentProvider {
            // The provider customer's id, then its settings hash merged in.
            billing = billing.appending(["provider_customer_id": .string("\(provider.prefix(3))_\(c.externalId.dropFirst(5))")])
            if provider == "stripe" { billing = billing.appending(["provider_payment_methods": .array([.string("card")])]) }
            billing = billing.appending(["sync_with_provider": .bool(true)])
        }
        var json = JSON.obj([
            "lago_id": .string(customerId(i)),
            "billing_entity_code": .string(entity.code),
            "external_id": .string(c.externalId),
            "account_type": .string(c.accountType),
            "name": .str(c.name),
            "firstname": .str(c.firstname),
            "lastname": .str(c.lastname),
            "customer_type": .str(c.customerType),
            "sequential_id": .int(i + 1),
            "slug": .string("\(entity.prefix)-\(i + 1)"),
            "created_at": .string(CivilTime.timestamp(c.createdAt)),
            "updated_at": .string(CivilTime.timestamp(c.updatedAt)),
            "country": .str(c.country),
            "address_line1": .str(c.addressLine1),
            "address_line2": .null,
            "state": .str(c.state),
            "zipcode": .str(c.zipcode),
            "email": .str(c.email),
            "city": .str(c.city),
            "url": .str(c.url),
            "phone": .str(c.phone),
            "logo_url": .null,
            "legal_name": .str(c.legalName),
            "legal_number": .str(c.legalNumber),
            "currency": .string(c.currency.code),
            "tax_identification_number": .str(c.taxIdentificationNumber),
            "timezone": .str(c.timezone),
            "applicable_timezone": .string(c.timezone ?? entity.timezone),
            "net_payment_term": .intOrNull(c.netPaymentTerm.map(Int64.init)),
            "external_salesforce_id": .null,
            "finalize_zero_amount_invoice": .string("inherit"),
            "billing_configuration": billing,
            "shipping_address": .obj([
                "address_line1": .str(c.addressLine1), "address_line2": .null, "city": .str(c.city),
                "zipcode": .str(c.zipcode), "state": .str(c.state), "country": .str(c.country),
            ]),
            "skip_invoice_custom_sections": .bool(false),
            "metadata": .array(c.metadata.enumerated().map { n, pair in
                .obj([
                    "lago_id": .string(ids.make(.metadata, i * 8 + n)),
                    "key": .string(pair.key),
                    "value": .string(pair.value),
                    "display_in_invoice": .bool(pair.displayInInvoice),
                    "created_at": .string(CivilTime.timestamp(c.createdAt)),
                ])
            }),
        ])
        if includes.contains(.taxes) { json = json.appending(["taxes": .array(customerTaxes(i))]) }
        if includes.contains(.integrationCustomers) { json = json.appending(["integration_customers": .array([])]) }
        if includes.contains(.showExtras) {
            json = json.appending(["applicable_invoice_custom_sections": .array([]), "error_details": .array([])])
        }
        return json
    }

    func customerTaxes(_ i: Int) -> [JSON] {
        let tax = [SandboxCurrency.usd: 0, .eur: 1, .gbp: 2, .jpy: 3][customers[i].currency] ?? 4
        return [taxJSON(tax)]
    }
}
