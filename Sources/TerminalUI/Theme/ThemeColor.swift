/// A colour as a theme file writes it: the terminal's own default, one of the 16 ANSI colours,
/// an xterm-256 index or 24-bit RGB. `resolved(for:)` degrades it to what the terminal can show.
public enum ThemeColor: Hashable, Sendable {
    case terminalDefault
    case ansi(Int)          // 0-15
    case indexed(Int)       // 0-255
    case rgb(UInt8, UInt8, UInt8)

    static let names: [String: Int] = [
        "black": 0, "red": 1, "green": 2, "yellow": 3, "blue": 4, "magenta": 5, "cyan": 6, "white": 7,
        "gray": 8, "grey": 8, "bright-black": 8, "bright-red": 9, "bright-green": 10, "bright-yellow": 11,
        "bright-blue": 12, "bright-magenta": 13, "bright-cyan": 14, "bright-white": 15,
    ]

    /// Parses "default", a colour name, "0"-"255" or "#rrggbb"; nil when unrecognised.
    public static func parse(_ token: String) -> ThemeColor? {
        let t = token.lowercased()
        if t == "default" { return .terminalDefault }
        if let n = names[t] { return .ansi(n) }
        if let n = Int(t), (0...255).contains(n) { return n < 16 ? .ansi(n) : .indexed(n) }
        if t.hasPrefix("#"), t.count == 7, let v = UInt32(t.dropFirst(), radix: 16) {
            return .rgb(UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF))
        }
        return nil
    }

    /// The colour number to hand the terminal for `mode` (-1 = terminal default), or nil when
    /// the mode has no colour at all.
    public func resolved(for mode: ColorMode) -> Int? {
        switch mode {
        case .none: return nil
        case .direct:
            switch self {
            case .terminalDefault: return -1
            case .ansi(let n): return n
            case .indexed(let n): return n
            case .rgb(let r, let g, let b): return Int(r) << 16 | Int(g) << 8 | Int(b)
            }
        case .indexed256:
            switch self {
            case .terminalDefault: return -1
            case .ansi(let n), .indexed(let n): return n
            case .rgb(let r, let g, let b): return Self.xterm256(r, g, b)
            }
        case .ansi16, .ansi8:
            let limit = mode == .ansi8 ? 8 : 16
            let n: Int
            switch self {
            case .terminalDefault: return -1
            case .ansi(let a): n = a
            case .indexed(let i): n = Self.nearestANSI(Self.rgbOf(index: i), limit: limit)
            case .rgb(let r, let g, let b): n = Self.nearestANSI((Int(r), Int(g), Int(b)), limit: limit)
            }
            return n < limit ? n : n - 8
        }
    }

    /// Nearest xterm-256 index of an RGB colour (6x6x6 cube or grey ramp).
    static func xterm256(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> Int {
        func cube(_ v: UInt8) -> Int { v < 48 ? 0 : v < 115 ? 1 : (Int(v) - 35) / 40 }
        let (cr, cg, cb) = (cube(r), cube(g), cube(b))
        let levels = [0, 95, 135, 175, 215, 255]
        let cubeColor = (levels[cr], levels[cg], levels[cb])
        let average = (Int(r) + Int(g) + Int(b)) / 3
        let greyIndex = average > 238 ? 23 : max(0, (average - 3) / 10)
        let grey = 8 + 10 * greyIndex
        func distance(_ c: (Int, Int, Int)) -> Int {
            let dr = c.0 - Int(r), dg = c.1 - Int(g), db = c.2 - Int(b)
            return dr * dr + dg * dg + db * db
        }
        return distance(cubeColor) <= distance((grey, grey, grey)) ? 16 + 36 * cr + 6 * cg + cb : 232 + greyIndex
    }

    static let ansiRGB: [(Int, Int, Int)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]

    static func rgbOf(index i: Int) -> (Int, Int, Int) {
        if i < 16 { return ansiRGB[i] }
        if i >= 232 { let v = 8 + 10 * (i - 232); return (v, v, v) }
        let levels = [0, 95, 135, 175, 215, 255]
        let n = i - 16
        return (levels[n / 36], levels[(n / 6) % 6], levels[n % 6])
    }

    static func nearestANSI(_ c: (Int, Int, Int), limit: Int) -> Int {
        var best = 0, bestDistance = Int.max
        for (i, p) in ansiRGB.prefix(limit).enumerated() {
            let d = (p.0 - c.0) * (p.0 - c.0) + (p.1 - c.1) * (p.1 - c.1) + (p.2 - c.2) * (p.2 - c.2)
            if d < bestDistance { best = i; bestDistance = d }
        }
        return best
    }
}

/// How much colour the terminal can show; chosen from NO_COLOR and the terminal's colour count.
public enum ColorMode: Sendable, Equatable {
    /// No colour: roles are told apart by bold, underline, reverse and dim only.
    case none
    case ansi8, ansi16, indexed256
    /// 24-bit colour (a `*-direct` terminfo entry).
    case direct

    /// The mode for a terminal that reports `colors` colours, honouring NO_COLOR (any
    /// non-empty value turns colour off, as no-color.org says).
    public static func detect(colors: Int, environment: [String: String]) -> ColorMode {
        if let value = environment["NO_COLOR"], !value.isEmpty { return .none }
        switch colors {
        case ..<8: return .none
        case ..<16: return .ansi8
        case ..<256: return .ansi16
        case ..<0x1000000: return .indexed256
        default: return .direct
        }
    }
}
