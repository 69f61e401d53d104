import Foundation

/// Wallets, their transactions, and top-ups (`POST /wallet_transactions`).
enum WalletHandlers {
    static let routes: [Route] = [
        Route("GET", "wallets", { store, ctx in try list(&store, ctx, customer: nil) }),
        Route("GET", "customers/:external_customer_id/wallets", { store, ctx in
            try list(&store, ctx, customer: CustomerHandlers.customer(store, ctx))
        }),
        Route("GET", "wallets/:lago_id", show),
        Route("GET", "customers/:external_customer_id/wallets/:code", showByCode),
        Route("GET", "wallets/:lago_id/wallet_transactions", transactions),
        Route("GET", "wallet_transactions/:lago_id", showTransaction),
        Route("POST", "wallet_transactions", topUp),
    ]

    /// The customer filter is optional, but an unknown customer is 404 `customer_not_found`.
    static func list(_ store: inout SandboxStore, _ ctx: HandlerContext, customer: Int?) throws -> SandboxResponse {
        let q = ctx.query
        var customerFilter = customer
        if customerFilter == nil, let ext = q.scalar("external_customer_id") {
            guard let i = store.customerIndex(externalId: ext) else { throw ApiError.notFound("customer_not_found") }
            customerFilter = i
        }
        let entities = try FilterSupport.billingEntities(q, store: store)
        let currency = q.scalar("currency")
        var rows = customerFilter.map { store.walletsByCustomer[$0].map(Int.init) } ?? Array(store.wallets.indices)
        let wallets = store.wallets, customers = store.customers
        rows = rows.filter { w in
            let customer = customers[Int(wallets[w].customer)]
            if let currency, customer.currency.code != currency { return false }
            if let entities, !entities.contains(customer.billingEntity) { return false }
            return true
        }
        rows.sort { a, b in wallets[a].createdAt != wallets[b].createdAt ? wallets[a].createdAt > wallets[b].createdAt : a < b }
        let snapshot = store
        return Pagination(q).response(key: "wallets", rows: rows) { snapshot.walletJSON($0) }
    }

    static func show(_ store: inout SandboxStore, _ ctx: HandlerContext) throws -> SandboxResponse {
        guard let w = store.walletIndex(lagoId: ctx.request.parameter("lago_id")) else { throw ApiError.notFound("wallet_not_found") }
        return .json(.obj(["wallet": store.walletJSON(w)]))
    }

    static func showByCode(_ store: inout SandboxStore, _ ctx: HandlerContext) throws -> SandboxResponse {
        let c = try CustomerHandlers.customer(store, ctx)
        let code = ctx.request.parameter("code")
        guard let w = store.walletsByCustomer[c].map(Int.init).first(where: { store.wallets[$0].code == code }) else {
            throw ApiError.notFound("wallet_not_found")
        }
        return .json(.obj(["wallet": store.walletJSON(w)]))
    }

    /// Scalar filters; invalid values are ignored rather than refused.
    static func transactions(_ store: inout SandboxStore, _ ctx: HandlerContext) throws -> SandboxResponse {
        guard let w = store.walletIndex(lagoId: ctx.request.parameter("lago_id")) else { throw ApiError.notFound("wallet_not_found") }
        let q = ctx.query
        let status = q.scalar("status").flatMap(WalletTransactionStatus.init(rawValue:))
        let kind = q.scalar("transaction_status").flatMap(WalletTransactionKind.init(rawValue:))
        let type = q.scalar("transaction_type").flatMap(WalletTransactionType.init(rawValue:))
        let metadata = q.metadata
        let txs = store.walletTransactions
        let rows = store.transactionsByWallet[w].map(Int.init).filter { t in
            let tx = txs[t]
            if let status, tx.status != status { return false }
            if let kind, tx.kind != kind { return false }
            if let type, tx.type != type { return false }
            if !metadata.isEmpty, !FilterSupport.metadataMatches(metadata, pairs: tx.metadata) { return false }
            return true
        }.sorted { a, b in txs[a].createdAt != txs[b].createdAt ? txs[a].createdAt > txs[b].createdAt : a < b }
        let snapshot = store
        return Pagination(q).response(key: "wallet_transactions", rows: rows) { snapshot.walletTransactionJSON($0) }
    }

    static func showTransaction(_ store: inout SandboxStore, _ ctx: HandlerContext) throws -> SandboxResponse {
        guard let t = store.ids.index(of: ctx.request.parameter("lago_id"), kind: .walletTransaction), t < store.walletTransactions.count else {
            throw ApiError.notFound("wallet_transaction_not_found")
        }
        return .json(.obj(["wallet_transaction": store.walletTransactionJSON(t, detail: true)]))
    }

    /// Parses a credits amount (decimal string or number) into hundredths; nil when absent.
    static func credits(_ value: Any?, field: String, errors: inout [(String, [String])]) -> Int64? {
        guard let value, !(value is NSNull) else { return nil }
        var text: String
        if let string = value as? String {
            text = string
        } else if !(value is Bool), let number = value as? NSNumber {
            text = number.stringValue
        } else {
            errors.append((field, ["invalid_\(field)", "invalid_amount"]))
            return nil
        }
        text = text.trimmingCharactersInWhitespace()
        guard let hundredths = Decimals.parse(text, scale: 2), hundredths >= 0, text.count < 26 else {
            errors.append((field, ["invalid_\(field)", "invalid_amount"]))
            return nil
        }
        if hundredths == 0, let exact = Decimals.parse(text, scale: 12), exact > 0 {
            errors.append((field, ["amount_rounds_to_zero"]))
            return nil
        }
        return hundredths
    }

