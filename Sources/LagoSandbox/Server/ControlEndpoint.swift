import Foundation

/// The loopback-only control API under `/_sandbox` (JSON in and out):
/// `GET counters`, `POST faults {"spec": "..."}`, `POST reset`, `POST revoke-key`, `GET stats`.
enum ControlEndpoint {
    static func handle(_ request: SandboxRequest, state: SandboxState) -> SandboxResponse {
        switch (request.method, request.segments.first ?? "") {
        case ("GET", "counters"):
            let counters = state.counters.withLock { $0 }
            let mutations = state.store.withLock { $0.mutationsByRecord }
            return .json(.obj([
                "total_requests": .int(counters.totalRequests),
                "requests_per_route": sorted(counters.requestsPerRoute),
                "faults_injected": sorted(counters.faultsInjected),
                "mutations_per_record": sorted(mutations),
            ]))
        case ("GET", "faults"):
            return .json(.obj(["spec": .string(state.faults.withLock { $0.spec.description })]))
        case ("POST", "faults"), ("PUT", "faults"):
            let text: String
            if let object = try? JSONSerialization.jsonObject(with: Data(request.body)) as? [String: Any], let spec = object["spec"] as? String {
                text = spec
            } else {
                return ApiError(status: 400, error: "Bad Request", code: "spec_required").response
            }
            do {
                let spec = try FaultSpec(parsing: text)
                state.faults.withLock { $0.replace(spec, seed: state.options.seed) }
                return .json(.obj(["spec": .string(spec.description)]))
            } catch let error as FaultSpec.ParseError {
                return ApiError(status: 422, error: "Unprocessable Entity", code: "invalid_fault_spec",
                                details: .obj(["spec": .array([.string(error.description)])])).response
            } catch {
                return ApiError.internalError.response
            }
        case ("POST", "reset"):
            state.reset()
            return .json(.obj(["reset": .bool(true)]))
        case ("POST", "revoke-key"):
            state.apiKey.withLock { $0 = nil }
            return .json(.obj(["revoked": .bool(true)]))
        case ("GET", "stats"):
            return .json(state.store.withLock { $0.statsJSON })
        default:
            return ApiError.notFound("resource_not_found").response
        }
    }

    static func sorted(_ dictionary: [String: Int]) -> JSON {
        .object(dictionary.sorted { $0.key < $1.key }.map { JSON.Field(key: $0.key, value: .int($0.value)) })
    }
}

extension SandboxStore {
    /// Record counts per resource for `GET /_sandbox/stats`.
    var statsJSON: JSON {
        .obj([
            "customers": .int(customers.count),
            "subscriptions": .int(subscriptions.count),
            "invoices": .int(invoices.count),
            // GET /fees lists the fees of issued invoices only (drafts' fees are still being
            // computed), so the count a client can export leaves drafts out too.
            "fees": .int(invoices.indices.reduce(0) { invoices[$1].status == .draft ? $0 : $0 + feeCount(invoice: $1) }),
            "payments": .int(payments.count),
            "credit_notes": .int(creditNotes.count),
            "wallets": .int(wallets.count),
            "wallet_transactions": .int(walletTransactions.count),
            "billable_metrics": .int(metrics.count),
            "plans": .int(plans.count),
            "coupons": .int(coupons.count),
            "add_ons": .int(addOns.count),
            "taxes": .int(taxes.count),
            "events": .int(events.count),
            "billing_entities": .int(billingEntities.count),
            "api_logs": .int(apiLogs.count),
            "activity_logs": .int(activityLog(since: now - ActivityHandlers.retentionDays * CivilTime.secondsPerDay).count),
        ])
    }

    /// Fee lines of an invoice without computing amounts.
    func feeCount(invoice i: Int) -> Int {
        switch invoices[i].type {
        case .subscription, .progressiveBilling, .advanceCharges:
            invoices[i].subscription >= 0 ? 1 + plans[subscriptions[Int(invoices[i].subscription)].plan].charges.count : 0
        default: 1
        }
    }

    /// Records a non-GET request for `GET /api_logs` (only mutations are logged, as in Lago).
    mutating func logRequest(_ request: SandboxRequest, response: SandboxResponse) {
        apiLogs.append(ApiLogRecord(method: request.method.lowercased(), path: "/api/v1/" + request.segments.joined(separator: "/"),
                                    status: response.status, requestBody: String(decoding: request.body.prefix(4096), as: UTF8.self),
                                    responseBody: String(decoding: response.body.prefix(4096), as: UTF8.self), loggedAt: now))
    }
}
