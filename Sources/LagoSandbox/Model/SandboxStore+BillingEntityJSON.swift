extension SandboxStore {
    /// `V1::BillingEntitySerializer`, keys in its order; `detail` adds the show action's
    /// includes, `taxes` and `selected_invoice_custom_sections`.
    func billingEntityJSON(_ b: Int, detail: Bool = false) -> JSON {
        let e = billingEntities[b]
        let json = JSON.obj([
            "lago_id": .string(ids.make(.billingEntity, b)),
            "code": .string(e.code),
            "name": .string(e.name),
            "default_currency": .string(e.currency.code),
            "created_at": .string(CivilTime.timestamp(e.createdAt)),
            "updated_at": .string(CivilTime.timestamp(e.createdAt)),
            "country": .string(e.country),
            "address_line1": .null,
            "address_line2": .null,
            "phone": .null,
            "city": .null,
            "state": .null,
            "zipcode": .null,
            "einvoicing": .bool(false),
            "email": .string("billing@\(e.code.replacingUnderscores()).example.com"),
            "legal_name": .string(e.name),
            "legal_number": .null,
            "timezone": .string(e.timezone),
            "net_payment_term": .int(e.netPaymentTerm),
            "email_settings": .array([.string("invoice.finalized")]),
            "document_numbering": .string("per_customer"),
            "document_number_prefix": .string(e.prefix),
            "tax_identification_number": .null,
            "finalize_zero_amount_invoice": .bool(true),
            "invoice_footer": .null,
            "invoice_grace_period": .int(e.gracePeriod),
            "subscription_invoice_issuing_date_adjustment": .string("align_with_finalization_date"),
            "subscription_invoice_issuing_date_anchor": .string("next_period_start"),
            "document_locale": .string(e.country == "FR" ? "fr" : (e.country == "JP" ? "ja" : "en")),
            "is_default": .bool(e.isDefault),
            "eu_tax_management": .bool(e.country == "FR"),
            "logo_url": .null,
        ])
        guard detail else { return json }
        return json.appending([
            "taxes": .array(taxesApplied(toBillingEntity: b).map { taxJSON($0) }),
            "selected_invoice_custom_sections": .array([]),
        ])
    }
}

extension String {
    func replacingUnderscores() -> String { String(map { $0 == "_" ? "-" : $0 }) }
}
