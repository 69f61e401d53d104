import Foundation

/// Invoice actions with Lago's preconditions and side effects: finalize, refresh,
/// retry_payment, void, download, retry (tax), lose_dispute and update (mark paid).
enum InvoiceActionHandlers {
    static let routes: [Route] = [
        Route("PUT", "invoices/:lago_id/finalize", finalize),
        Route("PUT", "invoices/:lago_id/refresh", refresh),
        Route("POST", "invoices/:lago_id/retry_payment", retryPayment),
        Route("POST", "invoices/:lago_id/void", void),
        Route("POST", "invoices/:lago_id/download", download),
        Route("POST", "invoices/:lago_id/download_pdf", download),
        Route("POST", "invoices/:lago_id/retry", retryTaxes),
        Route("POST", "invoices/:lago_id/lose_dispute", loseDispute),
        Route("PUT", "invoices/:lago_id", update),
    ]

    private static func full(_ store: SandboxStore, _ i: Int, _ ctx: HandlerContext) -> SandboxResponse {
        .json(.obj(["invoice": store.invoiceJSON(i, detail: true, baseURL: ctx.rootURL)]))
    }

    /// Drafts only (anything else is 404); recomputes fees, issues today, assigns the number
    /// and due date, and goes to `finalized`.
    static func finalize(_ store: inout SandboxStore, _ ctx: HandlerContext) throws -> SandboxResponse {
        guard let i = store.invoiceIndex(lagoId: ctx.request.parameter("lago_id")), store.invoices[i].status == .draft else {
            throw ApiError.notFound("invoice_not_found")
        }
        guard store.invoices[i].type == .subscription || store.invoices[i].type == .oneOff else {
            throw ApiError.forbidden("feature_unavailable")
        }
        store.recomputeTotals(invoice: i)
        let c = Int(store.invoices[i].customer)
        store.invoiceSequenceByCustomer[c] += 1
        var invoice = store.invoices[i]
        invoice.sequentialId = store.invoiceSequenceByCustomer[c]
        invoice.issuingDay = Int32(store.today)
        invoice.dueDay = invoice.issuingDay + Int32(invoice.netPaymentTerm)
        invoice.updatedAt = store.now
        // The PDF is produced on the first download request (checklist §8.6).
        invoice.pdfState = .none
        // Every seeded customer and billing entity resolves finalize_zero_amount_invoice to
        // `finalize`, so a zero total is finalized (and already paid) rather than closed.
        invoice.status = .finalized
        if invoice.totalAmountCents == 0 { invoice.paymentStatus = .succeeded }
        store.invoices[i] = invoice
        store.reorderInvoice(i)
        store.recordMutation("invoice", store.invoiceId(i))
        // A customer with a payment provider is charged right away.
        if invoice.status == .finalized && store.customers[c].paymentProvider != nil {
            store.attemptPayment(invoice: i)
        }
        return full(store, i, ctx)
    }

    /// Drafts recompute their fees; other subscription invoices are a no-op 200;
    /// non-subscription invoices are 403 `feature_unavailable`.
    static func refresh(_ store: inout SandboxStore, _ ctx: HandlerContext) throws -> SandboxResponse {
        let i = try InvoiceHandlers.invoice(store, ctx)
        guard store.invoices[i].type == .subscription else { throw ApiError.forbidden("feature_unavailable") }
        if store.invoices[i].status == .draft {
            store.recomputeTotals(invoice: i)
            store.invoices[i].updatedAt = store.now
            store.recordMutation("invoice", store.invoiceId(i))
        }
        return full(store, i, ctx)
    }

    /// 405 `invalid_status` for drafts, voided or paid invoices; otherwise the sandbox's payment
    /// provider charges the card at once (some customers' cards keep failing) and answers an
    /// empty 200, as `head :ok` does.
    static func retryPayment(_ store: inout SandboxStore, _ ctx: HandlerContext) throws -> SandboxResponse {
        let i = try InvoiceHandlers.invoice(store, ctx)
        let invoice = store.invoices[i]
        guard invoice.status != .draft, invoice.status != .voided, invoice.paymentStatus != .succeeded else {
            throw ApiError.notAllowed("invalid_status")
        }
        store.attemptPayment(invoice: i)
        store.recordMutation("invoice", store.invoiceId(i))
        return .empty()
    }

    /// Finalized invoices only (any payment status); 405 `not_voidable` otherwise.
    static func void(_ store: inout SandboxStore, _ ctx: HandlerContext) throws -> SandboxResponse {
        let i = try InvoiceHandlers.invoice(store, ctx)
        guard store.invoices[i].status == .finalized else { throw ApiError.notAllowed("not_voidable") }
        if !ctx.request.body.isEmpty {
            guard let object = try? JSONSerialization.jsonObject(with: Data(ctx.request.body)) as? [String: Any] else {
                throw ApiError.malformedBody
            }
            let credit = (object["credit_amount"] as? NSNumber)?.int64Value ?? 0
            let refund = (object["refund_amount"] as? NSNumber)?.int64Value ?? 0
            if object["generate_credit_note"] as? Bool == true && credit + refund > store.invoices[i].totalAmountCents {
                throw ApiError.validation([("credit_refund_amount", ["total_amount_exceeds_invoice_amount"])])
            }
        }
        store.invoices[i].status = .voided
        store.invoices[i].voidedAt = store.now
        store.invoices[i].paymentOverdue = false
        store.invoices[i].updatedAt = store.now
        store.recordMutation("invoice", store.invoiceId(i))
        return full(store, i, ctx)
    }

