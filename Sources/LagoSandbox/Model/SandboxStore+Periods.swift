extension SandboxStore {
    /// The billing period of subscription `sub` that contains `day`: [start, end) in days.
    func period(subscription sub: Int, containing day: Int) -> (start: Int, end: Int) {
        let subscription = subscriptions[sub]
        let anchorDay = Int(subscription.subscriptionAt / CivilTime.secondsPerDay)
        let anniversary = subscription.billingTime == "anniversary"
        switch plans[subscription.plan].interval {
        case .weekly:
            let start = anniversary ? anchorDay + 7 * Int((Double(day - anchorDay) / 7).rounded(.down)) : day - ((day + 3) % 7)
            return (start, start + 7)
        case .monthly, .quarterly, .semiannual:
            guard anniversary else { return (CivilTime.monthStart(day), CivilTime.monthStart(day, offset: 1)) }
            let anchor = CivilTime.civil(anchorDay).day
            func anchored(_ monthStart: Int) -> Int {
                let c = CivilTime.civil(monthStart)
                return monthStart + min(anchor, CivilTime.daysInMonth(year: c.year, month: c.month)) - 1
            }
            var start = anchored(CivilTime.monthStart(day))
            if start > day { start = anchored(CivilTime.monthStart(day, offset: -1)) }
            return (start, anchored(CivilTime.monthStart(start, offset: 1)))
        case .yearly:
            let c = CivilTime.civil(day)
            guard anniversary else {
                return (CivilTime.days(year: c.year, month: 1, day: 1), CivilTime.days(year: c.year + 1, month: 1, day: 1))
            }
            let a = CivilTime.civil(anchorDay)
            func anchored(_ year: Int) -> Int {
                CivilTime.days(year: year, month: a.month, day: min(a.day, CivilTime.daysInMonth(year: year, month: a.month)))
            }
            let start = anchored(c.year) <= day ? anchored(c.year) : anchored(c.year - 1)
            return (start, anchored(CivilTime.civil(start).year + 1))
        }
    }

    /// The current period in Unix seconds, for usage: [from, to].
    func currentPeriodSeconds(subscription sub: Int) -> (from: Int64, to: Int64) {
        let p = period(subscription: sub, containing: today)
        return (Int64(p.start) * CivilTime.secondsPerDay, Int64(p.end) * CivilTime.secondsPerDay - 1)
    }
}
