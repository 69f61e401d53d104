/// One invoiced usage period from `GET /customers/{id}/past_usage` (`usage_periods[]`). It has
/// the shape of current usage, with `lagoInvoiceId` set to the invoice that billed the period.
public typealias PastUsage = CustomerUsage