    /// Finalized only (404 otherwise). The first call starts "generating" the PDF and answers an
    /// empty 200; once generated, the bare invoice with its `file_url`.
    static func download(_ store: inout SandboxStore, _ ctx: HandlerContext) throws -> SandboxResponse {
        guard let i = store.invoiceIndex(lagoId: ctx.request.parameter("lago_id")), store.invoices[i].status == .finalized else {
            throw ApiError.notFound("invoice_not_found")
        }
        switch store.invoices[i].pdfState {
        case .none:
            store.invoices[i].pdfState = .generating
            return .empty()
        case .generating:
            store.invoices[i].pdfState = .ready
        case .ready:
            break
        }
        return .json(.obj(["invoice": store.invoiceJSON(i, bare: true, baseURL: ctx.rootURL)]))
    }

    /// `failed` (tax) invoices only; moves them to `pending`, then the taxes resolve and the
    /// invoice finalizes.
    static func retryTaxes(_ store: inout SandboxStore, _ ctx: HandlerContext) throws -> SandboxResponse {
        let i = try InvoiceHandlers.invoice(store, ctx)
        guard store.invoices[i].status == .failed else { throw ApiError.notAllowed("invalid_status") }
        store.invoices[i].status = .pending
        store.invoices[i].updatedAt = store.now
        store.recordMutation("invoice", store.invoiceId(i))
        return full(store, i, ctx)
    }

    /// Finalized or voided only (405 `not_disputable`); sets `payment_dispute_lost_at`, clears overdue.
    static func loseDispute(_ store: inout SandboxStore, _ ctx: HandlerContext) throws -> SandboxResponse {
        let i = try InvoiceHandlers.invoice(store, ctx)
        guard store.invoices[i].status == .finalized || store.invoices[i].status == .voided else {
            throw ApiError.notAllowed("not_disputable")
        }
        store.invoices[i].disputeLostAtMillis = store.now * 1000
        store.invoices[i].paymentOverdue = false
        store.invoices[i].updatedAt = store.now
        store.recordMutation("invoice", store.invoiceId(i))
        return full(store, i, ctx)
    }

    /// `PUT /invoices/{id}` with `{"invoice":{"payment_status": …}}`: marking a credit invoice
    /// paid settles its pending top-up.
    static func update(_ store: inout SandboxStore, _ ctx: HandlerContext) throws -> SandboxResponse {
        let i = try InvoiceHandlers.invoice(store, ctx)
        let object: [String: Any]
        do {
            object = try JSONSerialization.jsonObject(with: Data(ctx.request.body)) as? [String: Any] ?? [:]
        } catch {
            throw ApiError.malformedBody
        }
        guard let params = object["invoice"] as? [String: Any] else { throw ApiError.badRequest(root: "invoice") }
        guard store.invoices[i].status != .voided else { throw ApiError.notAllowed("update_on_voided_invoice") }
        if let raw = params["payment_status"] {
            guard let text = raw as? String, let status = PaymentStatus(rawValue: text) else {
                throw ApiError.validation([("payment_status", ["value_is_invalid"])])
            }
            guard store.invoices[i].status != .draft else { throw ApiError.notAllowed("payment_status_update_on_draft_invoice") }
            store.setPaymentStatus(invoice: i, status)
        }
        if params["metadata"] != nil && store.invoices[i].status == .draft {
            throw ApiError.notAllowed("metadata_on_draft_invoice")
        }
        store.invoices[i].updatedAt = store.now
        store.recordMutation("invoice", store.invoiceId(i))
        return full(store, i, ctx)
    }
}

extension SandboxStore {
    /// The sandbox's payment provider: charges the amount due; cards of `cardFails` customers
    /// are always declined, others go through. Without a provider nothing changes (Lago only
    /// sends a `customer_must_have_payment_provider` webhook).
    mutating func attemptPayment(invoice i: Int) {
        let c = Int(invoices[i].customer)
        guard customers[c].paymentProvider != nil else { return }
        invoices[i].paymentAttempts += 1
        let status: PaymentStatus = customers[c].cardFails ? .failed : .succeeded
        addPayment(invoice: i, status: status, at: now)
        setPaymentStatus(invoice: i, status)
    }

    /// Applies a payment outcome: paid clears overdue and settles a pending top-up; a failed
    /// credit invoice fails its top-up.
    mutating func setPaymentStatus(invoice i: Int, _ status: PaymentStatus) {
        invoices[i].paymentStatus = status
        invoices[i].updatedAt = now
        if status == .succeeded {
            invoices[i].totalPaidAmountCents = invoices[i].totalAmountCents
            invoices[i].paymentOverdue = false
        }
        let t = Int(invoices[i].walletTransaction)
        guard invoices[i].type == .credit, t >= 0, walletTransactions[t].status == .pending else { return }
        switch status {
        case .succeeded:
            walletTransactions[t].status = .settled
            walletTransactions[t].settledAt = now
            let w = Int(walletTransactions[t].wallet)
            wallets[w].creditsHundredths += walletTransactions[t].creditsHundredths
            wallets[w].lastBalanceSyncAt = now
            recordMutation("wallet", ids.make(.wallet, w))
        case .failed:
            walletTransactions[t].status = .failed
            walletTransactions[t].failedAt = now
        case .pending:
            break
        }
        recordMutation("wallet_transaction", ids.make(.walletTransaction, t))
    }
}
