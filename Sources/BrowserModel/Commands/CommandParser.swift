import LagoAPI

/// A parsed `:` command.
public enum BrowserCommandLine: Equatable, Sendable {
    /// A full-screen list, with server filters, an invoice quick filter, a server search and/or
    /// a local filter (`:inv cus_123 status=draft`, `:inv outstanding`, `:cus ?acme`, `:inv /2024`).
    case list(ListCommand)
    /// Live usage: of a subscription (`:usage sub_1`, or `:usage cus_1 sub_1`), or the selected one.
    case usage(customer: String?, subscription: String?)
    /// The on-call overdue view.
    case overdue
    /// MRR, revenue, usage, collection and overdue balance by month (`:analytics`).
    case analytics
    /// One event explained: its metric and its fee or usage charge (`:event TXN_ID`).
    case event(String)
    /// Back to the customers dashboard.
    case dashboard
    /// Switch to another configured profile (`:profile eu-live`), or list them.
    case profile(String?)
    /// Sort the focused list by a column title (`:sort amount desc`).
    case sort(column: String, ascending: Bool?)
    /// Server search on the focused list (`:search acme`); no term clears it.
    case search(String?)
    /// Save the last bulk run's results as NDJSON (`:w results.ndjson`).
    case write(path: String)
    case help
    case quit
}

/// The list part of a command.
public struct ListCommand: Equatable, Sendable {
    public var resource: ResourceKind
    public var filters: [ListFilter]
    public var quickFilter: InvoiceQuickFilter?
    public var search: String?
    public var localFilter: String?
}

/// A command that could not be parsed, with a message saying what is wrong.
public struct CommandError: Error, Equatable, Sendable {
    public var message: String
}

/// Parses `:` commands: names, short aliases and arguments.
public enum CommandParser {
    /// Every command name and alias → what it opens.
    public static let aliases: [String: String] = {
        var map: [String: String] = [:]
        let resources: [ResourceKind: [String]] = [
            .customers: ["customers", "customer", "cus", "cust", "cu"],
            .subscriptions: ["subscriptions", "subscription", "subs", "sub"],
            .invoices: ["invoices", "invoice", "inv"],
            .fees: ["fees", "fee"],
            .payments: ["payments", "payment", "pay"],
            .creditNotes: ["credit_notes", "credit-notes", "creditnotes", "cn"],
            .wallets: ["wallets", "wallet", "wal"],
            .walletTransactions: ["wallet_transactions", "wallet-transactions", "transactions", "txn", "wt"],
            .billableMetrics: ["billable_metrics", "billable-metrics", "metrics", "bm"],
            .plans: ["plans", "plan"],
            .coupons: ["coupons", "coupon"],
            .addOns: ["add_ons", "add-ons", "addons", "addon"],
            .taxes: ["taxes", "tax"],
            .events: ["events", "event", "ev"],
            .billingEntities: ["billing_entities", "billing-entities", "entities", "be"],
            .apiLogs: ["api_logs", "api-logs", "logs", "apilogs"],
            .activityLogs: ["activity", "activity_logs", "activity-logs", "audit"],
            .paymentRequests: ["payment_requests", "payment-requests", "payreq", "preq"],
        ]
        for (kind, names) in resources { for n in names { map[n] = kind.rawValue } }
        for n in ["usage", "u"] { map[n] = "usage" }
        for n in ["overdue", "od"] { map[n] = "overdue" }
        for n in ["analytics", "an", "stats"] { map[n] = "analytics" }
        for n in ["dashboard", "dash", "home"] { map[n] = "dashboard" }
        for n in ["profile", "profiles", "ctx"] { map[n] = "profile" }
        for n in ["sort"] { map[n] = "sort" }
        for n in ["search"] { map[n] = "search" }
        for n in ["w", "write"] { map[n] = "write" }
        for n in ["help", "h"] { map[n] = "help" }
        for n in ["quit", "q", "exit"] { map[n] = "quit" }
        return map
    }()

    /// Parses `text` (without the leading `:`).
    public static func parse(_ text: String) throws(CommandError) -> BrowserCommandLine {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard let first = words.first else { throw CommandError(message: "type a command, e.g. inv, cus, usage, overdue") }
        guard let target = aliases[first.lowercased()] else {
            throw CommandError(message: "unknown command \"\(first)\"")
        }
        let args = Array(words.dropFirst())
        if first.lowercased() == "event", args.count == 1, !args[0].contains("=") { return .event(args[0]) }
        switch target {
        case "usage":
            guard args.count <= 2 else { throw CommandError(message: "usage: :usage [customer] subscription") }
            if args.count == 2 { return .usage(customer: args[0], subscription: args[1]) }
            return .usage(customer: nil, subscription: args.first)
        case "overdue": return .overdue
        case "analytics": return .analytics
        case "dashboard": return .dashboard
        case "profile":
            guard args.count <= 1 else { throw CommandError(message: "usage: :profile NAME") }
            return .profile(args.first)
        case "sort":
            guard let col = args.first, args.count <= 2 else { throw CommandError(message: "usage: :sort COLUMN [asc|desc]") }
            var asc: Bool? = nil
            if args.count == 2 {
                switch args[1].lowercased() {
                case "asc", "up": asc = true
                case "desc", "down": asc = false
                default: throw CommandError(message: "sort direction is asc or desc")
                }
            }
            return .sort(column: col, ascending: asc)
        case "search": return .search(args.isEmpty ? nil : args.joined(separator: " "))
        case "write":
            guard !args.isEmpty else { throw CommandError(message: "usage: :w FILE (saves the last bulk results as NDJSON)") }
            return .write(path: args.joined(separator: " "))
        case "help": return .help
        case "quit": return .quit
        default:
            guard let resource = ResourceKind(rawValue: target) else { throw CommandError(message: "unknown command \"\(first)\"") }
            return .list(try parseList(resource, args))
        }
    }

