/// Key bindings after applying the user's remapping. User bindings always win over defaults;
/// every clash, unknown action name or bad key is reported (shown at start and in help).
public struct KeyMap: Sendable {
    /// Keys per action, in preference order (the first is shown in hints).
    public private(set) var keys: [ActionID: [KeyPress]]
    /// Human-readable problems found while building the map.
    public private(set) var conflicts: [String]
    private let specs: [ActionID: ActionSpec]

    /// Builds the map from the registry and the config's `[keys]` table: action name → key
    /// names; the value `<disabled>` (or an empty list) unbinds the action.
    public init(registry: ActionRegistry, overrides: [String: [String]] = [:]) {
        var specs: [ActionID: ActionSpec] = [:]
        for s in registry.specs { specs[s.id] = s }
        self.specs = specs
        var keys: [ActionID: [KeyPress]] = [:]
        for s in registry.specs { keys[s.id] = s.defaultKeys }
        var conflicts: [String] = []
        var userBound: [ActionID: [KeyPress]] = [:]

        for name in overrides.keys.sorted() {
            let values = overrides[name] ?? []
            guard let action = ActionID(rawValue: name) else {
                conflicts.append("unknown action \"\(name)\" in key bindings")
                continue
            }
            guard specs[action] != nil else {
                if registry.readOnly { continue }
                conflicts.append("action \"\(name)\" is not available")
                continue
            }
            if values.isEmpty || values == ["<disabled>"] {
                keys[action] = []
                userBound[action] = []
                continue
            }
            var parsed: [KeyPress] = []
            for v in values {
                let k = KeyPress(v)
                if k.isValid { parsed.append(k) } else { conflicts.append("\"\(v)\" is not a key (action \(name))") }
            }
            keys[action] = parsed
            userBound[action] = parsed
        }

        // User bindings win: strip the same key from overlapping defaults; report user/user clashes.
        let userActions = userBound.keys.sorted { $0.rawValue < $1.rawValue }
        for (i, action) in userActions.enumerated() {
            guard let scope = specs[action]?.scope else { continue }
            for key in userBound[action] ?? [] {
                for other in userActions[(i + 1)...] where specs[other].map({ $0.scope.overlaps(scope) }) == true {
                    if keys[other]?.contains(key) == true {
                        keys[other]?.removeAll { $0 == key }
                        conflicts.append("key \(key) is bound to both \(action.rawValue) and \(other.rawValue); \(action.rawValue) keeps it")
                    }
                }
                for (other, spec) in specs where other != action && userBound[other] == nil && spec.scope.overlaps(scope) {
                    if keys[other]?.contains(key) == true {
                        keys[other]?.removeAll { $0 == key }
                        conflicts.append("key \(key) now runs \(action.rawValue) instead of \(other.rawValue)")
                    }
                }
            }
        }
        self.keys = keys
        self.conflicts = conflicts
    }

    /// The action `key` runs in a pane with `scopes`, or nil. Specific scopes are tried before
    /// global ones, so `tab` switches detail tabs in a detail view and panes elsewhere.
    public func action(for key: KeyPress, in scopes: Set<ActionScope>) -> ActionID? {
        let candidates = keys.filter { $0.value.contains(key) }.map(\.key)
        let active = candidates.filter { id in specs[id].map { scopes.contains($0.scope) || $0.scope == .global } ?? false }
        return active.sorted { a, b in
            let ga = specs[a]?.scope == .global, gb = specs[b]?.scope == .global
            if ga != gb { return !ga }
            return a.rawValue < b.rawValue
        }.first
    }

    /// Display name of the first key bound to `action`, or nil when unbound.
    public func primaryKey(_ action: ActionID) -> String? { keys[action]?.first?.name }
}
