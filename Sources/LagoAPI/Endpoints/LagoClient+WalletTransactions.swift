import Foundation

extension LagoClient {
    /// `POST /wallet_transactions`: tops up a wallet with paid credits (billed through a credit
    /// invoice; the transaction stays `pending` until that invoice is paid) and/or granted
    /// credits (free, `settled` at once). Returns the created transactions in order paid,
    /// granted; a zero component creates none. Never retried: a top-up is not idempotent, so
    /// an unknown outcome is reported as `LagoError.outcomeUnknown`.
    public func topUpWallet(walletId: String, paidCredits: Decimal?, grantedCredits: Decimal?) async throws -> [WalletTransaction] {
        try await perform(.topUpWallet(walletId: walletId, paidCredits: paidCredits, grantedCredits: grantedCredits), as: [WalletTransaction].self)
    }
}

/// `{"wallet_transaction": {"wallet_id", "paid_credits", "granted_credits"}}`, credits as
/// decimal strings as Lago's own clients send them.
struct TopUpBody: Encodable, Equatable {
    struct Transaction: Encodable, Equatable {
        var walletId: String
        var paidCredits: String?
        var grantedCredits: String?

        enum CodingKeys: String, CodingKey {
            case walletId = "wallet_id"
            case paidCredits = "paid_credits"
            case grantedCredits = "granted_credits"
        }
    }

    var walletTransaction: Transaction

    enum CodingKeys: String, CodingKey {
        case walletTransaction = "wallet_transaction"
    }

    /// Refuses what the server would refuse (422) before anything is sent: a missing wallet,
    /// negative amounts, and a top-up with nothing to add.
    static func validated(walletId: String, paidCredits: Decimal?, grantedCredits: Decimal?) throws(LagoQueryError) -> TopUpBody {
        guard !walletId.isEmpty else {
            throw LagoQueryError(parameter: "wallet_id", message: "a top-up needs the wallet's lago_id")
        }
        for (name, value) in [("paid_credits", paidCredits), ("granted_credits", grantedCredits)] {
            if let value, value < 0 || !value.isFinite {
                throw LagoQueryError(parameter: name, message: "\(name) must be a positive number of credits; got \(value)")
            }
        }
        guard (paidCredits ?? 0) > 0 || (grantedCredits ?? 0) > 0 else {
            throw LagoQueryError(parameter: "paid_credits", message: "a top-up needs paid_credits or granted_credits above zero")
        }
        return TopUpBody(walletTransaction: Transaction(
            walletId: walletId,
            paidCredits: paidCredits.map { "\($0)" },
            grantedCredits: grantedCredits.map { "\($0)" }))
    }
}

