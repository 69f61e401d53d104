import Foundation

/// Append-only byte storage in fixed-size chunks: many small byte strings (row texts) without
/// one Swift object per string, and without ever moving what was written, so a background
/// reader holding an older `ByteArena` value can scan it while the main actor appends.
///
/// An entry is addressed by a 32-bit `Address`: chunk index in the high bits, offset in the
/// low 20 bits. Addresses grow in append order, which lets a scan map a hit back to its entry
/// by binary search. An entry never spans chunks; one larger than a chunk gets its own chunk.
struct ByteArena: @unchecked Sendable {
    typealias Address = UInt32

    static let offsetBits: UInt32 = 20
    /// 1 MiB: a chunk is a single mmap'd block, so memory only becomes resident as it is written.
    static let chunkSize = 1 << 20

    /// One contiguous block. Never reallocated, freed when the last arena value using it goes.
    final class Chunk: @unchecked Sendable {
        let base: UnsafeMutableRawPointer
        let capacity: Int
        init(capacity: Int) {
            self.capacity = capacity
            base = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 16)
        }
        deinit { base.deallocate() }
    }

    private(set) var chunks: [Chunk] = []
    /// Bytes written in each chunk (only the last one still grows).
    private(set) var used: [Int] = []

    /// Total bytes written.
    var byteCount: Int { used.reduce(0, +) }

    /// Appends `bytes` (plus `terminator` when given) and returns where the entry starts.
    @discardableResult
    mutating func append<C: Collection>(_ bytes: C, terminator: UInt8? = nil) -> Address where C.Element == UInt8 {
        let need = bytes.count + (terminator == nil ? 0 : 1)
        if chunks.isEmpty || used[used.count - 1] + need > chunks[chunks.count - 1].capacity {
            chunks.append(Chunk(capacity: max(Self.chunkSize, need)))
            used.append(0)
            precondition(chunks.count < (1 << (32 - Int(Self.offsetBits))), "row store over 4 GiB")
        }
        let c = chunks.count - 1
        let offset = used[c]
        let dest = chunks[c].base + offset
        let copied: Void? = bytes.withContiguousStorageIfAvailable { buffer in
            if let source = buffer.baseAddress { dest.copyMemory(from: source, byteCount: buffer.count) }
        }
        if copied == nil {
            var i = 0
            for b in bytes {
                dest.storeBytes(of: b, toByteOffset: i, as: UInt8.self)
                i += 1
            }
        }
        if let terminator { dest.storeBytes(of: terminator, toByteOffset: bytes.count, as: UInt8.self) }
        used[c] = offset + need
        return UInt32(c) << Self.offsetBits | UInt32(offset)
    }

    /// Pointer to the entry at `address`.
    func pointer(_ address: Address) -> UnsafeRawPointer {
        UnsafeRawPointer(chunks[Int(address >> Self.offsetBits)].base + Int(address & ((1 << Self.offsetBits) - 1)))
    }

    /// The `count` bytes at `address`.
    func bytes(_ address: Address, count: Int) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(start: pointer(address), count: count)
    }

    /// The chunk index and offset of an address.
    static func split(_ address: Address) -> (chunk: Int, offset: Int) {
        (Int(address >> offsetBits), Int(address & ((1 << offsetBits) - 1)))
    }

    static func address(chunk: Int, offset: Int) -> Address {
        UInt32(chunk) << offsetBits | UInt32(offset)
    }
}
