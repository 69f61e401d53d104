/// A charge fee's `amount_details` (`FeeAmountDetails`): how its charge model reached the
/// amount — the graduated tiers crossed, the packages bought, the percentage and fixed fees —
/// in major units as decimal strings, the way Lago's invoice shows them.
extension SandboxStore {
    func chargeAmountDetails(_ pricing: ChargePricing, line: FeeLine) -> JSON {
        let units = line.unitsHundredths
        switch pricing {
        case .standard:
            return .obj([:])
        case .graduated(let ranges):
            var tiers: [JSON] = []
            var previousUpper: Int64 = 0
            for range in ranges {
                let upper = range.to.map { Int64($0) * 100 } ?? Int64.max
                let inRange = max(0, min(units, upper) - previousUpper)
                guard inRange > 0 else { break }
                let perUnitTotal = range.perUnitMicros * inRange / 100
                tiers.append(.obj([
                    "units": .string(Decimals.string(inRange, scale: 2)),
                    "from_value": .int(range.from),
                    "to_value": range.to.map { .int($0) } ?? .null,
                    "flat_unit_amount": .string(Self.microsString(range.flatMicros)),
                    "per_unit_amount": .string(Self.microsString(range.perUnitMicros)),
                    "per_unit_total_amount": .string(Self.microsString(perUnitTotal)),
                    "total_with_flat_amount": .string(Self.microsString(perUnitTotal + range.flatMicros)),
                ]))
                previousUpper = upper
                if units <= upper { break }
            }
            return .obj(["graduated_ranges": .array(tiers)])
        case .package(let amount, let size, let free):
            return .obj([
                "free_units": .string(Decimals.string(min(units, Int64(free) * 100), scale: 2)),
                "paid_units": .string(Decimals.string(max(0, units - Int64(free) * 100), scale: 2)),
                "per_package_size": .int(size),
                "per_package_unit_amount": .string(Self.microsString(amount)),
            ])
        case .percentage(let rate, let fixed):
            let events = Int64(line.eventsCount ?? 0)
            return .obj([
                "units": .string(Decimals.string(units, scale: 2)),
                "free_units": .string("0.0"),
                "paid_units": .string(Decimals.string(units, scale: 2)),
                "free_events": .int(0),
                "rate": .string(Decimals.string(Int64(rate), scale: 2)),
                "per_unit_total_amount": .string(Self.microsString(units * Int64(rate))),
                "paid_events": .int(events),
                "fixed_fee_unit_amount": .string(Self.microsString(fixed)),
                "fixed_fee_total_amount": .string(Self.microsString(fixed * events)),
            ])
        }
    }

    /// A fee's `applied_taxes`: one per rate the invoice applies.
    func feeAppliedTaxesJSON(invoice i: Int, line: FeeLine, amount: Int64) -> [JSON] {
        guard let detail = invoiceDetails[Int32(i)] else {
            let invoice = invoices[i]
            guard invoice.taxRateHundredths != 0 else { return [] }
            let tax = taxIndex(rateHundredths: Int(invoice.taxRateHundredths), customer: Int(invoice.customer))
            return [feeAppliedTaxJSON(invoice: i, position: line.position, tax: tax, slot: 0, amount: amount)]
        }
        return detail.taxes.enumerated().map { slot, tax in
            feeAppliedTaxJSON(invoice: i, position: line.position, tax: tax, slot: slot,
                              amount: Self.taxCents(line.amountCents, rateHundredths: taxes[tax].rateHundredths))
        }
    }
}