    static func parseList(_ resource: ResourceKind, _ args: [String]) throws(CommandError) -> ListCommand {
        var cmd = ListCommand(resource: resource, filters: [], quickFilter: nil, search: nil, localFilter: nil)
        var request = ListRequest(resource)
        let entry = resource.entry
        for arg in args {
            if arg.hasPrefix("/") {
                cmd.localFilter = String(arg.dropFirst())
            } else if arg.hasPrefix("?") || arg.lowercased().hasPrefix("search=") {
                let term = arg.hasPrefix("?") ? String(arg.dropFirst()) : String(arg.dropFirst(7))
                guard resource.supportsServerSearch else { throw CommandError(message: "\(resource.title) cannot be searched on the server") }
                cmd.search = term
            } else if let eq = arg.firstIndex(of: "=") {
                let key = String(arg[..<eq]).lowercased()
                let value = String(arg[arg.index(after: eq)...])
                guard let spec = entry.filter(named: key), spec.key != FilterSpec.searchKey else {
                    let known = resource.serverFilters
                    throw CommandError(message: known.isEmpty ? "\(resource.title) take no filters"
                                       : "unknown filter \"\(key)\" for \(resource.title) (try \(known.prefix(5).joined(separator: ", ")))")
                }
                guard !value.isEmpty else { throw CommandError(message: "\(key)= needs a value") }
                let values = value.split(separator: ",").map(String.init)
                guard values.count == 1 || spec.shape == .array || spec.shape == .scalarOrArray else {
                    throw CommandError(message: "\(key)= takes one value for \(resource.title)")
                }
                request.set(spec.key, values)
            } else if resource == .invoices, let quick = InvoiceQuickFilter(rawValue: arg.lowercased()) {
                cmd.quickFilter = quick
            } else if let positional = resource.positionalFilter {
                request.set(positional, [arg])
            } else {
                throw CommandError(message: "\(resource.title) take no positional argument \"\(arg)\"")
            }
        }
        if let parent = entry.parentFilter, let parentResource = entry.parent, request.values(of: parent.key) == nil {
            throw CommandError(message: "\(resource.title) need a \(parentResource.singular) id: :\(shortestAlias(of: resource)) \(parentResource.singular.uppercased())_ID")
        }
        cmd.filters = request.filters
        return cmd
    }

    /// The shortest name that opens `resource` (`wt` for wallet transactions), for hints.
    static func shortestAlias(of resource: ResourceKind) -> String {
        aliases.filter { $0.value == resource.rawValue }.keys.min { ($0.count, $0) < ($1.count, $1) } ?? resource.rawValue
    }

    /// Completions for the last word of `text`: command names first, then per-command
    /// arguments (`status=`, quick filters, profile names). Sorted and de-duplicated.
    public static func completions(for text: String, profiles: [String] = []) -> [String] {
        let endsWithSpace = text.hasSuffix(" ")
        var words = text.split(separator: " ").map(String.init)
        let current = endsWithSpace ? "" : (words.popLast() ?? "")
        if words.isEmpty {
            return Array(Set(aliases.keys.filter { $0.hasPrefix(current.lowercased()) })).sorted { ($0.count, $0) < ($1.count, $1) }
        }
        guard let target = aliases[words[0].lowercased()] else { return [] }
        var options: [String] = []
        if target == "profile" {
            options = profiles
        } else if target == "sort" {
            options = ["asc", "desc"]
        } else if let resource = ResourceKind(rawValue: target) {
            if let eq = current.firstIndex(of: "=") {
                let key = String(current[..<eq])
                options = (resource.entry.filter(named: key)?.domain.knownValues ?? []).map { key + "=" + $0 }
            } else {
                options = resource.serverFilters.map { $0 + "=" }
                if resource == .invoices { options += InvoiceQuickFilter.allCases.map(\.rawValue) }
            }
        }
        return options.filter { $0.lowercased().hasPrefix(current.lowercased()) }.sorted()
    }
}

/// Past commands, newest last, for ↑/↓ and for fish-style suggestions.
public struct CommandHistory: Sendable, Equatable {
    public private(set) var entries: [String] = []
    public let capacity: Int

    public init(capacity: Int = 50) { self.capacity = capacity }

    /// Records `command` (trimmed; repeats move to the end).
    public mutating func record(_ command: String) {
        let c = command.trimmingCharacters(in: .whitespaces)
        guard !c.isEmpty else { return }
        entries.removeAll { $0 == c }
        entries.append(c)
        if entries.count > capacity { entries.removeFirst(entries.count - capacity) }
    }

    /// The newest entry that extends `prefix`, for ghost-text suggestions.
    public func suggestion(for prefix: String) -> String? {
        guard !prefix.isEmpty else { return nil }
        return entries.last { $0.hasPrefix(prefix) && $0 != prefix }
    }
}
