import Foundation

/// Filters of `GET /wallets/{wallet lago_id}/wallet_transactions`. The server silently ignores
/// an invalid value (and returns everything), so unknown values are refused here instead.
public struct WalletTransactionListQuery: LagoListQuery {
    public typealias Record = WalletTransaction

    /// The wallet's `lago_id` (the list is nested under it).
    public var walletId: String
    public var status: WalletTransactionStatus?
    public var transactionType: WalletTransactionType?
    public var transactionStatus: WalletTransactionTransactionStatus?
    /// `metadata[key]=value` against the transaction's `[{key, value}]` metadata.
    public var metadata: [String: String]

    public init(
        walletId: String,
        status: WalletTransactionStatus? = nil,
        transactionType: WalletTransactionType? = nil,
        transactionStatus: WalletTransactionTransactionStatus? = nil,
        metadata: [String: String] = [:]
    ) {
        self.walletId = walletId
        self.status = status
        self.transactionType = transactionType
        self.transactionStatus = transactionStatus
        self.metadata = metadata
    }

    public var parentID: String? { walletId }

    public var queryItems: [URLQueryItem] {
        var query = QueryItems()
        query.add("status", status)
        query.add("transaction_type", transactionType)
        query.add("transaction_status", transactionStatus)
        query.addHash("metadata", metadata)
        return query.items
    }

    public func validate() throws(LagoQueryError) {
        if walletId.isEmpty {
            throw LagoQueryError(parameter: "wallet_id", message: "wallet transactions are listed per wallet: a wallet id is required")
        }
        try QueryCheck.oneOf("status", status)
        try QueryCheck.oneOf("transaction_type", transactionType)
        try QueryCheck.oneOf("transaction_status", transactionStatus)
        try QueryCheck.metadata(metadata)
    }
}
