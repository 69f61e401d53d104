/// Current usage plus the amount projected to the end of the period (premium `projected_usage`):
/// a `CustomerUsage` whose `projectedAmountCents` and charges' `projected_*` fields are set.
public typealias ProjectedUsage = CustomerUsage
