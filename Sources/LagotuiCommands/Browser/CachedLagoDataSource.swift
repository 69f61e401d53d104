import BrowserModel
import Foundation
import LagoAPI
import PageCache

/// The app's data source: lists and records through the PageCache (cached pages at once,
/// fresh ones when stale), actions and live usage straight through the LagoClient, with
/// the cache told about what an action changed.
public struct CachedLagoDataSource: BrowserDataSource {
    public let client: LagoClient
    public let cache: PageCache
    /// How long to wait for Lago to generate a PDF.
    public var downloadTimeout: Duration = .seconds(120)

    public init(client: LagoClient, cache: PageCache) {
        self.client = client
        self.cache = cache
    }

    public func listPage(_ request: ListRequest, page: Int, perPage: Int, forceRefresh: Bool) -> AsyncThrowingStream<ListPageResult, any Error> {
        AsyncThrowingStream { continuation in
            guard let key = PageKey.list(request.resource, parentID: request.parentID, query: request.queryItems,
                                         page: page, perPage: perPage) else {
                continuation.finish(throwing: BrowserDataError.unavailable("cannot list \(request.resource.title) without its parent"))
                return
            }
            let task = Task {
                for await update in cache.page(key, refresh: forceRefresh ? .always : .ifStale) {
                    switch update {
                    case let .cached(p):
                        var result = Self.result(p, page: page, freshness: p.isStale ? .cached(age: p.age) : .fresh)
                        result.age = p.age
                        continuation.yield(result)
                    case let .fresh(p):
                        continuation.yield(Self.result(p, page: page, freshness: .fresh))
                    case let .failed(failure, _):
                        continuation.finish(throwing: Self.map(failure.error, mutation: false))
                        return
                    }
                }
                continuation.finish()
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }

    static func result(_ p: CachedPage, page: Int, freshness: Freshness) -> ListPageResult {
        ListPageResult(items: p.items, page: page, nextPage: p.meta.nextPage, totalCount: p.meta.totalCount, freshness: freshness)
    }

    public func record(_ resource: ResourceKind, key: String, forceRefresh: Bool) async throws -> Data {
        do {
            return try await cache.loadObject(ObjectKey.record(resource, id: key), refresh: forceRefresh ? .required : .ifStale).json
        } catch {
            throw Self.map(error.error, mutation: false)
        }
    }

    // Written as straight-line code around one `Result`: Swift 6.3.1's optimiser crashed
    // ("while splitting coroutine", signal 11) on the earlier form, which awaited inside a
    // `catch` block, so no release build of lagotui could be made.
    public func perform(_ mutation: BrowserMutation) async throws -> Data? {
        let action = try Self.mappedAction(mutation)
        let changed = Set(action.invalidates.map(CachedResource.records))
        let sent: Result<HTTPResponse, any Error>
        do {
            sent = .success(try await client.send(action))
        } catch {
            sent = .failure(error)
        }
        // Marked stale whatever the outcome: an unanswered action may still have been applied.
        await cache.invalidate(resources: changed)
        let response: HTTPResponse
        switch sent {
        case let .success(answer): response = answer
        case let .failure(error): throw Self.map(error, mutation: true)
        }
        guard let data = Self.rootObject(response.body, key: action.rootKey) else { return nil }
        if action.rootKey == LagoResource.invoices.singularKey { await cache.store(record: data, resource: .invoices) }
        return data
    }

    /// ``action(_:)`` with its refusal mapped to the browser's error.
    private static func mappedAction(_ mutation: BrowserMutation) throws -> LagoAction {
        do {
            return try action(mutation)
        } catch {
            throw map(error, mutation: true)
        }
    }

    /// The object under `key` of a JSON body, pretty-printed; nil when there is none.
    private static func rootObject(_ body: Data, key: String) -> Data? {
        guard !body.isEmpty, let json = try? JSONValue.parse(body), let object = json[key] else { return nil }
        return Data(object.prettyPrinted().utf8)
    }

    /// The LagoAPI action behind a browser mutation (its method, path and body).
    public static func action(_ mutation: BrowserMutation) throws -> LagoAction {
        switch mutation {
        case let .finalizeInvoice(id): try .finalizeInvoice(lagoId: id)
        case let .refreshInvoice(id): try .refreshInvoice(lagoId: id)
        case let .retryInvoicePayment(id): try .retryInvoicePayment(lagoId: id)
        case let .voidInvoice(id): try .voidInvoice(lagoId: id)
        case let .topUpWallet(walletId, paid, granted): try .topUpWallet(walletId: walletId, paidCredits: paid, grantedCredits: granted)
        case let .createPaymentRequest(customer, invoices, email):
            try .createPaymentRequest(externalCustomerId: customer, lagoInvoiceIds: invoices, email: email)
        }
    }

    func getRoot(_ path: String, rootKey: String, query: [URLQueryItem]) async throws -> Data {
        let response: HTTPResponse
        do {
            response = try await client.send(.get, path, query: query)
        } catch {
            throw Self.map(error, mutation: false)
        }
        guard let json = try? JSONValue.parse(response.body), let object = json[rootKey] else {
            throw BrowserDataError.unavailable("unexpected response from \(path): no \(rootKey)")
        }
        return Data(object.prettyPrinted().utf8)
    }

    public func currentUsage(externalCustomerId: String, externalSubscriptionId: String) async throws -> Data {
        try await usage(.current, externalCustomerId, externalSubscriptionId)
    }

    public func projectedUsage(externalCustomerId: String, externalSubscriptionId: String) async throws -> Data {
        do {
            return try await usage(.projected, externalCustomerId, externalSubscriptionId)
        } catch let BrowserDataError.refused(status, code, message) where status == 403 || status == 404 {
            throw BrowserDataError.notSupported("projected usage is not available (\(code ?? message))")
        }
    }

    private func usage(_ endpoint: CustomerUsageEndpoint, _ externalCustomerId: String, _ externalSubscriptionId: String) async throws -> Data {
        try await getRoot(endpoint.path(externalCustomerId: externalCustomerId), rootKey: endpoint.rootKey,
                          query: [endpoint.subscriptionItem(externalSubscriptionId)])
    }

    public func overdueBalances() async throws -> Data {
        try await getRoot(AnalyticsSeries.overdueBalance.path, rootKey: AnalyticsSeries.overdueBalance.rootKey, query: [])
    }

    /// Analytics are read straight from Lago: they are small, unpaginated and already cached
    /// by the server for hours, so a local copy would only add a second staleness.
    public func analytics(_ series: AnalyticsSeries, query: [URLQueryItem], forceRefresh: Bool) async throws -> Data {
        try await getRoot(series.path, rootKey: series.rootKey, query: query)
    }

    /// `POST /credit_notes/estimate`: a read (nothing is stored), so it may be retried.
    public func estimateCreditNote(invoiceId: String, items: [CreditNoteEstimateItem]) async throws -> Data {
        struct Body: Encodable {
            struct Note: Encodable { var invoice_id: String; var items: [Item] }
            struct Item: Encodable { var fee_id: String; var amount_cents: Int64 }
            var credit_note: Note
        }
        let body = Body(credit_note: .init(invoice_id: invoiceId, items: items.map { .init(fee_id: $0.feeId, amount_cents: $0.amountCents) }))
        let response: HTTPResponse
        do {
            response = try await client.send(.post, "/credit_notes/estimate", body: try JSONEncoder().encode(body), idempotent: true)
        } catch {
            throw Self.map(error, mutation: false)
        }
        guard let json = try? JSONValue.parse(response.body), let object = json["estimated_credit_note"] else {
            throw BrowserDataError.unavailable("unexpected response from /credit_notes/estimate")
        }
        return Data(object.prettyPrinted().utf8)
    }

    /// Activity logs are read straight from Lago: a record's history must show what was just done.
    public func activityLogs(query: [URLQueryItem]) async throws -> Data {
        try await getRoot("/activity_logs", rootKey: "activity_logs", query: query)
    }

    public func downloadInvoicePDF(lagoId: String, fileName: String, directory: URL,
                                   progress: @escaping @Sendable (DownloadProgress) -> Void) async throws -> URL {
        progress(.requesting)
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let url = try await client.downloadInvoicePDF(lagoId: lagoId, to: directory.appendingPathComponent(fileName), timeout: downloadTimeout)
            progress(.downloading(fraction: 1))
            return url
        } catch let error as BrowserDataError {
            throw error
        } catch {
            throw Self.map(error, mutation: false)
        }
    }

    public func link(_ link: CustomerLink) async throws -> URL {
        do {
            switch link {
            case let .payment(id): return try await client.paymentURL(invoiceId: id)
            case let .portal(ext): return try await client.portalURL(externalCustomerId: ext)
            }
        } catch {
            throw Self.map(error, mutation: false)
        }
    }

    public func searchCached(_ request: ListRequest, term: String) async -> [Data] {
        await cache.search(term, in: [.records(request.resource)], limit: 50).map(\.json)
    }

    /// Sorts a LagoError into what the browser must tell the user.
    public static func map(_ error: any Error, mutation: Bool) -> BrowserDataError {
        if let e = error as? BrowserDataError { return e }
        if let f = error as? FetchFailure { return map(f.error, mutation: mutation) }
        guard let e = error as? LagoError else { return .unavailable(String(describing: error)) }
        switch e {
        case let .api(status, code, _, _):
            // LagoError's message turns Lago's generic `error` ("Method Not Allowed") plus its
            // code and details into the human refusal ("invoice cannot be voided: …").
            return .refused(status: status, code: code, message: e.message)
        case let .forbidden(code):
            if code == "feature_unavailable" || code == "projected_usage_not_enabled" { return .notSupported(e.message) }
            return .refused(status: 403, code: code, message: e.message)
        case let .notFound(code): return .refused(status: 404, code: code, message: e.message)
        case let .outcomeUnknown(subject):
            // BrowserDataError.message adds the "outcome unknown: " prefix itself.
            return .outcomeUnknown("check the \(subject) before retrying")
        case .network, .timeout:
            return mutation ? .outcomeUnknown(e.message) : .unavailable(e.message)
        case let .rateLimited(retryAfter) where mutation:
            // Not processed: a bulk run may send it again after the wait.
            return .rateLimited(retryAfter: retryAfter.map { Double($0.components.seconds) + Double($0.components.attoseconds) / 1e18 }, message: e.message)
        default: return .unavailable(e.message)
        }
    }
}
