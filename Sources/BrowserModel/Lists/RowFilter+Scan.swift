import Foundation

/// What a filter pass reads: the store's haystack arena and the list order, as values that
/// stay valid while the main actor keeps appending (arena chunks never move), so the pass can
/// run off the main actor.
struct FilterScan: @unchecked Sendable {
    let haystacks: ByteArena
    let haystackAt: [ByteArena.Address]
    /// Slot of each row, in list order.
    let order: [Int32]

    init(store: RowStore, order: [Int32]) {
        haystacks = store.haystacks
        haystackAt = store.haystackAt
        self.order = order
    }

    /// Rows (ascending) among `rows` that `filter` keeps; nil when the task was cancelled.
    ///
    /// A plain-text filter over many rows is one search pass per arena chunk (`memchr` for the
    /// needle's rarest byte, then `memcmp`): each hit is mapped to its slot (haystack addresses
    /// grow with the slot number) and the search skips to the next slot; then the rows are read
    /// off in list order. Regular expressions (and the
    /// rare needle holding a 0x00 byte) are matched row by row.
    func matchingRows(_ filter: RowFilter, rows: Range<Int>, cancellable: Bool) -> [Int]? {
        // The arena pass reads every slot: worth it for most of the list, not for a page of
        // rows just added to a long one.
        guard let needle = filter.plainNeedle, rows.count >= 64, rows.count * 4 >= haystackAt.count else {
            return perRow(filter, rows: rows, cancellable: cancellable)
        }
        guard let hits = slotsContaining(needle, cancellable: cancellable) else { return nil }
        var out: [Int] = []
        for r in rows {
            if cancellable, r & 0xFFFF == 0, Task.isCancelled { return nil }
            let slot = Int(order[r])
            let hit = hits[slot >> 6] & (1 << UInt64(slot & 63)) != 0
            if hit != filter.inverse { out.append(r) }
        }
        return out
    }

    /// Bit set over slots: which slots' haystacks contain `needle`.
    func slotsContaining(_ needle: [UInt8], cancellable: Bool) -> [UInt64]? {
        let slotCount = haystackAt.count
        var hits = [UInt64](repeating: 0, count: (slotCount + 63) / 64)
        guard slotCount > 0 else { return hits }
        var slot = 0
        let chunks = haystacks.chunks, used = haystacks.used
        let anchor = Self.rarestByte(of: needle, sample: chunks.isEmpty ? nil : UnsafeRawBufferPointer(start: chunks[0].base, count: min(used[0], 65_536)))
        return needle.withUnsafeBytes { n -> [UInt64]? in
            for c in chunks.indices {
                if cancellable, Task.isCancelled { return nil }
                let base = UnsafeRawPointer(chunks[c].base), length = used[c]
                let chunkStart = ByteArena.address(chunk: c, offset: 0)
                // The first slot whose haystack is in this chunk.
                while slot < slotCount, haystackAt[slot] < chunkStart { slot += 1 }
                var position = 0
                while position < length, let found = Self.find(n, anchor: anchor, in: base, from: position, length: length) {
                    let address = ByteArena.address(chunk: c, offset: found)
                    slot = Self.slot(containing: address, in: haystackAt, from: slot)
                    hits[slot >> 6] |= 1 << UInt64(slot & 63)
                    guard slot + 1 < slotCount else { break }
                    let (nextChunk, nextOffset) = ByteArena.split(haystackAt[slot + 1])
                    if nextChunk != c { break }
                    slot += 1
                    position = nextOffset
                }
            }
            return hits
        }
    }

    /// Offset of the first occurrence of `needle` in `base[from..<length]`: `memchr` for the
    /// byte at `anchor` (vectorised in glibc), then `memcmp` of the whole needle around it.
    static func find(_ needle: UnsafeRawBufferPointer, anchor: Int, in base: UnsafeRawPointer, from: Int, length: Int) -> Int? {
        let n = needle.count
        let key = Int32(needle[anchor])
        var position = from + anchor
        while position < length {
            guard let p = memchr(base + position, key, length - position) else { return nil }
            let at = UnsafeRawPointer(p) - base
            let start = at - anchor
            if start + n > length { return nil }
            if memcmp(base + start, needle.baseAddress!, n) == 0 { return start }
            position = at + 1
        }
        return nil
    }

    /// Index of the needle byte that is rarest in `sample` (the start of the arena), so the
    /// `memchr` in `find` stops as seldom as possible.
    static func rarestByte(of needle: [UInt8], sample: UnsafeRawBufferPointer?) -> Int {
        guard needle.count > 1, let sample else { return 0 }
        var counts = [Int](repeating: 0, count: 256)
        for b in sample { counts[Int(b)] += 1 }
        var best = 0
        for i in needle.indices where counts[Int(needle[i])] < counts[Int(needle[best])] { best = i }
        return best
    }

    /// The last slot at or after `from` whose haystack starts at or before `address`.
    static func slot(containing address: ByteArena.Address, in starts: [ByteArena.Address], from: Int) -> Int {
        var s = from
        // Hits are usually in the next few slots; probe before bisecting.
        for _ in 0..<8 {
            if s + 1 < starts.count, starts[s + 1] <= address { s += 1 } else { return s }
        }
        var low = s, high = starts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if starts[mid] <= address { low = mid } else { high = mid - 1 }
        }
        return low
    }

    private func perRow(_ filter: RowFilter, rows: Range<Int>, cancellable: Bool) -> [Int]? {
        var out: [Int] = []
        let needle = filter.plainNeedle
        for r in rows {
            if cancellable, r & 1023 == 0, Task.isCancelled { return nil }
            let slot = Int(order[r])
            let text = haystacks.pointer(haystackAt[slot])
            let hit: Bool
            if let needle {
                let length = strlen(text.assumingMemoryBound(to: CChar.self))
                hit = needle.withUnsafeBytes { Self.find($0, anchor: 0, in: text, from: 0, length: length) != nil }
            } else {
                hit = filter.regexMatches(lowercased: String(cString: text.assumingMemoryBound(to: CChar.self)))
            }
            if hit != filter.inverse { out.append(r) }
        }
        return out
    }
}
