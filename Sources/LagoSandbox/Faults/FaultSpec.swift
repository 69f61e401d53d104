/// Parsed `--faults` rules: `429:0.1,500:0.05,503:0.02,reset:0.02,truncate:0.02,latency:200ms,ratelimit:20/s`.
/// Probabilities are per request and drawn from a generator seeded with the sandbox seed, so a
/// run with the same seed and the same request order injects the same faults.
public struct FaultSpec: Sendable, Equatable {
    /// Probability of answering with each HTTP status instead of handling the request.
    public var statusRates: [(status: Int, probability: Double)] = []
    /// Probability of closing the connection without any response.
    public var reset: Double = 0
    /// Probability of sending the headers and only part of the body, then closing.
    public var truncate: Double = 0
    /// Added delay on every API request, in milliseconds.
    public var latencyMilliseconds: Int = 0
    /// Token-bucket rate limit in requests per second (nil: unlimited).
    public var rateLimitPerSecond: Double?

    public init() {}

    public static func == (lhs: FaultSpec, rhs: FaultSpec) -> Bool {
        lhs.statusRates.map(\.status) == rhs.statusRates.map(\.status)
            && lhs.statusRates.map(\.probability) == rhs.statusRates.map(\.probability)
            && lhs.reset == rhs.reset && lhs.truncate == rhs.truncate
            && lhs.latencyMilliseconds == rhs.latencyMilliseconds && lhs.rateLimitPerSecond == rhs.rateLimitPerSecond
    }

    /// An error in a fault rule, with the offending rule in the message.
    public struct ParseError: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// Parses a comma-separated rule list; an empty string means no faults.
    public init(parsing text: String) throws {
        for rawRule in text.split(separator: ",") {
            let rule = String(rawRule).trimmingCharactersInWhitespace()
            guard !rule.isEmpty else { continue }
            let parts = rule.split(separator: ":", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { throw ParseError(description: "fault rule '\(rule)' needs NAME:VALUE") }
            let name = parts[0].lowercased(), value = parts[1]
            switch name {
            case "latency":
                let digits = value.hasSuffix("ms") ? String(value.dropLast(2)) : (value.hasSuffix("s") ? String(value.dropLast()) : value)
                guard let amount = Int(digits), amount >= 0 else { throw ParseError(description: "latency '\(value)' must look like 200ms") }
                latencyMilliseconds = value.hasSuffix("ms") || !value.hasSuffix("s") ? amount : amount * 1000
            case "ratelimit":
                let rate = value.hasSuffix("/s") ? String(value.dropLast(2)) : value
                guard let perSecond = Double(rate), perSecond > 0 else { throw ParseError(description: "ratelimit '\(value)' must look like 20/s") }
                rateLimitPerSecond = perSecond
            case "reset", "truncate":
                let p = try Self.probability(value, rule: rule)
                if name == "reset" { reset = p } else { truncate = p }
            default:
                guard let status = Int(name), (400...599).contains(status) else {
                    throw ParseError(description: "unknown fault '\(name)' (use an HTTP status 400-599, reset, truncate, latency or ratelimit)")
                }
                statusRates.append((status, try Self.probability(value, rule: rule)))
            }
        }
        let total = statusRates.reduce(0) { $0 + $1.probability } + reset + truncate
        guard total <= 1 else { throw ParseError(description: "fault probabilities add up to more than 1") }
    }

    private static func probability(_ text: String, rule: String) throws -> Double {
        guard let p = Double(text), p >= 0, p <= 1 else { throw ParseError(description: "'\(rule)': probability must be between 0 and 1") }
        return p
    }

    /// True when no rule is active.
    public var isEmpty: Bool { self == FaultSpec() }

    /// The rules in `--faults` syntax.
    public var description: String {
        var rules = statusRates.map { "\($0.status):\($0.probability)" }
        if reset > 0 { rules.append("reset:\(reset)") }
        if truncate > 0 { rules.append("truncate:\(truncate)") }
        if latencyMilliseconds > 0 { rules.append("latency:\(latencyMilliseconds)ms") }
        if let rate = rateLimitPerSecond { rules.append("ratelimit:\(rate)/s") }
        return rules.joined(separator: ",")
    }
}

/// What the fault injector decided for one request.
enum FaultDecision: Sendable, Equatable {
    case none
    case status(Int)
    case reset
    case truncate
    /// The token bucket is empty: 429 with the seconds until a token is available.
    case rateLimited(retryAfterSeconds: Int)
}
