// Catalog enumerations: known values with their exact wire spelling, plus `.unknown(String)`
// for values added by newer servers (see `LagoEnum`).

/// How a billable metric aggregates events.
public enum AggregationType: LagoEnum {
    case countAgg, sumAgg, maxAgg, uniqueCountAgg, weightedSumAgg, latestAgg, customAgg
    case unknown(String)

    public static let knownValues: [(value: Self, raw: String)] = [
        (.countAgg, "count_agg"),
        (.sumAgg, "sum_agg"),
        (.maxAgg, "max_agg"),
        (.uniqueCountAgg, "unique_count_agg"),
        (.weightedSumAgg, "weighted_sum_agg"),
        (.latestAgg, "latest_agg"),
        (.customAgg, "custom_agg"),
    ]
}

/// A plan's billing interval.
public enum PlanInterval: LagoEnum {
    case weekly, monthly, quarterly, semiannual, yearly
    case unknown(String)

    public static let knownValues: [(value: Self, raw: String)] = [
        (.weekly, "weekly"),
        (.monthly, "monthly"),
        (.quarterly, "quarterly"),
        (.semiannual, "semiannual"),
        (.yearly, "yearly"),
    ]
}

/// A charge's pricing model.
public enum ChargeModel: LagoEnum {
    case standard, graduated, graduatedPercentage, package, percentage, volume, dynamic
    case unknown(String)

    public static let knownValues: [(value: Self, raw: String)] = [
        (.standard, "standard"),
        (.graduated, "graduated"),
        (.graduatedPercentage, "graduated_percentage"),
        (.package, "package"),
        (.percentage, "percentage"),
        (.volume, "volume"),
        (.dynamic, "dynamic"),
    ]
}

/// Fixed amount or percentage coupon.
public enum CouponType: LagoEnum {
    case fixedAmount, percentage
    case unknown(String)

    public static let knownValues: [(value: Self, raw: String)] = [
        (.fixedAmount, "fixed_amount"),
        (.percentage, "percentage"),
    ]
}

/// How often a coupon applies.
public enum CouponFrequency: LagoEnum {
    case once, recurring, forever
    case unknown(String)

    public static let knownValues: [(value: Self, raw: String)] = [
        (.once, "once"),
        (.recurring, "recurring"),
        (.forever, "forever"),
    ]
}

/// Whether a coupon expires.
public enum CouponExpiration: LagoEnum {
    case noExpiration, timeLimit
    case unknown(String)

    public static let knownValues: [(value: Self, raw: String)] = [
        (.noExpiration, "no_expiration"),
        (.timeLimit, "time_limit"),
    ]
}

/// Whether a coupon can still be applied.
public enum CouponStatus: LagoEnum {
    case active, terminated
    case unknown(String)

    public static let knownValues: [(value: Self, raw: String)] = [
        (.active, "active"),
        (.terminated, "terminated"),
    ]
}
