/// The kinds of records the sandbox identifies with a `lago_id`.
enum RecordKind: UInt8, Sendable, CaseIterable {
    case customer = 1, subscription, invoice, fee, wallet, walletTransaction, payment, creditNote
    case billableMetric, plan, charge, coupon, addOn, tax, billingEntity, event, metadata
    case appliedTax, apiLog, lifetimeUsage, creditNoteItem, threshold, commitment
    case credit, activityLog, paymentRequest
}

/// Deterministic, invertible UUIDs: the first 76 bits come from the seed (so they look random),
/// the last 12 hex digits encode the record kind and index, so a lookup by `lago_id` needs no
/// dictionary even with a million invoices.
struct SandboxID: Sendable {
    let seed: UInt64

    private static let hex = Array("0123456789abcdef".utf8)

    func make(_ kind: RecordKind, _ index: Int) -> String {
        let h = SplitMix64.mix(seed ^ (UInt64(kind.rawValue) << 56) ^ UInt64(truncatingIfNeeded: index) &* 0x2545_F491_4F6C_DD1D)
        var out = [UInt8]()
        out.reserveCapacity(36)
        func put(_ value: UInt64, digits: Int) {
            for shift in stride(from: (digits - 1) * 4, through: 0, by: -4) {
                out.append(Self.hex[Int((value >> UInt64(shift)) & 0xF)])
            }
        }
        put(h >> 32, digits: 8)
        out.append(UInt8(ascii: "-"))
        put((h >> 16) & 0xFFFF, digits: 4)
        out.append(UInt8(ascii: "-"))
        out.append(UInt8(ascii: "4"))
        put(h & 0xFFF, digits: 3)
        out.append(UInt8(ascii: "-"))
        put(0x8 | ((h >> 60) & 0x3), digits: 1)
        put((h >> 48) & 0xFFF, digits: 3)
        out.append(UInt8(ascii: "-"))
        put(UInt64(kind.rawValue), digits: 2)
        put(UInt64(truncatingIfNeeded: index) & 0xFF_FFFF_FFFF, digits: 10)
        return String(decoding: out, as: UTF8.self)
    }

    /// The index of a `lago_id` of the given kind, or nil when it is not one of ours.
    func index(of id: String, kind: RecordKind) -> Int? {
        let utf8 = Array(id.lowercased().utf8)
        guard utf8.count == 36 else { return nil }
        var value: UInt64 = 0
        for byte in utf8[24...] {
            guard let digit = Self.hex.firstIndex(of: byte) else { return nil }
            value = value << 4 | UInt64(digit)
        }
        guard UInt8(value >> 40) == kind.rawValue else { return nil }
        let index = Int(value & 0xFF_FFFF_FFFF)
        return make(kind, index) == String(decoding: utf8, as: UTF8.self) ? index : nil
    }
}