    /// Top up, grant or void credits. Granted credits settle at once; paid credits create a
    /// pending `purchased` transaction billed by a new credit invoice; voided credits leave at once.
    static func topUp(_ store: inout SandboxStore, _ ctx: HandlerContext) throws -> SandboxResponse {
        let object: [String: Any]
        do {
            object = try JSONSerialization.jsonObject(with: Data(ctx.request.body.isEmpty ? Array("{}".utf8) : ctx.request.body)) as? [String: Any] ?? [:]
        } catch {
            throw ApiError.malformedBody
        }
        guard let params = object["wallet_transaction"] as? [String: Any], !params.isEmpty else {
            throw ApiError.badRequest(root: "wallet_transaction")
        }
        guard let walletId = params["wallet_id"] as? String, let w = store.walletIndex(lagoId: walletId) else {
            throw ApiError.validation([("wallet_id", ["wallet_not_found"])])
        }
        guard store.wallets[w].status == .active else { throw ApiError.validation([("wallet_id", ["wallet_is_terminated"])]) }
        var errors: [(String, [String])] = []
        let paid = credits(params["paid_credits"], field: "paid_credits", errors: &errors) ?? 0
        let granted = credits(params["granted_credits"], field: "granted_credits", errors: &errors) ?? 0
        let voided = credits(params["voided_credits"], field: "voided_credits", errors: &errors) ?? 0
        let wallet = store.wallets[w]
        let currency = store.customers[Int(wallet.customer)].currency
        if paid > 0 && params["ignore_paid_top_up_limits"] as? Bool != true {
            let amount = store.walletAmountCents(credits: paid, rate: wallet.rateHundredths, currency: currency)
            if let min = wallet.paidTopUpMinCents, amount < min { errors.append(("paid_credits", ["amount_below_minimum"])) }
            if let max = wallet.paidTopUpMaxCents, amount > max { errors.append(("paid_credits", ["amount_above_maximum"])) }
        }
        if voided > wallet.creditsHundredths { errors.append(("voided_credits", ["insufficient_credits"])) }
        let name = params["name"] as? String
        if let name, name.count > 255 { errors.append(("name", ["value_is_too_long"])) }
        let metadata = (params["metadata"] as? [[String: Any]] ?? []).compactMap { item -> (key: String, value: String)? in
            guard let key = item["key"] as? String else { return nil }
            return (key, item["value"] as? String ?? "")
        }
        if metadata.count > 15 { errors.append(("metadata", ["too_many_keys"])) }
        let priority = (params["priority"] as? NSNumber)?.intValue ?? 50
        if !(1...50).contains(priority) { errors.append(("priority", ["value_is_out_of_range"])) }
        guard errors.isEmpty else { throw ApiError.validation(errors) }

        let purchaseOrder = params["purchase_order_number"] as? String
        var created: [Int] = []
        func add(_ kind: WalletTransactionKind, _ status: WalletTransactionStatus, _ amount: Int64) -> Int {
            let t = store.walletTransactions.count
            var tx = WalletTransactionRecord(wallet: Int32(w), status: status, kind: kind, type: kind == .voided ? .outbound : .inbound,
                                             creditsHundredths: amount, name: name, priority: priority, createdAt: store.now)
            tx.metadata = metadata
            tx.purchaseOrderNumber = purchaseOrder
            if status == .settled { tx.settledAt = store.now }
            store.walletTransactions.append(tx)
            store.transactionsByWallet[w].append(Int32(t))
            store.recordMutation("wallet_transaction", store.ids.make(.walletTransaction, t))
            created.append(t)
            return t
        }
        var paidTransaction: Int? = nil
        if paid > 0 { paidTransaction = add(.purchased, .pending, paid) }
        if granted > 0 {
            _ = add(.granted, .settled, granted)
            store.wallets[w].creditsHundredths += granted
            store.wallets[w].lastBalanceSyncAt = store.now
        }
        if voided > 0 {
            _ = add(.voided, .settled, voided)
            store.wallets[w].creditsHundredths -= voided
            store.wallets[w].lastBalanceSyncAt = store.now
        }
        if paid > 0 || granted > 0 || voided > 0 { store.recordMutation("wallet", store.ids.make(.wallet, w)) }
        // Rendered before the credit invoice exists, as Lago's response is.
        let snapshot = store
        let body = JSON.obj(["wallet_transactions": .array(created.map { snapshot.walletTransactionJSON($0, hideInvoice: true) })])
        if let paidTransaction {
            let invoice = store.addCreditInvoice(transaction: paidTransaction, at: store.now)
            store.reorderInvoice(invoice)
            store.recordMutation("invoice", store.invoiceId(invoice))
        }
        return .json(body)
    }
}
