extension SandboxStore {
    /// `CustomerObject` (list and nested forms); `extended` adds the show-only keys.
    func customerJSON(_ i: Int, extended: Bool = false, includeIntegrations: Bool = true) -> JSON {
        let c = customers[i]
        let entity = billingEntities[c.billingEntity]
        let provider: JSON = c.paymentProvider.map { provider in
            JSON.obj([
                "invoice_grace_period": .intOrNull(c.invoiceGracePeriod.map(Int64.init)),
                "subscription_invoice_issuing_date_anchor": .null,
                "subscription_invoice_issuing_date_adjustment": .null,
                "payment_provider": .string(provider),
                "payment_provider_code": .string("\(provider)_main"),
                "provider_customer_id": .string("\(provider.prefix(3))_\(c.externalId.dropFirst(5))"),
                "sync": .bool(true),
                "sync_with_provider": .bool(true),
                "document_locale": .str(c.documentLocale),
                "provider_payment_methods": .array([.string("card")]),
            ])
        } ?? JSON.obj([
            "invoice_grace_period": .intOrNull(c.invoiceGracePeriod.map(Int64.init)),
            "subscription_invoice_issuing_date_anchor": .null,
            "subscription_invoice_issuing_date_adjustment": .null,
            "payment_provider": .null,
            "payment_provider_code": .null,
            "document_locale": .str(c.documentLocale),
        ])
        var json = JSON.obj([
            "lago_id": .string(customerId(i)),
            "billing_entity_code": .string(entity.code),
            "sequential_id": .int(i + 1),
            "slug": .string("\(entity.prefix)-\(i + 1)"),
            "external_id": .string(c.externalId),
            "address_line1": .str(c.addressLine1),
            "address_line2": .null,
            "applicable_timezone": .string(c.timezone ?? entity.timezone),
            "city": .str(c.city),
            "country": .str(c.country),
            "currency": .string(c.currency.code),
            "email": .str(c.email),
            "legal_name": .str(c.legalName),
            "legal_number": .str(c.legalNumber),
            "logo_url": .null,
            "name": .str(c.name),
            "firstname": .str(c.firstname),
            "lastname": .str(c.lastname),
            "account_type": .string(c.accountType),
            "customer_type": .str(c.customerType),
            "phone": .str(c.phone),
            "state": .str(c.state),
            "tax_identification_number": .str(c.taxIdentificationNumber),
            "timezone": .str(c.timezone),
            "url": .str(c.url),
            "zipcode": .str(c.zipcode),
            "net_payment_term": .intOrNull(c.netPaymentTerm.map(Int64.init)),
            "created_at": .string(CivilTime.timestamp(c.createdAt)),
            "updated_at": .string(CivilTime.timestamp(c.updatedAt)),
            "finalize_zero_amount_invoice": .string("inherit"),
            "skip_invoice_custom_sections": .bool(false),
            "billing_configuration": provider,
            "shipping_address": .obj([
                "address_line1": .str(c.addressLine1), "address_line2": .null, "city": .str(c.city),
                "country": .str(c.country), "state": .str(c.state), "zipcode": .str(c.zipcode),
            ]),
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
        if includeIntegrations {
            json = json.appending(["integration_customers": .array([]), "taxes": .array(customerTaxes(i))])
        }
        if extended {
            json = json.appending(["applicable_invoice_custom_sections": .array([]), "error_details": .array([])])
        }
        return json
    }

    func customerTaxes(_ i: Int) -> [JSON] {
        let tax = [SandboxCurrency.usd: 0, .eur: 1, .gbp: 2, .jpy: 3][customers[i].currency] ?? 4
        return [taxJSON(tax)]
    }

    func taxJSON(_ t: Int) -> JSON {
        let tax = taxes[t]
        return .obj([
            "lago_id": .string(ids.make(.tax, t)),
            "name": .string(tax.name),
            "code": .string(tax.code),
            "description": .str(tax.description),
            "rate": .number(Decimals.string(Int64(tax.rateHundredths), scale: 2)),
            "applied_to_organization": .bool(tax.appliedToOrganization),
            "add_ons_count": .int(addOns.filter { $0.tax == t }.count),
            "customers_count": .int(0),
            "plans_count": .int(plans.filter { $0.tax == t }.count),
            "charges_count": .int(0),
            "commitments_count": .int(0),
            "created_at": .string(CivilTime.timestamp(tax.createdAt)),
        ])
    }

    func billingEntityJSON(_ b: Int) -> JSON {
        let e = billingEntities[b]
        return .obj([
            "lago_id": .string(ids.make(.billingEntity, b)),
            "code": .string(e.code),
            "name": .string(e.name),
            "default_currency": .string(e.currency.code),
            "document_locale": .string(e.country == "FR" ? "fr" : (e.country == "JP" ? "ja" : "en")),
            "document_numbering": .string("per_customer"),
            "document_number_prefix": .string(e.prefix),
            "finalize_zero_amount_invoice": .bool(true),
            "invoice_footer": .null,
            "invoice_grace_period": .int(e.gracePeriod),
            "subscription_invoice_issuing_date_anchor": .string("next_period_start"),
            "subscription_invoice_issuing_date_adjustment": .string("align_with_finalization_date"),
            "is_default": .bool(e.isDefault),
            "net_payment_term": .int(e.netPaymentTerm),
            "address_line1": .null,
            "address_line2": .null,
            "city": .null,
            "state": .null,
            "country": .string(e.country),
            "zipcode": .null,
            "email": .string("billing@\(e.code.replacingUnderscores()).example.com"),
            "legal_name": .string(e.name),
            "legal_number": .null,
            "tax_identification_number": .null,
            "timezone": .string(e.timezone),
            "email_settings": .array([.string("invoice.finalized")]),
            "eu_tax_management": .bool(e.country == "FR"),
            "logo_url": .null,
            "created_at": .string(CivilTime.timestamp(e.createdAt)),
            "updated_at": .string(CivilTime.timestamp(e.createdAt)),
        ])
    }
}

extension String {
    func replacingUnderscores() -> String { String(map { $0 == "_" ? "-" : $0 }) }
}
