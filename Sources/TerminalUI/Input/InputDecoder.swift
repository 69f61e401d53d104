/// One raw input unit as ncurses `wget_wch` delivers it: a character, or a function-key code.
public enum RawInput: Hashable, Sendable {
    case character(UInt32)
    case keyCode(Int32)
    case mouse(MouseEvent)
}

/// Turns a batch of raw input (everything readable right now) into keys. Handles what ncurses
/// leaves to us: control characters, ESC followed by a character (Alt, or a lone Esc), CSI
/// sequences that terminfo does not name (bracketed paste `ESC[200~ … ESC[201~`, Shift-Tab),
/// and a paste split across reads.
public struct InputDecoder: Sendable {
    /// Text of a bracketed paste still open at the end of the last batch.
    private var pendingPaste: String?

    public init() {}

    /// ncurses key codes (from <curses.h>), kept as constants so decoding is testable without ncurses.
    public enum Code {
        public static let down: Int32 = 0o402, up: Int32 = 0o403, left: Int32 = 0o404, right: Int32 = 0o405
        public static let home: Int32 = 0o406, backspace: Int32 = 0o407, f0: Int32 = 0o410
        public static let delete: Int32 = 0o512, insert: Int32 = 0o513, pageDown: Int32 = 0o522, pageUp: Int32 = 0o523
        public static let enter: Int32 = 0o527, backTab: Int32 = 0o541, end: Int32 = 0o550
        public static let mouse: Int32 = 0o631, resize: Int32 = 0o632
    }

    public mutating func decode(_ batch: [RawInput]) -> [Key] {
        var keys: [Key] = []
        var index = 0
        while index < batch.count {
            if pendingPaste != nil {
                if let end = pasteEnd(in: batch, from: index) {
                    pendingPaste! += text(batch[index..<end])
                    keys.append(.paste(pendingPaste!))
                    pendingPaste = nil
                    index = end + 6
                } else {
                    pendingPaste! += text(batch[index...])
                    index = batch.count
                }
                continue
            }
            switch batch[index] {
            case .mouse(let event):
                keys.append(.mouse(event)); index += 1
            case .keyCode(let code):
                if let key = Self.key(forCode: code) { keys.append(key) }
                index += 1
            case .character(let value):
                if value == 0x1B {
                    let (key, consumed) = decodeEscape(batch, at: index)
                    if let key { keys.append(key) }
                    index += consumed
                } else {
                    if let key = Self.key(forCharacter: value) { keys.append(key) }
                    index += 1
                }
            }
        }
        return keys
    }

    private mutating func decodeEscape(_ batch: [RawInput], at index: Int) -> (Key?, Int) {
        let rest = batch[(index + 1)...]
        let chars = rest.prefix(6).map { raw -> UInt32? in if case .character(let c) = raw { return c } else { return nil } }
        func matches(_ s: String) -> Bool {
            let wanted = s.unicodeScalars.map(\.value)
            return chars.count >= wanted.count && zip(chars, wanted).allSatisfy { $0 == $1 }
        }
        if matches("[200~") {
            pendingPaste = ""
            return (nil, 6)
        }
        if matches("[Z") { return (.backTab, 3) }
        if matches("[A") || matches("OA") { return (.up, 3) }
        if matches("[B") || matches("OB") { return (.down, 3) }
        if matches("[C") || matches("OC") { return (.right, 3) }
        if matches("[D") || matches("OD") { return (.left, 3) }
        if matches("[H") || matches("OH") { return (.home, 3) }
        if matches("[F") || matches("OF") { return (.end, 3) }
        if matches("[5~") { return (.pageUp, 4) }
        if matches("[6~") { return (.pageDown, 4) }
        if matches("[3~") { return (.delete, 4) }
        // ESC then another key inside the same read: Alt+key, which we treat as Esc (a lone ESC
        // arrives alone because ncurses waits ESCDELAY for a sequence).
        return (.escape, 1)
    }

    private func pasteEnd(in batch: [RawInput], from start: Int) -> Int? {
        let marker: [UInt32] = [0x1B, 0x5B, 0x32, 0x30, 0x31, 0x7E]   // ESC [ 2 0 1 ~
        guard batch.count - start >= marker.count else { return nil }
        for i in start...(batch.count - marker.count) {
            var ok = true
            for (offset, m) in marker.enumerated() {
                guard case .character(let c) = batch[i + offset], c == m else { ok = false; break }
            }
            if ok { return i }
        }
        return nil
    }

    private func text(_ slice: ArraySlice<RawInput>) -> String {
        var result = ""
        for raw in slice {
            guard case .character(let c) = raw, let scalar = Unicode.Scalar(c) else { continue }
            if c == 0x0D { result.append("\n") } else { result.unicodeScalars.append(scalar) }
        }
        return result
    }

    /// The key for an ncurses key code, or nil for codes we ignore.
    public static func key(forCode code: Int32) -> Key? {
        switch code {
        case Code.up: return .up
        case Code.down: return .down
        case Code.left: return .left
        case Code.right: return .right
        case Code.home: return .home
        case Code.end: return .end
        case Code.pageUp: return .pageUp
        case Code.pageDown: return .pageDown
        case Code.backspace: return .backspace
        case Code.delete: return .delete
        case Code.insert: return .insert
        case Code.enter: return .enter
        case Code.backTab: return .backTab
        case Code.resize: return .resize
        case (Code.f0 + 1)...(Code.f0 + 24): return .function(Int(code - Code.f0))
        default: return nil
        }
    }

    /// The key for a character: Enter, Tab, Backspace and ctrl-letters come as control characters.
    public static func key(forCharacter value: UInt32) -> Key? {
        switch value {
        case 0x0D, 0x0A: return .enter
        case 0x09: return .tab
        case 0x08, 0x7F: return .backspace
        case 0x01...0x1A: return .control(Character(Unicode.Scalar(value + 0x60)!))
        case 0x00, 0x1C...0x1F, 0x80...0x9F: return nil
        default:
            guard let scalar = Unicode.Scalar(value) else { return nil }
            return .character(Character(scalar))
        }
    }
}
