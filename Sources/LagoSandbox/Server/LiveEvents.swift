import Foundation

/// `--live-events RATE`: keeps adding usage events to active subscriptions so current usage
/// visibly changes. Which subscription and metric get each event is drawn from the seed.
enum LiveEvents {
    static func start(state: SandboxState, perSecond: Double) -> Task<Void, Never> {
        let interval = max(0.001, 1 / perSecond)
        return Task.detached {
            var rng = SplitMix64(seed: state.options.seed ^ 0x11FE)
            while !Task.isCancelled {
                try? await Task.sleep(for: .milliseconds(Int(interval * 1000)))
                let now = state.clock()
                state.store.withLock { store in
                    store.now = max(store.now, now)
                    store.addLiveEvent(&rng)
                }
            }
        }
    }
}

extension SandboxStore {
    /// Adds one event, timestamped now, to a seeded-random active subscription. Every other
    /// event goes to the newest customer's, the one the customers list (and the demo) opens on,
    /// so its usage visibly moves.
    mutating func addLiveEvent(_ rng: inout SplitMix64) {
        guard !subscriptions.isEmpty else { return }
        let newest = customers.indices.last.flatMap { customers[$0].deleted ? nil : subscriptionsByCustomer[$0] } ?? []
        let favoured = rng.chance(0.5) ? newest.lazy.map(Int.init).first { subscriptions[$0].status == .active } : nil
        for _ in 0..<16 {
            let sub = favoured ?? rng.int(0..<subscriptions.count)
            guard subscriptions[sub].status == .active else { continue }
            let plan = plans[subscriptions[sub].plan]
            let charge = charges[rng.pick(plan.charges)]
            let value = seededValue(metric: charge.metric, &rng)
            let e = appendEvent(subscription: sub, metric: charge.metric, timestampMillis: now * 1000 + Int64(rng.int(0...999)), createdAt: now,
                                value: value, dimension: metrics[charge.metric].filter == nil ? -1 : rng.int(0...2), transactionId: nil)
            insertEventInOrder(e)
            return
        }
    }
}
