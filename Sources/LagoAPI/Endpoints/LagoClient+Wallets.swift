import Foundation

extension LagoClient {
    /// `GET /wallets` (every wallet of the organization when no customer is given).
    public func wallets(_ query: WalletListQuery = .init(), page: Int = 1, perPage: Int? = nil) async throws -> Page<Wallet> {
        try await list(query, page: page, perPage: perPage)
    }

    /// `GET /wallets/{lago_id}`.
    public func wallet(lagoId: String) async throws -> Wallet {
        try await record(Wallet.self, id: lagoId)
    }
}
